"""A registered visitor's own page, from the platform's lookup answer.

The answer is read defensively: a platform of an older contract leaves out the
specialist, the note on fewer matches and the unemployment applications, and
the page then shows what there is. Everything is said as Texts; dates are in
China time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kiosk.clock import CHINA, parse_moment
from kiosk.flows.registration import options
from kiosk.i18n import Text, listing, raw

APPOINTMENT_STATES = ("booked", "cancelled", "checked_in")
COMPLAINT_STATES = ("received", "in_progress", "answered", "closed")
UNEMPLOYMENT_STATES = ("received", "under_review", "approved", "rejected", "needs_documents")
ENOUGH = 5                # L 5.3.1: key groups get at least five matches (1:5)


@dataclass(frozen=True)
class Specialist:
    """The employment service specialist (就业服务专员, B 5.3.1.3 c) assigned."""

    name: str
    desk: str
    phone: str

    @classmethod
    def from_answer(cls, found: Any) -> Specialist | None:
        if not isinstance(found, dict) or not found.get("name"):
            return None
        return cls(str(found["name"]), str(found.get("desk") or ""),
                   str(found.get("phone") or ""))

    def text(self) -> Text:
        return "reg.my.specialist", {"name": self.name, "desk": self.desk, "phone": self.phone}


@dataclass(frozen=True)
class MyPage:
    """What the visitor's page shows."""

    registered: bool
    registered_at: str                  # ISO date, "" when not registered
    intentions_text: Text
    matches: list[dict[str, Any]]       # postings; each opens job_detail (JobsFlow.open(id))
    fewer_note: Text | None
    specialist: Text | None
    appointments: list[Text]
    complaints: list[Text]
    unemployment: list[Text]
    registered_text: Text | None = None
    # what the registration holds, for "update my intentions"
    intentions: dict[str, Any] = field(default_factory=dict)
    key_groups: tuple[str, ...] = ()
    specialist_of: Specialist | None = None


def _day(value: Any) -> dt.date | None:
    moment = parse_moment(value)
    return moment.astimezone(CHINA).date() if moment is not None else None


def _date_values(value: Any) -> dict[str, object]:
    day = _day(value)
    if day is None:
        return {"y": "", "m": "", "d": ""}
    return {"y": day.year, "m": f"{day.month:02d}", "d": f"{day.day:02d}"}


def intentions_text(intentions: dict[str, Any]) -> Text:
    """What the visitor is looking for, in words: groups; districts; pay; kind; start."""
    clauses: list[Text] = []
    majors = [c for c in options.MAJOR_GROUPS if c in (intentions.get("major_groups") or [])]
    subs = [c for c in options.SUBGROUPS if c in (intentions.get("occupation_groups") or [])]
    others = [c for c in (intentions.get("occupation_groups") or []) if c not in subs]
    work = [options.label("occupations", c) for c in majors + subs] + [raw(c) for c in others]
    clauses.append(listing(work) if work else ("reg.any_work", {}))
    districts = [raw(d) for d in intentions.get("districts") or []]
    clauses.append(listing(districts) if districts else ("reg.any_district", {}))
    pay = intentions.get("pay_min") or 0
    clauses.append(("reg.pay_from", {"n": pay}) if pay else ("reg.pay_bands.0", {}))
    if intentions.get("employment_type") in options.WORK_TYPES:
        clauses.append(options.label("work_types", intentions["employment_type"]))
    start = intentions.get("start_by")
    if start and parse_iso_date(str(start)) is not None:
        clauses.append(("reg.start_by", _iso_values(str(start))))
    return listing(clauses, style="clauses")


def parse_iso_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _iso_values(text: str) -> dict[str, object]:
    day = parse_iso_date(text)
    if day is None:
        return {"y": "", "m": "", "d": ""}
    return {"y": day.year, "m": f"{day.month:02d}", "d": f"{day.day:02d}"}


def _appointment(item: dict[str, Any]) -> Text | None:
    status = item.get("status")
    if status not in APPOINTMENT_STATES:
        return None
    moment = parse_moment(item.get("starts_at"))
    when = moment.astimezone(CHINA).strftime("%H:%M") if moment is not None else ""
    return f"reg.my.appt.{status}", {"service": str(item.get("service_name") or ""),
                                     "location": str(item.get("location") or ""),
                                     "time": when, **_date_values(item.get("starts_at"))}


def _complaint(item: dict[str, Any]) -> Text | None:
    status = item.get("status")
    if status not in COMPLAINT_STATES:
        return None
    return f"reg.my.complaint.{status}", {"number": str(item.get("tracking_number") or ""),
                                          **_date_values(item.get("filed_at"))}


def _unemployment(item: dict[str, Any]) -> Text | None:
    status = item.get("status")
    if status not in UNEMPLOYMENT_STATES:
        return None
    return f"reg.my.unemp.{status}", {"number": str(item.get("application_id") or ""),
                                      **_date_values(item.get("created_at"))}


def _each(answer: dict[str, Any], name: str,
          say: Callable[[dict[str, Any]], Text | None]) -> list[Text]:
    items = answer.get(name)
    if not isinstance(items, list):
        return []
    said = [say(item) for item in items if isinstance(item, dict)]
    return [text for text in said if text is not None]


def _fewer_note(answer: dict[str, Any], matches: list[dict[str, Any]]) -> Text | None:
    """What the page says when fewer than five open postings match: the platform fills
    the list up with the closest ones (matched false), so only the matched are counted.
    A platform that says nothing of it is judged by the list it sent."""
    matched = sum(1 for job in matches if job.get("matched", True) is not False)
    note = answer.get("recommended_note")
    if not matches:
        return "reg.my.none_open", {}
    if note == "fewer" or (note is None and "recommended_note" not in answer
                           and matched < ENOUGH):
        return ("reg.my.fewer", {"n": matched}) if matched else ("reg.my.only_close", {})
    return None


def page_from(answer: Any) -> MyPage | None:
    """The page for a lookup answer; None when the answer is not one."""
    if not isinstance(answer, dict) or "registered" not in answer:
        return None
    registered = bool(answer.get("registered"))
    reg = answer.get("registration") if isinstance(answer.get("registration"), dict) else {}
    intentions = reg.get("intentions") if isinstance(reg.get("intentions"), dict) else {}
    matches = [job for job in answer.get("recommended") or [] if isinstance(job, dict)]
    fewer: Text | None = None
    if registered:
        fewer = _fewer_note(answer, matches)
    specialist = Specialist.from_answer(answer.get("specialist"))
    day = _day(reg.get("registered_at"))
    groups = tuple(g for g in reg.get("key_groups") or [] if g in options.KEY_GROUPS)
    return MyPage(
        registered=registered, registered_at=day.isoformat() if day else "",
        intentions_text=intentions_text(intentions), matches=matches, fewer_note=fewer,
        specialist=specialist.text() if specialist else None,
        appointments=_each(answer, "appointments", _appointment),
        complaints=_each(answer, "complaints", _complaint),
        unemployment=_each(answer, "unemployment", _unemployment),
        registered_text=("reg.my.registered_on", _date_values(reg.get("registered_at")))
        if registered else None,
        intentions=dict(intentions), key_groups=groups, specialist_of=specialist)
