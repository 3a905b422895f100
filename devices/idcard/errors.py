"""What can go wrong with an ID-card reader, in words a technician can act on."""

from __future__ import annotations

from devices.errors import DeviceError


class IdcardError(DeviceError):
    """Base of every card-reader error."""


class ReaderUnavailable(IdcardError):
    """The serial port cannot be opened or has gone (unplugged, wrong path, no permission)."""


class ReaderTimeout(IdcardError):
    """The reader did not answer in time (wrong baud rate, cable, or a hung reader)."""

    exit_code = 2


class ProtocolError(IdcardError):
    """Bytes from the reader that are not a valid GA/T 467 frame."""


class ReaderStatusError(IdcardError):
    """The reader answered with an error status word (SW3)."""

    def __init__(self, sw3: int, message: str) -> None:
        super().__init__(f"card reader: status {sw3:02X}: {message}")
        self.sw3 = sw3


class SamError(ReaderStatusError):
    """The reader's security module (SAM) failed or is not authorised: the reader needs service."""


class CardReadFailed(ReaderStatusError):
    """The card could not be read (moved, dirty, or not a supported card)."""


class CardDataError(IdcardError):
    """The card's text does not follow the GA 490 layout."""
