"""The one exception hierarchy of the kiosk core.

Every error the core raises derives from KioskError so the failsafe and the
command line can tell "our" failures (with a message a technician can act on)
from programming errors.
"""


class KioskError(Exception):
    """Base of every error raised by the kiosk core."""


class ConfigError(KioskError):
    """A configuration key or value is wrong; start-up stops with one line."""


class SessionError(KioskError):
    """A visitor session was asked to do something its state does not allow."""


class I18nError(KioskError):
    """A message catalog is missing or broken."""
