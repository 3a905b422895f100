"""The reference central platform: the contract the kiosk speaks, as a real server."""
