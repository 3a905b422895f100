"""The terminal's side of guidance over real HTTP to the reference platform: a seat
taken meanwhile comes back as a refusal the visitor can act on, a booking made
while the platform is away is kept in the outbox, the ticket's code is the
appointment and checks it in; and the flow's own rules (slots by day, the form)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiosk.clock import CHINA, FakeClock
from kiosk.flows import outbox_kinds
from kiosk.flows.guidance import booking
from kiosk.flows.guidance.flow import appointment_of, booked_of, ticket_payload
from kiosk.flows.guidance.receipt import AppointmentTicket, build
from kiosk.platform.client import PlatformClient
from kiosk.platform.errors import Refused
from kiosk.platform.identity import id_hash
from kiosk.platform.service import Options, PlatformService
from kiosk.receipts.stamp import Stamp
from tests.guidance.conftest import DEVICE, start_of


def _service(url: str, key: str, data_dir: Path) -> PlatformService:
    clock = FakeClock(dt.datetime.now(dt.UTC).astimezone())   # signatures: real time
    client = PlatformClient(url, DEVICE, key.encode(), clock=clock, timeout_s=5, attempts=1)
    return PlatformService(data_dir, client, clock, Options(), outbox_kinds())


@pytest.fixture
def terminal(platform, tmp_path):
    service = _service(platform.url, platform.api.key, tmp_path / "kiosk")
    yield service
    service.stop()


def _personal(who: str) -> dict[str, object]:
    return {"id_hash": id_hash(who), "phone": "13800138000",
            "form": booking.Form("unemployed", "1_3y", "find_job", {"interview"},
                                 "cv_interview").payload("  想练习面试  ")}


def test_a_seat_taken_meanwhile_is_a_refusal_with_its_code(platform, terminal) -> None:
    slot = platform.slot("kind = 'one_to_one' AND booked = 0")
    assert platform.book(slot["id"], id_hash("110199")).status_code == 201
    with pytest.raises(Refused) as refused:
        terminal.submit_now("appointment", {"slot_id": slot["id"]}, _personal("110101"))
    assert refused.value.code == "slot_taken" and platform.seats(slot["id"]) == (1, 1)


def test_booked_ticket_checks_in_by_its_code(platform, terminal) -> None:
    slot = platform.slot("kind = 'one_to_one' AND booked = 0", n=1)
    outcome = terminal.submit_now("appointment", {"slot_id": slot["id"]},
                                  _personal("110102"))
    booked = booked_of(outcome.response)
    assert outcome.state == "sent" and booked is not None and booked.room
    ticket = build(AppointmentTicket(booked.id[:8], booked.service, booked.counsellor,
                                     "t", booked.room, ticket_payload(booked.id),
                                     booked.bring), Stamp("hall", "G-1", "now"))
    code = ticket.qr_payloads()[0]
    assert appointment_of(code) == booked.id and "110102" not in code
    with pytest.raises(Refused) as early:
        terminal.submit_now("checkin", {"appointment_id": booked.id}, keep_when_away=False)
    assert early.value.code in ("too_early", "wrong_day")
    platform.set_time(start_of(slot) - dt.timedelta(minutes=10))
    done = terminal.submit_now("checkin", {"appointment_id": appointment_of(code)},
                               keep_when_away=False)
    assert done.response["room"] == booked.room and done.response["queue"] >= 1


def test_a_booking_while_the_platform_is_away_is_kept(platform, tmp_path) -> None:
    away = _service("http://127.0.0.1:9", platform.api.key, tmp_path / "away")
    try:
        outcome = away.submit_now("appointment", {"slot_id": "G001-X"}, _personal("110103"))
        assert outcome.state == "queued" and away.outbox.store.counts()["pending"] == 1
    finally:
        away.stop()


def _slot(sid: str, day: int, hour: int, free: int = 1) -> booking.Slot:
    at = dt.datetime(2026, 3, day, hour, tzinfo=CHINA)
    return booking.Slot(sid, "G001", "王老师", at, at + dt.timedelta(minutes=30), free, 1,
                        "职业指导室1", False)


def test_slots_by_day_skip_the_full_and_the_one_just_taken() -> None:
    slots = [_slot(f"s{d}{h}", d, h) for d in (3, 4, 5, 6) for h in (9, 10, 11, 14, 15)]
    slots.append(_slot("full", 3, 8, free=0))
    days = booking.by_day(slots, skip="s39")
    assert [d.day for d, _ in days] == [3, 4, 5]
    assert [s.id for s in days[0][1]] == ["s310", "s311", "s314", "s315"]


def test_the_form_sends_only_what_was_chosen() -> None:
    assert booking.Form(topic="training").payload("  ") == {"topic": "training"}
    assert booking.Form(difficulty={"age", "health"}).payload("x" * 600) == {
        "difficulty": ["age", "health"], "note": "x" * 500}


def test_only_a_ticket_code_is_an_appointment() -> None:
    assert appointment_of("EKIOSK:APPT:A-1") == "A-1"
    assert appointment_of("https://jobs.example.cn/p/1") is None
    assert appointment_of("EKIOSK:APPT:../x") is None
