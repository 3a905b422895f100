"""Printer errors: one hierarchy under DeviceError."""

from devices.errors import DeviceError


class PrinterError(DeviceError):
    """The printer or its configuration failed; the message says what to check."""


class ProfileError(PrinterError):
    """A printer profile in config/printers is missing or malformed."""


class PrintFailed(PrinterError):
    """A job could not be printed completely (the status says why)."""
