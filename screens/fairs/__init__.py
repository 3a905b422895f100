"""Job fairs: on-site, online and live-stream, each with a QR code."""

from screens.fairs.screen import FairsScreen

FLOW = "fairs"
SCREENS = {"fairs": (FairsScreen, "fairs.kv")}
