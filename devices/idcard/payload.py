"""Data part of the read replies: text and photo lengths, then text, photo (and fingerprints).

Shared by the driver (parse) and the simulator (build) so both sides agree.
"""

from __future__ import annotations

from devices.idcard.card import Card, parse_text
from devices.idcard.status import ProtocolError

PHOTO_SIZE = 1024


def build_base(card: Card, fingerprints: bytes | None = None) -> bytes:
    """The data of a 30 01 reply, or of 30 10 when fingerprints is given."""
    text, photo = card.encode_text(), card.photo.ljust(PHOTO_SIZE, b"\0")[:PHOTO_SIZE]
    head = len(text).to_bytes(2, "big") + len(photo).to_bytes(2, "big")
    if fingerprints is None:
        return head + text + photo
    return head + len(fingerprints).to_bytes(2, "big") + text + photo + fingerprints


def parse_base(data: bytes, with_fingerprints: bool = False) -> Card:
    """A card from the data of a 30 01 (or 30 10) reply; fingerprints are dropped."""
    if len(data) < 4:
        raise ProtocolError(f"read reply holds {len(data)} bytes, too short")
    text_len, photo_len = int.from_bytes(data[0:2], "big"), int.from_bytes(data[2:4], "big")
    start = 6 if with_fingerprints else 4
    if len(data) < start + text_len + photo_len:
        raise ProtocolError(f"read reply truncated: {len(data)} bytes")
    text = data[start:start + text_len]
    photo = data[start + text_len:start + text_len + photo_len]
    return parse_text(text, photo)
