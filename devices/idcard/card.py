"""The card a visitor laid on the reader, for all four card types.

Personal data: the card lives in memory only for the visitor's session; its
repr never shows the name or number, and every display goes through the one
masking helper.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from devices.idcard import codes
from devices.idcard.errors import CardDataError
from devices.idcard.layouts import LAYOUTS, TEXT_BYTES, decode_fields, type_letter
from devices.idcard.masking import mask_name, mask_number
from devices.idcard.validation import LONG_TERM, Validation, validate

# where the birth date sits inside each card type's number (None: not inside)
BIRTH_IN_NUMBER = {"resident": (6, 14), "hmt_residence": (6, 14), "permit_2023": (6, 14),
                   "permit_2017": None}
TYPE_NAMES = {"resident": "居民身份证", "permit_2017": "外国人永久居留身份证（2017版）",
              "hmt_residence": "港澳台居民居住证", "permit_2023": "外国人永久居留身份证（2023版）"}


@dataclass(frozen=True, repr=False)
class Card:
    """Text fields of a card; photo is the opaque WLT image."""

    card_type: str
    name: str
    sex: str
    birth: str
    number: str
    valid_from: str
    valid_to: str
    authority: str = ""
    address: str = ""
    nation: str = ""
    nationality: str = ""
    name_en: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    photo: bytes = b""

    def __repr__(self) -> str:
        return f"Card({self.card_type}, {mask_number(self.number)})"

    def validation(self, today: dt.date) -> Validation:
        """Check digit, birth date in the number, sane dates, expiry on `today`."""
        span = BIRTH_IN_NUMBER[self.card_type]
        inside = self.number[span[0]:span[1]] if span else None
        return validate(self.number, span is not None, self.birth, inside,
                        self.valid_from, self.valid_to, today)

    def masked_number(self) -> str:
        return mask_number(self.number)

    def masked_name(self) -> str:
        return mask_name(self.name)

    def to_json(self, today: dt.date, reveal: bool = False) -> dict[str, Any]:
        """The stable JSON object `kiosk devices read-card` prints (see docs/idcard.md)."""
        v = self.validation(today)
        return {
            "card_type": self.card_type, "card_type_text": TYPE_NAMES[self.card_type],
            "name": self.name if reveal else self.masked_name(), "name_en": self.name_en,
            "sex": {"code": self.sex, "text": codes.SEX.get(self.sex, "")},
            "nation": {"code": self.nation, "text": codes.NATION.get(self.nation, "")},
            "nationality": {"code": self.nationality,
                            "text": codes.NATIONALITY.get(self.nationality, self.nationality)},
            "birth_date": _iso(self.birth), "valid_from": _iso(self.valid_from),
            "valid_to": _iso(self.valid_to), "address": self.address if reveal else "",
            "number": self.number if reveal else self.masked_number(),
            "authority": self.authority, "extra": self.extra,
            "validation": {"number_ok": v.number_ok, "birth_matches": v.birth_matches,
                           "dates_ok": v.dates_ok, "expired": v.expired, "valid": v.valid},
        }


def _iso(text: str) -> str:
    if text == LONG_TERM or len(text) != 8:
        return text
    return f"{text[:4]}-{text[4:6]}-{text[6:]}"


_COMMON = ("name", "sex", "birth", "number", "valid_from", "valid_to")
_OPTIONAL = ("authority", "address", "nation", "nationality", "name_en")


def parse_card(text: bytes, photo: bytes = b"") -> Card:
    """A Card from the 256-byte text of a base read."""
    if len(text) != TEXT_BYTES:
        raise CardDataError(f"card reader: card text is {len(text)} bytes, expected 256")
    letter = type_letter(text)
    if letter not in LAYOUTS:
        raise CardDataError(f"card reader: unknown card type letter {letter!r}")
    card_type, layout = LAYOUTS[letter]
    fields = decode_fields(text, layout)
    if card_type == "permit_2023":
        fields["name_en"] = fields["name_en"] + fields.pop("name_en_more", "")
    known = set(_COMMON + _OPTIONAL)
    extra = {k: v for k, v in fields.items()
             if k not in known and not k.startswith("reserved") and k != "type" and v}
    return Card(card_type=card_type, extra=extra, photo=photo,
                **{k: fields.get(k, "") for k in _COMMON + _OPTIONAL})


PhotoDecoder = Callable[[bytes], bytes]


def photo_image(card: Card, decoder: PhotoDecoder | None = None) -> bytes | None:
    """The face photo as an image, when a licensed WLT decoder is installed; else None."""
    if decoder is None or not card.photo:
        return None
    return decoder(card.photo)
