"""Policy questions: tracking numbers, the promised date, the lookup's typed input.

The terminal makes the tracking number (ZX + the day asked + six digits), so the
slip is printed at once, the platform reachable or not; without a phone the slip
also carries a six-digit code, which then stands in for the phone when the
answer is looked up. The promised date is one working day after the day asked,
on the calendar the platform publishes (kiosk/workdays.py); with no calendar
synced yet only weekends are off, and the platform's own date, when its answer
comes, is the one shown.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from typing import Any

from kiosk.workdays import add_working_days, days_of

ANSWER_WITHIN = 1
MAX_QUESTION = 500
COMMON = 5                      # pol.common.0 .. 4 in policies.po
MOBILE = re.compile(r"^1[3-9][0-9]{9}$")
NUMBER = re.compile(r"^ZX([0-9]{8})-([0-9]{6})$")


def tracking_number(asked: dt.date) -> str:
    """A number a visitor can read out on the phone, e.g. ZX20260403-482913."""
    return f"ZX{asked:%Y%m%d}-{secrets.randbelow(900000) + 100000}"


def slip_code() -> str:
    """The six digits that stand in for a phone the visitor did not give."""
    return f"{secrets.randbelow(1000000):06d}"


def promised(asked: dt.date, calendar: list[dict[str, Any]]) -> dt.date:
    """The day the answer is promised by."""
    holidays, workdays = days_of(calendar)
    return add_working_days(asked, ANSWER_WITHIN, holidays, workdays)


def valid_mobile(phone: str) -> bool:
    return bool(MOBILE.match(phone))


def typed_number(text: str) -> str | None:
    """The tracking number from what was typed on the digit pad (the 14 digits, with or
    without the ZX and the dash); None when it cannot be one."""
    digits = "".join(c for c in text if c.isdigit())
    if len(digits) != 14:
        return None
    return f"ZX{digits[:8]}-{digits[8:]}"


def mask_phone(phone: str) -> str:
    return f"{phone[:3]}****{phone[-4:]}" if len(phone) >= 7 else "****"
