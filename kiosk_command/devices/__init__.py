"""`kiosk devices ...` tools, one module each (found by listing this package)."""
