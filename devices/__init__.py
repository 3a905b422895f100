"""Hardware: ID-card reader, receipt printer, camera.

Each device has a narrow interface, the real driver, a simulator that speaks the
same wire protocol, and a status model. Imports nothing from kiosk/ or screens/.
"""
