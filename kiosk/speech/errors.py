"""Errors of the speech service (a pack that does not validate, a voice that cannot run)."""

from kiosk.errors import KioskError


class SpeechError(KioskError):
    """Speech could not be made; the kiosk goes on silently."""


class PackError(SpeechError):
    """A prompt pack is missing, unreadable or does not match the catalogs."""
