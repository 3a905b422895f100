"""What a complaint is made of, its tracking number and its promised date.

The terminal makes the number, TS + the day filed + six digits, so a slip can be
printed while the platform is away: the platform keeps it (unless another
complaint already holds it — then the number it answers with is shown). The
outcome is promised five working days after the day filed, on the calendar the
platform publishes (kiosk/workdays.py); the platform counts the same way.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from typing import Any

from kiosk.workdays import add_working_days, days_of

ANSWER_WITHIN = 5
MAX_TEXT = 500
KINDS = ("complaint", "suggestion", "praise")          # "report": a posting, from its detail
ABOUTS = ("service", "desk", "terminal")               # "posting": from a job's detail
REASONS = ("attitude", "waiting", "wrong_info", "terminal", "rules", "other")
REPORT_REASONS = ("discrimination", "fake", "fee", "contact_wrong", "other")
WHEN = ("today", "this_week", "earlier")
MOBILE = re.compile(r"^1[3-9][0-9]{9}$")
NUMBER = re.compile(r"^TS([0-9]{8})-([0-9]{6})$")


def tracking_number(filed: dt.date) -> str:
    """A number a visitor can read out on the phone, e.g. TS20260306-482913."""
    return f"TS{filed:%Y%m%d}-{secrets.randbelow(900000) + 100000}"


def promised(filed: dt.date, calendar: list[dict[str, Any]]) -> dt.date:
    """The day the outcome is promised by."""
    holidays, workdays = days_of(calendar)
    return add_working_days(filed, ANSWER_WITHIN, holidays, workdays)


def valid_mobile(phone: str) -> bool:
    return bool(MOBILE.match(phone))


def typed_number(text: str) -> str | None:
    """The tracking number from the 14 digits typed on the digit pad; None otherwise."""
    digits = "".join(c for c in text if c.isdigit())
    if len(digits) != 14:
        return None
    return f"TS{digits[:8]}-{digits[8:]}"


def mask_phone(phone: str) -> str:
    return f"{phone[:3]}****{phone[-4:]}" if len(phone) >= 7 else "****"


def happened_on(when: str, today: dt.date) -> dt.date | None:
    """The day the visitor's choice stands for (None: earlier, not known exactly)."""
    if when == "today":
        return today
    if when == "this_week":
        return today - dt.timedelta(days=today.weekday())
    return None
