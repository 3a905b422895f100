"""SW3 status words of GA/T 467 readers, each with a message and an error type."""

from __future__ import annotations

from devices.idcard.errors import (
    CardReadFailed,
    ReaderStatusError,
    SamError,
)

OK = 0x90
CARD_FOUND = 0x9F
NO_CARD = 0x80
SELECT_FAILED = 0x81
NO_CONTENT = 0x91

MESSAGES: dict[int, tuple[str, type[ReaderStatusError]]] = {
    0x10: ("the reader received a command with a wrong checksum (line noise or wrong baud rate)",
           ReaderStatusError),
    0x11: ("the reader received a command of wrong length (line noise or wrong baud rate)",
           ReaderStatusError),
    0x21: ("the reader does not know this command (unsupported reader model?)",
           ReaderStatusError),
    0x23: ("the command is not authorised on this reader", ReaderStatusError),
    0x24: ("unknown reader error; reset the reader", ReaderStatusError),
    0x31: ("card authentication failed (not a genuine card, or it moved)", CardReadFailed),
    0x32: ("the card did not verify the reader", CardReadFailed),
    0x33: ("information verification failed", CardReadFailed),
    0x40: ("unknown card type: not an ID card or residence permit", CardReadFailed),
    0x41: ("reading the card failed; lay it flat and still", CardReadFailed),
    0x47: ("taking a random number from the card failed", CardReadFailed),
    0x60: ("the security module (SAM) failed its self-test: the reader needs service", SamError),
    0x66: ("the security module (SAM) is not authorised: the reader needs service", SamError),
    NO_CARD: ("no card on the reader", CardReadFailed),
    SELECT_FAILED: ("selecting the card failed; it may have been lifted", CardReadFailed),
    NO_CONTENT: ("the card has no content for this item", ReaderStatusError),
}


def error_for(sw3: int) -> ReaderStatusError:
    """The typed error for a status word that is not a success."""
    message, cls = MESSAGES.get(sw3, (f"undocumented status word {sw3:02X}", ReaderStatusError))
    return cls(sw3, message)
