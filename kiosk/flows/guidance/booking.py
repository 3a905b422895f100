"""The rules of booking a guidance session, without a display: services by kind,
free slots grouped by day, the registration form's short choices, the payload the
platform gets, and what a refusal tells the visitor.

The form's codes are the contract's (AppointmentForm); the screens show their
catalog words. Slots come live from the platform (they are taken by the minute),
services from the synced catalog.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from kiosk.clock import CHINA

KINDS = ("one_to_one", "group", "assessment")
SITUATIONS = ("unemployed", "employed", "graduate", "student", "retired", "other")
EXPERIENCE = ("none", "under_1y", "1_3y", "3_10y", "over_10y")
WANTS = ("find_job", "change_job", "training", "start_business", "assessment", "policy",
         "other")
DIFFICULTIES = ("no_direction", "no_experience", "skills", "interview", "confidence",
                "family", "health", "age", "other")
# an employer's representative: what the form asks them (situation is "employer")
EMPLOYER_WANTS = ("recruit", "training", "policy", "other")
EMPLOYER_DIFFICULTIES = ("recruiting", "skills", "other")
SEEKER_CHOICES = {"situation": SITUATIONS, "experience": EXPERIENCE, "wants": WANTS,
                  "difficulty": DIFFICULTIES}
EMPLOYER_CHOICES = {"wants": EMPLOYER_WANTS, "difficulty": EMPLOYER_DIFFICULTIES}
MAX_NOTE = 500
MAX_ORG = 100             # the contract's limits for an employer's organisation and name
MAX_NAME = 60
DAYS_SHOWN = 3            # the next days with a free slot
SLOTS_A_DAY = 4           # the soonest free slots of each of them
# refusals the visitor can do something about at the glass
REFUSALS = ("slot_taken", "already_booked", "slot_past", "priority_slot", "unknown_slot")


@dataclass(frozen=True)
class Service:
    """A guidance service as the catalog gives it."""

    id: str
    name: str
    kind: str
    audience: str
    location: str
    capacity: int
    bring: tuple[str, ...] = ()


@dataclass(frozen=True)
class Slot:
    """A free slot: when, with whom, where, how many seats are left."""

    id: str
    service_id: str
    counsellor: str
    starts: dt.datetime
    ends: dt.datetime
    free: int
    capacity: int
    room: str
    priority: bool


@dataclass
class Form:
    """The appointment registration form (C 6.1.1, C 7.2.2 a): short choices."""

    situation: str = ""
    experience: str = ""
    wants: str = ""
    difficulty: set[str] = field(default_factory=set)
    topic: str = ""

    def payload(self, note: str) -> dict[str, Any]:
        """The contract's AppointmentForm: only what was chosen."""
        out: dict[str, Any] = {k: v for k, v in (("situation", self.situation),
                                                 ("experience", self.experience),
                                                 ("wants", self.wants),
                                                 ("topic", self.topic)) if v}
        if self.difficulty:
            out["difficulty"] = sorted(self.difficulty)
        if note.strip():
            out["note"] = note.strip()[:MAX_NOTE]
        return out


def services(docs: list[dict[str, Any]], audience: str) -> list[Service]:
    """The catalog's services for an audience, one-to-one first, then group, then
    assessment (a service of an unknown kind is left out: the terminal cannot say
    what it is)."""
    out = []
    for d in docs:
        kind = str(d.get("kind") or "one_to_one")
        if kind not in KINDS or str(d.get("audience") or "seeker") != audience:
            continue
        out.append(Service(str(d.get("id", "")), str(d.get("name", "")), kind, audience,
                           str(d.get("location", "")), int(d.get("capacity") or 1),
                           tuple(str(b) for b in d.get("bring") or ())))
    return sorted(out, key=lambda s: KINDS.index(s.kind))


def moment(value: object) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return moment.astimezone(CHINA) if moment.tzinfo else moment.replace(tzinfo=CHINA)


def slot_of(d: dict[str, Any]) -> Slot | None:
    """One slot of the platform's listing; None when it cannot be read."""
    starts, ends = moment(d.get("starts_at")), moment(d.get("ends_at"))
    if starts is None or ends is None or not d.get("id"):
        return None
    return Slot(str(d["id"]), str(d.get("service_id", "")), str(d.get("counsellor", "")),
                starts, ends, int(d.get("free") or 0), int(d.get("capacity") or 1),
                str(d.get("room", "")), d.get("priority") == "key_groups")


def by_day(slots: list[Slot], skip: str = "") -> list[tuple[dt.date, list[Slot]]]:
    """The next days with free seats and their soonest slots (skip: a slot just taken)."""
    days: dict[dt.date, list[Slot]] = {}
    for slot in sorted(slots, key=lambda s: s.starts):
        if slot.free <= 0 or slot.id == skip:
            continue
        day = days.setdefault(slot.starts.date(), [])
        if len(day) < SLOTS_A_DAY:
            day.append(slot)
        if len(days) > DAYS_SHOWN:
            break
    return list(days.items())[:DAYS_SHOWN]


def valid_mobile(phone: str) -> bool:
    """A mainland mobile number: 11 digits starting 1."""
    return len(phone) == 11 and phone.isdigit() and phone.startswith("1")


def mask_phone(phone: str) -> str:
    return f"{phone[:3]}****{phone[-4:]}" if len(phone) == 11 else ""


def time_values(starts: dt.datetime, ends: dt.datetime) -> dict[str, object]:
    """A slot's day and hours as the catalogs write them ({m}月{d}日 {start}-{end})."""
    return {"y": starts.year, "m": starts.month, "d": starts.day,
            "start": starts.strftime("%H:%M"), "end": ends.strftime("%H:%M")}
