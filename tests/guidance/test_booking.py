"""Booking through the real HTTP server: seats counted by the database, one live seat
per person and slot, employers without an ID card, sealed forms, priority slots, move."""

from __future__ import annotations

import datetime as dt
import hashlib

from central.db import read
from central.guidance import reminders
from tests.guidance.conftest import key, start_of
from tests.stores import stored_bytes


def who(n: int) -> str:
    return hashlib.sha256(f"visitor-{n}".encode()).hexdigest()


def test_group_session_to_its_last_seat(platform) -> None:
    slot = platform.slot("kind = 'group' AND booked < capacity - 2")
    left = slot["capacity"] - slot["booked"]
    answers = [platform.book(slot["id"], who(100 + n)) for n in range(left)]
    assert [a.status_code for a in answers] == [201] * left
    assert answers[0].json()["kind"] == "group" and answers[0].json()["room"] == "多功能厅"
    full = platform.book(slot["id"], who(99))
    assert full.status_code == 409 and full.json()["error"] == "slot_taken"
    twice = platform.book(slot["id"], who(100))
    assert twice.status_code == 409 and twice.json()["error"] == "already_booked"
    booked, live = platform.seats(slot["id"])
    assert booked == slot["capacity"] == live        # the desk's seats are rows too
    listed = {s["id"] for s in platform.api.get(
        f"/guidance/slots?service_id=G007&from={slot['starts_at'][:10]}").json()["items"]}
    assert slot["id"] not in listed
    # cancelling gives exactly one seat back, which the next visitor gets
    gone = platform.api.post(f"/appointments/{answers[0].json()['id']}/cancel", {},
                             idem=key())
    assert gone.json()["status"] == "cancelled"
    # what was not yet sent is withdrawn (a slot starting within a day had its reminder
    # sent at booking, whichever day the suite runs)
    assert {r["status"] for r in gone.json()["reminders"]} - {"sent"} == {"withdrawn"}
    assert platform.book(slot["id"], who(99)).status_code == 201
    assert platform.seats(slot["id"]) == (slot["capacity"], slot["capacity"])


def test_same_person_once_per_slot_but_free_in_another(platform) -> None:
    first = platform.slot("service_id = 'G002' AND booked = 0")
    other = platform.slot("service_id = 'G002' AND booked = 0", n=1)
    assert platform.book(first["id"], who(1)).status_code == 201
    again = platform.book(first["id"], who(1))
    assert again.status_code == 409 and again.json()["error"] == "already_booked"
    assert platform.book(other["id"], who(1)).status_code == 201


def test_employer_books_without_a_card_and_fields_are_sealed(platform) -> None:
    slot = platform.slot("service_id = 'G009' AND booked = 0")
    form = {"situation": "employer", "wants": "recruit", "topic": "market_pay",
            "difficulty": ["recruiting"], "note": "想请教仓储叉车岗位的同行薪酬水平"}
    booked = platform.book(slot["id"], name="欧阳灵犀", organisation="青稞远航科技有限公司",
                           phone="13700001111", form=form)
    assert booked.status_code == 201 and booked.json()["booker"] == "employer"
    repeat = platform.book(slot["id"], name="欧阳灵犀", organisation="青稞远航科技有限公司",
                           phone="13700001111")
    assert repeat.json()["error"] == "already_booked"
    with_card = platform.book(slot["id"], who(5), name="欧阳灵犀", organisation="某公司")
    assert with_card.status_code == 422
    raw = stored_bytes(platform)
    for secret in ("欧阳灵犀", "青稞远航", "13700001111", "仓储叉车"):
        assert secret.encode() not in raw
    with read(platform.conn) as conn:
        blob = conn.execute("SELECT data FROM appointments WHERE id = ?",
                            (booked.json()["id"],)).fetchone()[0]
    opened = platform.app.state.box.open(blob)
    assert opened["organisation"] == "青稞远航科技有限公司" and opened["form"] == form


def test_priority_slot_waits_for_key_groups_until_the_day_before(platform) -> None:
    slot = platform.slot("priority = 'key_groups' AND booked = 0")
    platform.set_time(start_of(slot) - dt.timedelta(days=3))
    held = platform.book(slot["id"], who(7))
    assert held.status_code == 409 and held.json()["error"] == "priority_slot"
    platform.set_time(start_of(slot) - dt.timedelta(hours=20))
    assert platform.book(slot["id"], who(7)).status_code == 201


def test_slot_that_has_begun_is_not_booked(platform) -> None:
    slot = platform.slot("service_id = 'G004' AND booked = 0")
    platform.set_time(start_of(slot) + dt.timedelta(minutes=1))
    late = platform.book(slot["id"], who(8))
    assert late.status_code == 409 and late.json()["error"] == "slot_past"
    assert platform.book("no-such-slot", who(8)).json()["error"] == "unknown_slot"


def test_move_takes_the_new_seat_and_frees_the_old(platform) -> None:
    old = platform.slot("service_id = 'G006' AND booked = 0", n=30)
    new = platform.slot("service_id = 'G006' AND booked = 0", n=40)
    platform.set_time(start_of(old) - dt.timedelta(days=2))
    appt = platform.book(old["id"], who(9)).json()
    moved = platform.api.post(f"/appointments/{appt['id']}/move", {"slot_id": new["id"]},
                              idem=key())
    assert moved.status_code == 200
    body = moved.json()
    assert body["id"] == appt["id"] and body["slot_id"] == new["id"]
    assert platform.seats(old["id"]) == (0, 0) and platform.seats(new["id"]) == (1, 1)
    due = {r["kind"]: r["due_at"] for r in body["reminders"]}
    assert due["two_hours"] == reminders.iso(start_of(new) - dt.timedelta(hours=2))
    same = platform.api.post(f"/appointments/{appt['id']}/move", {"slot_id": new["id"]},
                             idem=key())
    assert same.json()["error"] == "same_slot"
    elsewhere = platform.slot("service_id = 'G002' AND booked = 0", n=20)
    wrong = platform.api.post(f"/appointments/{appt['id']}/move",
                              {"slot_id": elsewhere["id"]}, idem=key())
    assert wrong.json()["error"] == "other_service"
    # a full slot refuses the move and the appointment stays where it was
    full = platform.slot("service_id = 'G006' AND booked = capacity AND starts_utc > ?",
                         reminders.iso(platform.clock()))
    refused = platform.api.post(f"/appointments/{appt['id']}/move", {"slot_id": full["id"]},
                                idem=key())
    assert refused.json()["error"] == "slot_taken"
    assert platform.seats(new["id"]) == (1, 1)


def test_the_ticket_holder_reads_the_appointment_without_the_person(platform) -> None:
    slot = platform.slot("kind = 'one_to_one' AND booked < capacity AND priority IS NULL",
                         n=-1)                 # the last: after any clock a test set
    made = platform.book(slot["id"], who(300)).json()
    assert "id" in made, made
    shown = platform.api.get(f"/appointments/{made['id']}")
    assert shown.status_code == 200
    doc = shown.json()
    assert doc["id"] == made["id"] and doc["status"] == "booked"
    assert doc["starts_at"] == made["starts_at"] and doc["room"] == made["room"]
    assert "13800138000" not in shown.text and who(300) not in shown.text
    platform.api.post(f"/appointments/{made['id']}/cancel", {}, idem=key())
    assert platform.api.get(f"/appointments/{made['id']}").json()["status"] == "cancelled"
    missing = platform.api.get("/appointments/no-such-thing")
    assert missing.status_code == 404 and missing.json()["error"] == "unknown_appointment"
