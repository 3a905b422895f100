"""What a card says, as typed values: resident ID cards and the three permit types.

A card holds personal data, so its repr names only its type: a card that ends
up in a log line or a traceback leaks nothing. Screens and receipts use
masked(); only an explicit technician request sees the full values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from typing import ClassVar

from devices.idcard import codes, layout
from devices.idcard.masking import mask_name, mask_number
from devices.idcard.status import ProtocolError

LONG_TERM = "长期"
PhotoDecoder = Callable[[bytes], bytes | None]
_photo_decoder: list[PhotoDecoder] = []


def set_photo_decoder(decoder: PhotoDecoder | None) -> None:
    """Install a licensed WLT decoder (returns image bytes); None removes it."""
    _photo_decoder.clear()
    if decoder is not None:
        _photo_decoder.append(decoder)


def parse_date(raw: str) -> dt.date | None:
    """YYYYMMDD as a date; None for 长期 or anything unreadable."""
    try:
        return dt.datetime.strptime(raw, "%Y%m%d").date()
    except ValueError:
        return None


def iso(raw: str) -> str:
    """YYYY-MM-DD, 长期 as is, or the raw text when it is not a date."""
    date = parse_date(raw)
    return date.isoformat() if date else raw


@dataclass(frozen=True, repr=False)
class Card:
    """Fields every card type has. Dates are kept as printed (YYYYMMDD / 长期)."""

    LETTER: ClassVar[str] = ""
    KIND: ClassVar[str] = ""
    LAYOUT: ClassVar[layout.Layout] = ()

    name: str
    sex: str
    birth: str
    number: str
    valid_from: str
    valid_to: str
    photo: bytes = field(default=b"", compare=False)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} (personal data hidden)>"

    __str__ = __repr__

    @property
    def birth_date(self) -> dt.date | None:
        return parse_date(self.birth)

    @property
    def expiry(self) -> dt.date | None:
        """Last valid day; None for a long-term card."""
        return None if self.valid_to == LONG_TERM else parse_date(self.valid_to)

    def expired(self, today: dt.date) -> bool:
        """True once today is past the valid-to date (long-term cards never expire)."""
        end = self.expiry
        return end is not None and today > end

    def photo_image(self) -> bytes | None:
        """The decoded photo when a vendor decoder is installed, else None."""
        return _photo_decoder[0](self.photo) if _photo_decoder and self.photo else None

    def text_fields(self) -> dict[str, str]:
        """Field name -> text, as laid out on the card (the photo excluded)."""
        return {k: v for k, v in asdict(self).items() if k != "photo"}

    def encode_text(self) -> bytes:
        """The 256 bytes of card text (what a reader returns)."""
        values = {**self.text_fields(), "_type": self.LETTER}
        if isinstance(self, ForeignPermit2023):
            values["name_en"], values["name_en_more"] = self.name_en[:35], self.name_en[35:]
        return layout.encode(values, self.LAYOUT)

    def masked(self) -> MaskedCard:
        """The view screens and receipts may show."""
        return MaskedCard(self.KIND, mask_name(self.name), mask_number(self.number),
                          codes.text(codes.SEX, self.sex))


@dataclass(frozen=True)
class MaskedCard:
    """Masked name and number: safe on a screen, a receipt, or in a log."""

    kind: str
    name: str
    number: str
    sex: str


@dataclass(frozen=True, repr=False)
class ResidentCard(Card):
    """Resident identity card (居民身份证)."""

    KIND: ClassVar[str] = "resident"
    LAYOUT: ClassVar[layout.Layout] = layout.RESIDENT
    nation: str = ""
    address: str = ""
    authority: str = ""


@dataclass(frozen=True, repr=False)
class HmtPermit(Card):
    """Residence permit for Hong Kong, Macao and Taiwan residents (港澳台居民居住证)."""

    LETTER: ClassVar[str] = "J"
    KIND: ClassVar[str] = "hmt_permit"
    LAYOUT: ClassVar[layout.Layout] = layout.HMT_PERMIT
    address: str = ""
    authority: str = ""
    pass_number: str = ""
    issue_count: str = ""
    nation: str = ""

    @property
    def region(self) -> str:
        return codes.text(codes.HMT_REGIONS, self.number[:6])


@dataclass(frozen=True, repr=False)
class ForeignPermit2017(Card):
    """Foreigner's permanent residence ID card, 2017 layout (外国人永久居留身份证)."""

    LETTER: ClassVar[str] = "I"
    KIND: ClassVar[str] = "foreign_permit_2017"
    LAYOUT: ClassVar[layout.Layout] = layout.FOREIGN_2017
    name_en: str = ""
    nationality: str = ""
    card_version: str = ""
    authority_code: str = ""


@dataclass(frozen=True, repr=False)
class ForeignPermit2023(Card):
    """Foreigner's permanent residence ID card, 2023 layout."""

    LETTER: ClassVar[str] = "Y"
    KIND: ClassVar[str] = "foreign_permit_2023"
    LAYOUT: ClassVar[layout.Layout] = layout.FOREIGN_2023
    name_en: str = ""
    nationality: str = ""
    renewals: str = ""
    previous_link: str = ""


CARD_TYPES: dict[str, type[Card]] = {
    cls.LETTER: cls for cls in (ResidentCard, HmtPermit, ForeignPermit2017, ForeignPermit2023)
}
BY_KIND: dict[str, type[Card]] = {cls.KIND: cls for cls in CARD_TYPES.values()}


def parse_text(text: bytes, photo: bytes = b"") -> Card:
    """Build the right card type from the 256 bytes of card text."""
    if len(text) != layout.TEXT_SIZE:
        raise ProtocolError(f"card text is {len(text)} bytes, expected 256")
    letter = layout.type_letter(text)
    cls = CARD_TYPES.get(letter)
    if cls is None:
        raise ProtocolError(f"unknown card type letter {letter!r}")
    values = layout.decode(text, cls.LAYOUT)
    if cls is ForeignPermit2023:
        values["name_en"] = (text[52:122] + text[220:242]).decode("utf-16-le", "replace").strip()
    names = {f.name for f in fields(cls)} - {"photo"}
    return cls(photo=photo, **{k: v for k, v in values.items() if k in names})
