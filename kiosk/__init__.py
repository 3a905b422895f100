"""The kiosk core: visitor sessions, use cases, receipts, platform client, i18n.

Runs without a display; never imports kivy or screens (a test enforces it).
"""
