"""Byte layouts of the 256-byte card text (GA 490 and the permit specifications).

Each layout is data: (field, size in bytes) in card order, UTF-16LE text
padded with spaces. The same tables parse what a reader sends and build what
the simulator sends, so the two can never drift apart.
"""

from __future__ import annotations

TEXT_SIZE = 256
TYPE_OFFSET = 248

Layout = tuple[tuple[str, int], ...]

RESIDENT: Layout = (
    ("name", 30), ("sex", 2), ("nation", 4), ("birth", 16), ("address", 70), ("number", 36),
    ("authority", 30), ("valid_from", 16), ("valid_to", 16), ("_reserved", 36),
)
HMT_PERMIT: Layout = RESIDENT[:9] + (
    ("pass_number", 18), ("issue_count", 4), ("_reserved1", 6), ("_type", 2), ("_reserved2", 6),
)
FOREIGN_2017: Layout = (
    ("name_en", 120), ("sex", 2), ("number", 30), ("nationality", 6), ("name", 30),
    ("valid_from", 16), ("valid_to", 16), ("birth", 16), ("card_version", 4),
    ("authority_code", 8), ("_type", 2), ("_reserved", 6),
)
FOREIGN_2023: Layout = (
    ("name", 30), ("sex", 2), ("renewals", 4), ("birth", 16), ("name_en", 70), ("number", 36),
    ("_reserved", 30), ("valid_from", 16), ("valid_to", 16), ("name_en_more", 22),
    ("nationality", 6), ("_type", 2), ("previous_link", 6),
)

BY_LETTER: dict[str, Layout] = {"": RESIDENT, "J": HMT_PERMIT, "I": FOREIGN_2017,
                                "Y": FOREIGN_2023}


def type_letter(text: bytes) -> str:
    """The card type letter at offset 248 ("" for a resident ID card)."""
    return text[TYPE_OFFSET:TYPE_OFFSET + 2].decode("utf-16-le", "replace").strip(" \x00")


def decode(text: bytes, layout: Layout) -> dict[str, str]:
    """Split the text into stripped strings, one per named field."""
    values, offset = {}, 0
    for name, size in layout:
        raw = text[offset:offset + size]
        values[name] = raw.decode("utf-16-le", "replace").strip(" \x00")
        offset += size
    return values


def encode(values: dict[str, str], layout: Layout) -> bytes:
    """Build the 256 bytes from field values (missing fields are blank)."""
    out = bytearray()
    for name, size in layout:
        raw = values.get(name, "").encode("utf-16-le")[:size]
        out += raw + " ".encode("utf-16-le") * ((size - len(raw)) // 2)
    assert len(out) == TEXT_SIZE, "layout tables must add up to 256 bytes"
    return bytes(out)
