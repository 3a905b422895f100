"""Audio failures: the speech service catches these, logs one line and goes silent."""

from __future__ import annotations

from devices.errors import DeviceError


class AudioError(DeviceError):
    """The audio device failed; the message says what a technician should check."""


class AudioUnplugged(AudioError):
    """No sound device: unplugged, not configured, or aplay missing."""


class AudioBusy(AudioError):
    """Another program holds the sound device."""
