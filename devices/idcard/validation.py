"""Checks on a card's content: number check digit, birth date, date sanity, expiry.

An expired card is still a card that was read: callers get the facts and
decide (the registration flow refuses it, the technician tool shows it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from devices.idcard import idnumber
from devices.idcard.card import Card, ForeignPermit2017, parse_date


@dataclass(frozen=True)
class Validation:
    """Results of the content checks; None means "does not apply to this card type"."""

    number_checksum: bool | None
    birth_matches_number: bool | None
    dates_sane: bool
    expired: bool
    problems: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """Acceptable for a registration: consistent and not expired."""
        return not self.problems


def _number_checks(card: Card) -> tuple[bool | None, bool | None]:
    if isinstance(card, ForeignPermit2017):
        return None, None  # 15-character permit numbers carry no MOD 11-2 digit
    checksum = idnumber.checksum_ok(card.number)
    birth = idnumber.birth_in(card.number)
    return checksum, birth is not None and birth == card.birth_date


def _dates_sane(card: Card, today: dt.date) -> bool:
    birth, start = card.birth_date, parse_date(card.valid_from)
    if birth is None or start is None or birth > today or start < birth:
        return False
    end = card.expiry
    return card.valid_to == "长期" or (end is not None and end > start)


def validate(card: Card, today: dt.date) -> Validation:
    """Check the card as of today."""
    checksum, birth_ok = _number_checks(card)
    sane = _dates_sane(card, today)
    expired = card.expired(today)
    problems = [text for bad, text in (
        (checksum is False, "number check digit is wrong"),
        (birth_ok is False, "birth date does not match the number"),
        (not sane, "dates are not plausible"),
        (expired, "card has expired"),
    ) if bad]
    return Validation(checksum, birth_ok, sane, expired, tuple(problems))
