"""Camera failures, each with the exit code the command-line tools use."""

from __future__ import annotations

from devices.errors import DeviceError


class CameraError(DeviceError):
    """The camera failed; the message says what a technician should check."""


class CameraUnavailable(CameraError):
    """The camera cannot be opened: unplugged, busy, or no such device."""

    exit_code = 3


class EndOfStream(CameraError):
    """A finite source (a video file, a list of pictures) has no more frames."""

    exit_code = 2
