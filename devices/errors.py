"""Root of the device exception hierarchy; each device package derives its own."""


class DeviceError(Exception):
    """A device failed; the message says what a technician should check."""

    exit_code = 3
