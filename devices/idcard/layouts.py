"""GA 490 text layouts of the four card types: (field, bytes) in order, 256 bytes each.

Layouts are data: a new card generation is a new table, not new parsing code.
"""

from __future__ import annotations

TEXT_BYTES = 256
TYPE_OFFSET = 248

RESIDENT = (("name", 30), ("sex", 2), ("nation", 4), ("birth", 16), ("address", 70),
            ("number", 36), ("authority", 30), ("valid_from", 16), ("valid_to", 16),
            ("reserved", 36))
PERMIT_2017 = (("name_en", 120), ("sex", 2), ("number", 30), ("nationality", 6), ("name", 30),
               ("valid_from", 16), ("valid_to", 16), ("birth", 16), ("version", 4),
               ("authority", 8), ("type", 2), ("reserved", 6))
HMT_RESIDENCE = RESIDENT[:-1] + (("pass_number", 18), ("issue_count", 4), ("reserved", 6),
                                 ("type", 2), ("reserved2", 6))
PERMIT_2023 = (("name", 30), ("sex", 2), ("renewals", 4), ("birth", 16), ("name_en", 70),
               ("number", 36), ("reserved", 30), ("valid_from", 16), ("valid_to", 16),
               ("name_en_more", 22), ("nationality", 6), ("type", 2), ("previous", 6))

# type letter at TYPE_OFFSET -> (card type, layout)
LAYOUTS = {
    " ": ("resident", RESIDENT),
    "I": ("permit_2017", PERMIT_2017),
    "J": ("hmt_residence", HMT_RESIDENCE),
    "Y": ("permit_2023", PERMIT_2023),
}


def check_layouts() -> None:
    """Every layout is 256 bytes with its type letter at byte 248 (used by the tests)."""
    for letter, (_, layout) in LAYOUTS.items():
        assert sum(n for _, n in layout) == TEXT_BYTES, letter
        offset = 0
        for name, size in layout:
            if name == "type":
                assert offset == TYPE_OFFSET, letter
            offset += size


def decode_fields(text: bytes, layout: tuple[tuple[str, int], ...]) -> dict[str, str]:
    """Split UTF-16LE text into stripped fields."""
    fields, offset = {}, 0
    for name, size in layout:
        fields[name] = text[offset:offset + size].decode("utf-16-le", "replace").strip(" \x00")
        offset += size
    return fields


def encode_fields(fields: dict[str, str], layout: tuple[tuple[str, int], ...]) -> bytes:
    """Fields to UTF-16LE text padded with spaces (the simulator writes cards with this)."""
    out = b""
    for name, size in layout:
        raw = fields.get(name, "").encode("utf-16-le")[:size]
        out += raw + " ".encode("utf-16-le") * ((size - len(raw)) // 2)
    return out


def type_letter(text: bytes) -> str:
    """The card-type letter (space for a resident ID card)."""
    return text[TYPE_OFFSET:TYPE_OFFSET + 2].decode("utf-16-le", "replace").strip("\x00") or " "
