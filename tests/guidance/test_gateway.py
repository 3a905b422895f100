"""The SMS gateway over the real HTTP server: it claims the due reminders with the
phone number, each goes to one claim only, an acknowledgement marks it sent exactly
once (repeatable, refused to another claim), and the platform then logs none itself
— and no log line holds the phone number."""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from central.db import write
from central.devices import create
from central.guidance import gateway
from kiosk.platform.identity import id_hash
from tests.central.signed import SignedApi
from tests.guidance.conftest import key, start_of

PHONE = "13912345678"


@pytest.fixture(scope="module")
def sms(platform) -> SignedApi:
    device_key = create(platform.conn, platform.app.state.box, "SMS-1")
    with write(platform.conn):
        gateway.register(platform.conn, "SMS-1", platform.clock())
    return SignedApi(platform.url, "SMS-1", device_key)


def test_claim_ack_exactly_once(platform, sms, caplog) -> None:
    caplog.set_level(logging.INFO)
    slot = platform.slot("kind = 'one_to_one' AND booked = 0", n=60)
    booked = platform.book(slot["id"], id_hash("110401"), phone=PHONE)
    assert booked.status_code == 201
    appt = booked.json()["id"]
    platform.set_time(start_of(slot) - dt.timedelta(minutes=110))      # two_hours is due
    assert platform.api.get("/guidance/slots?service_id=G001").status_code == 200   # a sweep
    # left to the gateway, not logged (the day-before one too, when booked early enough)
    assert platform.rows("SELECT status FROM notifications WHERE appointment_id = ? "
                         "AND kind = 'two_hours'", appt) == [("pending",)]
    assert platform.api.post("/notifications/claim", {}).status_code == 403   # a terminal
    first = sms.post("/notifications/claim", {"limit": 100, "lease_s": 60})
    assert first.status_code == 200, first.text
    mine = [i for i in first.json()["items"]
            if i["appointment_id"] == appt and i["kind"] == "two_hours"]
    assert [(i["kind"], i["phone"]) for i in mine] == [("two_hours", PHONE)]
    other = sms.post("/notifications/claim", {"limit": 100}).json()
    assert all(i["appointment_id"] != appt for i in other["items"])      # leased
    nid, claim = mine[0]["id"], first.json()["claim"]
    assert sms.post(f"/notifications/{nid}/ack", {"claim": other["claim"]}).json()[
        "error"] == "not_your_claim"
    done = sms.post(f"/notifications/{nid}/ack", {"claim": claim})
    again = sms.post(f"/notifications/{nid}/ack", {"claim": claim})
    assert done.status_code == again.status_code == 200 and done.json() == again.json()
    assert platform.rows("SELECT status FROM notifications WHERE id = ?", nid) == [("sent",)]
    assert sms.post("/notifications/N-none/ack", {"claim": claim}).status_code == 404
    assert PHONE not in caplog.text


def test_an_expired_lease_is_claimed_again_and_a_cancel_withdraws(platform, sms) -> None:
    slot = platform.slot("kind = 'one_to_one' AND booked = 0", n=80)
    appt = platform.book(slot["id"], id_hash("110402"), phone=PHONE).json()["id"]
    platform.set_time(start_of(slot) - dt.timedelta(minutes=110))
    first = sms.post("/notifications/claim", {"limit": 100, "lease_s": 10}).json()
    assert any(i["appointment_id"] == appt for i in first["items"])
    platform.set_time(start_of(slot) - dt.timedelta(minutes=105))   # lease over
    second = sms.post("/notifications/claim", {"limit": 100}).json()
    item = next(i for i in second["items"] if i["appointment_id"] == appt)
    assert sms.post(f"/notifications/{item['id']}/ack", {"claim": first["claim"]}).json()[
        "error"] == "not_your_claim"
    cancel = platform.api.post(f"/appointments/{appt}/cancel", {}, idem=key())
    assert cancel.status_code == 200
    late = sms.post(f"/notifications/{item['id']}/ack", {"claim": second["claim"]})
    assert late.status_code == 409 and late.json()["error"] == "withdrawn"


def test_the_gateway_is_no_terminal_in_the_fleet_overview(platform, sms) -> None:
    from central.console import fleetview

    listed = {row.device_id for row in fleetview.overview(platform.conn, platform.clock())}
    assert "SMS-1" not in listed and "G-1" in listed
