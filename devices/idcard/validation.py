"""Checks a card must pass before the terminal trusts it.

GB 11643: the 18th character is the MOD 11-2 check of the first 17; the
birth date is inside the number. Dates must be real dates in order, and an
expired card is reported as expired rather than silently accepted.

Numbers and dates are ASCII only: str.isdigit() and int() also take
superscripts, full-width and other scripts' digits, which no card prints, so
anything but 0-9 (and X as a check character) makes a field invalid, never an
exception.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from devices.idcard.errors import CardDataError

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"
LONG_TERM = "长期"
_DIGITS17 = re.compile(r"[0-9]{17}")
_NUMBER = re.compile(r"[0-9]{17}[0-9Xx]")
_DATE = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")


def check_char(first17: str) -> str:
    """The MOD 11-2 check character for 17 ASCII digits."""
    if not _DIGITS17.fullmatch(first17):
        raise CardDataError("card reader: a check character needs 17 digits 0-9")
    return CHECK_CHARS[sum((ord(c) - 48) * w for c, w in zip(first17, WEIGHTS, strict=True))
                       % 11]


def number_ok(number: str) -> bool:
    """18 characters: 17 digits 0-9 and the right check character."""
    return bool(_NUMBER.fullmatch(number)) and check_char(number[:17]) == number[17].upper()


def parse_date(text: str) -> dt.date | None:
    """YYYYMMDD (ASCII digits, exactly eight) to a date; None when it is not a real date."""
    match = _DATE.fullmatch(text)
    if match is None:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


@dataclass(frozen=True)
class Validation:
    """The results shown to technicians and in `read-card` output."""

    number_ok: bool
    birth_matches: bool
    dates_ok: bool
    expired: bool

    @property
    def valid(self) -> bool:
        return self.number_ok and self.birth_matches and self.dates_ok and not self.expired


def validate(number: str, number_checked: bool, birth: str, birth_in_number: str | None,
             valid_from: str, valid_to: str, today: dt.date) -> Validation:
    """Validate the parts common to all card types."""
    born, start = parse_date(birth), parse_date(valid_from)
    end = None if valid_to == LONG_TERM else parse_date(valid_to)
    dates_ok = (born is not None and start is not None and born <= start
                and (valid_to == LONG_TERM or (end is not None and start < end))
                and born <= today)
    expired = end is not None and end < today
    return Validation(
        number_ok=number_ok(number) if number_checked else bool(number),
        birth_matches=birth_in_number is None or birth_in_number == birth,
        dates_ok=dates_ok, expired=expired)
