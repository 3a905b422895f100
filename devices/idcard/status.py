"""Reader status words (SW3) as typed errors a technician can act on.

Every failure the reader can report becomes one IdcardError subclass, so the
driver, the CLI and remote management say the same thing the same way, and
callers catch the family they care about (card problems vs reader problems).
"""

from __future__ import annotations

from devices.errors import DeviceError

OK = 0x90
CARD_FOUND = 0x9F
NO_CARD = 0x80
SELECT_FAILED = 0x81
NO_CONTENT = 0x91
SUCCESS = frozenset({OK, CARD_FOUND})


class IdcardError(DeviceError):
    """Anything that went wrong talking to the ID card reader."""

    sw3: int | None = None
    message = "ID card reader error"

    def __init__(self, detail: str = "") -> None:
        text = self.message if not detail else f"{self.message}: {detail}"
        if self.sw3 is not None:
            text = f"{text} (SW3 {self.sw3:02X})"
        super().__init__(text)


class ReaderUnavailable(IdcardError):
    """The port cannot be opened or vanished (unplugged, wrong path, no permission)."""

    message = "no ID card reader on the port: check the USB cable and the configured port"


class ReaderTimeout(IdcardError):
    """The reader did not answer in time."""

    exit_code = 2
    message = "the ID card reader did not answer in time: check power, cable and baud rate"


class ProtocolError(IdcardError):
    """Replies arrive but make no sense (corrupt, truncated, unexpected)."""

    message = "garbled reply from the ID card reader: check the cable and the baud rate"


class SamError(IdcardError):
    """The security module (SAM) inside the reader is not working."""


class CardError(IdcardError):
    """The reader works but this card could not be read; the visitor may try again."""


class NoCard(CardError):
    sw3 = NO_CARD
    message = "no card on the reader"


class SelectFailed(CardError):
    sw3 = SELECT_FAILED
    message = "card found but could not be selected: ask the visitor to lay it flat"


class NoContent(CardError):
    sw3 = NO_CONTENT
    message = "the card holds no data for that item"


def _make(name: str, base: type[IdcardError], sw3: int, message: str) -> type[IdcardError]:
    return type(name, (base,), {"sw3": sw3, "message": message, "__doc__": message})


ChecksumRejected = _make("ChecksumRejected", ProtocolError, 0x10,
                         "the reader rejected a command checksum: line noise or wrong baud rate")
LengthRejected = _make("LengthRejected", ProtocolError, 0x11,
                       "the reader rejected a command length: host and reader disagree on framing")
BadCommand = _make("BadCommand", ProtocolError, 0x21,
                   "the reader does not know this command: check the reader model/profile")
Unauthorised = _make("Unauthorised", SamError, 0x23,
                     "the reader refused the operation as unauthorised")
UnknownError = _make("UnknownError", IdcardError, 0x24,
                     "the reader reported an unknown error: reset or power-cycle it")
AuthFailed = _make("AuthFailed", CardError, 0x31,
                   "card authentication failed: the card may be damaged or not genuine")
VerifyFailed = _make("VerifyFailed", CardError, 0x32,
                     "reader authentication by the card failed: the card may be damaged")
InfoVerifyFailed = _make("InfoVerifyFailed", CardError, 0x33,
                         "the card data failed verification: the card may be damaged")
UnknownCardType = _make("UnknownCardType", CardError, 0x40,
                        "not an ID card the reader knows (bank or transport card?)")
ReadFailed = _make("ReadFailed", CardError, 0x41,
                   "reading the card failed: the card moved; ask the visitor to hold it still")
RandomFailed = _make("RandomFailed", CardError, 0x47,
                     "the card could not produce a random number: try again")
SamSelfTest = _make("SamSelfTest", SamError, 0x60,
                    "the reader's SAM failed its self-test: the reader needs service")
SamNotAuthorised = _make("SamNotAuthorised", SamError, 0x66,
                         "the reader's SAM is not authorised: the reader needs service")

BY_SW3: dict[int, type[IdcardError]] = {
    cls.sw3: cls
    for cls in (NoCard, SelectFailed, NoContent, ChecksumRejected, LengthRejected, BadCommand,
                Unauthorised, UnknownError, AuthFailed, VerifyFailed, InfoVerifyFailed,
                UnknownCardType, ReadFailed, RandomFailed, SamSelfTest, SamNotAuthorised)
    if cls.sw3 is not None
}


class UnexpectedStatus(ProtocolError):
    """An SW3 value the protocol does not define."""

    message = "the reader answered with an undefined status"


def error_for(sw3: int) -> IdcardError:
    """The typed error for a failing SW3 value."""
    cls = BY_SW3.get(sw3)
    if cls is None:
        return UnexpectedStatus(f"SW3 {sw3:02X}")
    return cls()


def check(sw3: int, accept: frozenset[int] = SUCCESS) -> None:
    """Raise the typed error unless sw3 is one of the accepted values."""
    if sw3 not in accept:
        raise error_for(sw3)
