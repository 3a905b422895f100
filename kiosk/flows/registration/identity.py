"""Who is registering: from the card, or typed by someone who has none with them.

A card read fills everything and is never retyped. A typed number is checked
the way the card reader checks one (GB 11643: MOD 11-2 check character, the
birth date inside the number) and the name must be written in Chinese
characters, as it is on the card: each problem is one plain line, and the
visitor's typing is left as it was so they correct it rather than start over.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from devices.idcard.masking import mask_name, mask_number
from devices.idcard.validation import check_char, parse_date
from kiosk.i18n import Text

if TYPE_CHECKING:
    from devices.idcard.card import Card

SEXES = {"1": "male", "2": "female"}       # GB/T 2261.1 as cards print it
MIDDLE_DOT = "·"                           # minority and transliterated names: 阿依古丽·买买提
# dots people type for the middle dot (full-width, katakana, bullet); kept as the one above
DOTS = {"\u00b7", "\u30fb", "\uff65", "\u2022", "\u2027", "\u22c5", "\u0387"}
MAX_NAME = 30
OLDEST_YEAR = 1900
_NUMBER = re.compile(r"[0-9]{17}[0-9X]")
_LATIN = re.compile(r"[A-Za-z\uff21-\uff3a\uff41-\uff5a]")


@dataclass(repr=False)
class Identity:
    """The visitor as the registration names them; repr masks it (never logged)."""

    name: str
    sex: str             # male | female | "" (unknown)
    birth_date: str      # ISO date
    id_number: str
    from_card: bool

    def __repr__(self) -> str:
        source = "card" if self.from_card else "typed"
        return f"Identity({source}, {mask_name(self.name)}, {mask_number(self.id_number)})"

    def masked_name(self) -> str:
        return mask_name(self.name)

    def masked_number(self) -> str:
        return mask_number(self.id_number)


def from_card(card: Card) -> Identity:
    """Everything the card says about its owner."""
    born = parse_date(card.birth)
    return Identity(name=card.name.strip(), sex=SEXES.get(card.sex, ""),
                    birth_date=born.isoformat() if born else "", id_number=card.number.strip(),
                    from_card=True)


def normal_number(typed: str) -> str:
    """A typed number as the checks read it: no spaces, full-width digits and a small x
    made ordinary (the on-screen keyboard may give either)."""
    text = unicodedata.normalize("NFKC", typed)
    return "".join(text.split()).upper()


def number_problem(number: str, today: dt.date) -> Text | None:
    """None for a number that can be a resident's 18-character number, else one line."""
    if not _NUMBER.fullmatch(number):
        return "reg.manual.number_form", {"n": len(number)}
    if check_char(number[:17]) != number[17]:
        return "reg.manual.check_digit", {}
    born = parse_date(number[6:14])
    if born is None or born.year < OLDEST_YEAR:
        return "reg.manual.birth_impossible", {}
    if born > today:
        return "reg.manual.birth_future", {}
    return None


def normal_name(typed: str) -> str:
    """A typed name with outer spaces gone and every middle-dot look-alike made ·."""
    name = unicodedata.normalize("NFKC", typed).strip()
    return "".join(MIDDLE_DOT if ch in DOTS else ch for ch in name)


def _han(ch: str) -> bool:
    """A Chinese character (the unified ideographs and their extensions)."""
    return unicodedata.name(ch, "").startswith("CJK UNIFIED IDEOGRAPH") or \
        unicodedata.name(ch, "").startswith("CJK COMPATIBILITY IDEOGRAPH")


def name_problem(name: str) -> Text | None:
    """None for a name written as cards write it, else one line saying what to change."""
    if not name:
        return "reg.manual.name_missing", {}
    if any(ch.isdigit() for ch in name):
        return "reg.manual.name_digits", {}
    if _LATIN.search(name):
        return "reg.manual.name_latin", {}
    if len(name) > MAX_NAME:
        return "reg.manual.name_long", {"max": MAX_NAME}
    shape_ok = (all(_han(ch) or ch == MIDDLE_DOT for ch in name)
                and not name.startswith(MIDDLE_DOT) and not name.endswith(MIDDLE_DOT)
                and MIDDLE_DOT * 2 not in name and sum(_han(ch) for ch in name) >= 2)
    return None if shape_ok else ("reg.manual.name_chars", {})


def typed(number: str, name: str, today: dt.date) -> Identity | Text:
    """The identity a visitor typed, or the first problem with it as one line."""
    problem = number_problem(number, today) or name_problem(name)
    if problem is not None:
        return problem
    born = parse_date(number[6:14])
    return Identity(name=name, sex="male" if int(number[16]) % 2 else "female",
                    birth_date=born.isoformat() if born else "", id_number=number,
                    from_card=False)
