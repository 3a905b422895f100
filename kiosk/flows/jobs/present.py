"""What a job card and the job detail show, as catalog keys and plain values.

Dates are the platform's dates in China time; "posted today" and "N days ago"
are counted on the terminal's clock, so the list reads right even when the
cache is days old.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from kiosk.clock import CHINA, parse_moment
from kiosk.i18n import Text, raw


def _date(value: Any) -> dt.date | None:
    parsed = parse_moment(value)
    return parsed.astimezone(CHINA).date() if parsed is not None else None


def date_text(value: Any) -> Text:
    """A calendar date in the visitor's language ("2026年3月2日")."""
    day = _date(value)
    if day is None:
        return raw(value)
    return "jobs.date", {"y": day.year, "m": f"{day.month:02d}", "d": f"{day.day:02d}"}


def posted_text(job: dict[str, Any], today: dt.date) -> Text:
    """When a posting appeared: today, yesterday, N days ago, or its date."""
    day = _date(job.get("posted_at"))
    if day is None:
        return raw("")
    age = (today - day).days
    if age <= 0:
        return "jobs.posted_today", {}
    if age == 1:
        return "jobs.posted_yesterday", {}
    if age < 31:
        return "jobs.posted_days_ago", {"n": age}
    key, values = date_text(job.get("posted_at"))
    return "jobs.posted_on", {"date_key": key, **values}


def validity_text(job: dict[str, Any]) -> Text:
    """The dates a posting is open for applications."""
    start, end = _date(job.get("valid_from")), _date(job.get("valid_until"))
    if start is None or end is None:
        return raw("")
    return "jobs.valid", {"y1": start.year, "m1": f"{start.month:02d}", "d1": f"{start.day:02d}",
                          "y2": end.year, "m2": f"{end.month:02d}", "d2": f"{end.day:02d}"}


def type_key(job: dict[str, Any]) -> str:
    return f"jobs.type.{job.get('employment_type') or 'full_time'}"


def contact_line(job: dict[str, Any]) -> str:
    """Contact name and phone as one line (posted by the employer, shown as posted)."""
    return " ".join(p for p in (job.get("contact_name"), job.get("contact_phone")) if p)


def mask_phone(phone: str) -> str:
    """A visitor's phone as shown back to them: 138****5678."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def valid_mobile(phone: str) -> bool:
    """A mainland mobile number: 11 digits starting with 1 (what employers call back)."""
    return len(phone) == 11 and phone.isdigit() and phone.startswith("1")
