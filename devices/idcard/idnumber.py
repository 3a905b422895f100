"""GB 11643 citizen identity numbers: the MOD 11-2 check character and the birth date.

Reading a card proves it was issued, not that our parser read the right
bytes; checking the number catches misaligned layouts and corrupted reads.
"""

from __future__ import annotations

import datetime as dt

WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
CHECK_CHARS = "10X98765432"


def check_char(first17: str) -> str:
    """The 18th character for 17 digits (ISO 7064 MOD 11-2)."""
    total = sum(int(c) * w for c, w in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARS[total % 11]


def checksum_ok(number: str) -> bool:
    """True for an 18-character number whose last character matches."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    return check_char(number[:17]) == number[17].upper()


def birth_in(number: str) -> dt.date | None:
    """The birth date at characters 7-14, or None when it is not a date."""
    try:
        return dt.datetime.strptime(number[6:14], "%Y%m%d").date()
    except ValueError:
        return None


def make(first17: str) -> str:
    """A complete number from 17 digits (for fabricated sample cards)."""
    return first17 + check_char(first17)
