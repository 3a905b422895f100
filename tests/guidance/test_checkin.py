"""Check-in on the platform's clock: the window around the start, refusals with their
own codes, the no-show sweep after the grace period, and the state machine itself."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from central.errors import ApiError
from central.guidance.states import ACTIONS, STATES, next_state
from tests.guidance.conftest import key, start_of

MIN = dt.timedelta(minutes=1)


def who(n: int) -> str:
    return hashlib.sha256(f"arrival-{n}".encode()).hexdigest()


def checkin(platform, **doc):
    return platform.api.post("/appointments/checkin", doc, idem=key())


def booked_slot(platform, n: int, service: str = "G002"):
    slot = platform.slot(f"service_id = '{service}' AND booked = 0", n=n)
    platform.set_time(start_of(slot) - dt.timedelta(days=2))
    appt = platform.book(slot["id"], who(n)).json()
    assert appt["status"] == "booked", appt
    return slot, appt


def test_window_by_ticket(platform) -> None:
    slot, appt = booked_slot(platform, 10)
    start = start_of(slot)
    platform.set_time(start - dt.timedelta(days=1))
    day = checkin(platform, appointment_id=appt["id"]).json()
    assert day["error"] == "wrong_day" and day["starts_at"] == slot["starts_at"]
    platform.set_time(start - dt.timedelta(minutes=31))
    early = checkin(platform, appointment_id=appt["id"]).json()
    assert early["error"] == "too_early" and early["opens_at"] < early["closes_at"]
    platform.set_time(start - dt.timedelta(minutes=29))
    arrived = checkin(platform, appointment_id=appt["id"])
    assert arrived.status_code == 200 and arrived.json()["status"] == "checked_in"
    assert arrived.json()["room"] == "职业指导室3" and arrived.json()["queue"] >= 1
    again = checkin(platform, appointment_id=appt["id"]).json()
    assert again["error"] == "already_checked_in" and again["state"] == "checked_in"
    cancel = platform.api.post(f"/appointments/{appt['id']}/cancel", {}, idem=key()).json()
    assert cancel["error"] == "already_checked_in"
    # a checked-in visitor is no no-show, however late it gets
    platform.set_time(start + dt.timedelta(hours=3))
    assert checkin(platform, appointment_id=appt["id"]).json()["state"] == "checked_in"


def test_grace_period_then_no_show(platform) -> None:
    slot, appt = booked_slot(platform, 20)
    start = start_of(slot)
    platform.set_time(start + dt.timedelta(minutes=14))
    ok = checkin(platform, id_hash=who(20))
    assert ok.json()["id"] == appt["id"] and ok.json()["status"] == "checked_in"
    slot2, late = booked_slot(platform, 25)
    platform.set_time(start_of(slot2) + dt.timedelta(minutes=16))
    refused = checkin(platform, id_hash=who(25)).json()
    assert refused["error"] == "too_late"
    state = platform.rows("SELECT status FROM appointments WHERE id = ?", late["id"])[0][0]
    assert state == "no_show"           # the sweep ran before the check-in was judged
    # the no-show keeps its seat count (the session began) and its reminders are withdrawn
    assert platform.seats(slot2["id"]) == (1, 0)
    reminders = platform.rows("SELECT status FROM notifications WHERE appointment_id = ? "
                              "AND sent_at IS NULL", late["id"])
    assert {r[0] for r in reminders} <= {"withdrawn"}


def test_card_check_in_finds_todays_appointment(platform) -> None:
    slot, appt = booked_slot(platform, 30)
    later = platform.slot("service_id = 'G002' AND booked = 0", n=55)
    assert platform.book(later["id"], who(30)).status_code == 201
    platform.set_time(start_of(slot) - dt.timedelta(minutes=10))
    arrived = checkin(platform, id_hash=who(30)).json()
    assert arrived["id"] == appt["id"]
    # a second arrival for the same room that day is one further down the queue
    same_day = platform.slot("service_id = 'G002' AND booked = 0 AND substr(starts_at, 1, 10)"
                             " = ? AND id > ?", slot["starts_at"][:10], slot["id"])
    platform.set_time(start_of(same_day) - dt.timedelta(days=1))
    assert platform.book(same_day["id"], who(32)).status_code == 201
    platform.set_time(start_of(same_day) - dt.timedelta(minutes=5))
    second = checkin(platform, id_hash=who(32)).json()
    assert second["room"] == arrived["room"] and second["queue"] == arrived["queue"] + 1
    nobody = checkin(platform, id_hash=who(31))
    assert nobody.status_code == 404 and nobody.json()["error"] == "unknown_appointment"
    # the next card check-in is about the later appointment: another day
    assert checkin(platform, id_hash=who(30)).json()["error"] in ("already_checked_in",
                                                                   "wrong_day")


def test_cancelled_cannot_check_in(platform) -> None:
    slot, appt = booked_slot(platform, 40)
    platform.api.post(f"/appointments/{appt['id']}/cancel", {}, idem=key())
    platform.set_time(start_of(slot))
    assert checkin(platform, appointment_id=appt["id"]).json()["error"] == "cancelled"


ALLOWED = {("check_in", "booked"): "checked_in", ("serve", "checked_in"): "served",
           ("no_show", "booked"): "no_show", ("cancel", "booked"): "cancelled",
           ("move", "booked"): "booked"}


@pytest.mark.parametrize("action", sorted(ACTIONS))
@pytest.mark.parametrize("state", STATES)
def test_every_step_of_the_machine(action: str, state: str) -> None:
    if (action, state) in ALLOWED:
        assert next_state(action, state) == ALLOWED[action, state]
        return
    with pytest.raises(ApiError) as refused:
        next_state(action, state)
    assert refused.value.status == 409 and refused.value.body["state"] == state
    assert refused.value.body["error"] != "internal"
