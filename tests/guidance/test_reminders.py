"""The reminder outbox: recorded with the booking, sent (logged) when due by the sweep
on the platform's clock, withdrawn on cancel; materials two working days ahead."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging

from central.db import CHINA, iso
from central.guidance.reminders import working_days_before
from tests.guidance.conftest import key, start_of


def who(n: int) -> str:
    return hashlib.sha256(f"reminded-{n}".encode()).hexdigest()


def test_working_days_skip_holidays_and_count_make_up_days() -> None:
    assert working_days_before(dt.date(2026, 10, 8), 2) == dt.date(2026, 9, 29)
    assert working_days_before(dt.date(2026, 10, 12), 2) == dt.date(2026, 10, 9)
    assert working_days_before(dt.date(2026, 3, 11), 2) == dt.date(2026, 3, 9)


def test_group_booking_records_three_reminders_sent_when_due(platform, caplog) -> None:
    slot = platform.slot("kind = 'group' AND booked < capacity - 2", n=2)
    start = start_of(slot)
    platform.set_time(start - dt.timedelta(days=6))
    appt = platform.book(slot["id"], who(1)).json()
    due = {r["kind"]: r["due_at"] for r in appt["reminders"]}
    materials_day = working_days_before(start.astimezone(CHINA).date(), 2)
    assert due == {
        "day_before": iso(start - dt.timedelta(days=1)),
        "two_hours": iso(start - dt.timedelta(hours=2)),
        "materials": iso(dt.datetime.combine(materials_day, dt.time(9), CHINA))}
    assert {r["status"] for r in appt["reminders"]} == {"pending"}
    caplog.set_level(logging.INFO, logger="central.notifications")
    platform.set_time(start - dt.timedelta(hours=23))     # materials and day_before due
    platform.api.get("/guidance/slots?service_id=G007")   # any guidance call sweeps
    lines = [json.loads(r.getMessage()) for r in caplog.records
             if r.name == "central.notifications"]
    mine = [line for line in lines if line["appointment_id"] == appt["id"]]
    assert [line["kind"] for line in mine] == ["materials", "day_before"]
    assert all("phone" not in line and "name" not in line for line in mine)
    gone = platform.api.post(f"/appointments/{appt['id']}/cancel", {}, idem=key()).json()
    states = {r["kind"]: r["status"] for r in gone["reminders"]}
    assert states == {"materials": "sent", "day_before": "sent", "two_hours": "withdrawn"}


def test_late_booking_gets_only_what_is_still_ahead(platform) -> None:
    one = platform.slot("service_id = 'G003' AND booked = 0", n=3)
    platform.set_time(start_of(one) - dt.timedelta(hours=1))
    appt = platform.book(one["id"], who(2)).json()
    assert appt["reminders"] == []
    group = platform.slot("kind = 'group' AND booked < capacity - 2", n=-1)
    platform.set_time(start_of(group) - dt.timedelta(hours=3))
    late = platform.book(group["id"], who(3)).json()
    kinds = {r["kind"]: r for r in late["reminders"]}
    assert set(kinds) == {"two_hours", "materials"}      # materials at once
    platform.api.get("/guidance/slots")
    sent = platform.rows("SELECT kind, status FROM notifications WHERE appointment_id = ?",
                         late["id"])
    assert dict(sent) == {"materials": "sent", "two_hours": "pending"}
