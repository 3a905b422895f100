"""A visitor's submissions and lookup: only their own data, personal fields sealed."""

from __future__ import annotations

import hashlib
import uuid

from central.db import business_day
from tests.stores import stored_bytes

ID_NUMBER = "11010519900101123X"
WHO = hashlib.sha256(ID_NUMBER.encode()).hexdigest()
NAME, PHONE = "张小明", "13912345678"


def key() -> str:
    return str(uuid.uuid4())


def registration() -> dict:
    return {"id_hash": WHO, "name": NAME, "phone": PHONE, "sex": "male",
            "birth_date": "1990-01-01", "education": "senior",
            "intentions": {"occupation_groups": ["交通运输"], "pay_min": 5000}}


def test_register_lookup_book_complain(api, platform):
    assert api.post("/seekers/lookup", {"id_hash": WHO}).json()["registered"] is False
    first = api.post("/seekers/registrations", registration(), idem=key()).json()
    assert first["status"] == "registered"
    assert api.post("/seekers/registrations", registration(), idem=key()).json()[
        "status"] == "updated"
    slot = api.get("/guidance/slots?service_id=G002").json()["items"][0]
    booked = api.post("/appointments", {"slot_id": slot["id"], "id_hash": WHO,
                                        "phone": PHONE}, idem=key())
    assert booked.status_code == 201 and booked.json()["service_name"] == "简历指导"
    taken = api.post("/appointments", {"slot_id": slot["id"], "phone": PHONE}, idem=key())
    assert taken.status_code == 409 and taken.json()["error"] == "slot_taken"
    filed = api.post("/complaints", {"category": "suggestion", "text": "希望增加夜间服务",
                                     "phone": PHONE, "id_hash": WHO}, idem=key()).json()
    status = api.post("/complaints/status", {"tracking_number": filed["tracking_number"],
                                             "phone": PHONE})
    assert status.json()["status"] == "received"
    wrong = api.post("/complaints/status", {"tracking_number": filed["tracking_number"],
                                            "phone": "13000000000"})
    assert wrong.status_code == 404
    seeker = api.post("/seekers/lookup", {"id_number": ID_NUMBER.lower()}).json()
    assert seeker["registered"] and seeker["registration"]["registration_id"] == first[
        "registration_id"]
    assert [a["id"] for a in seeker["appointments"]] == [booked.json()["id"]]
    assert seeker["complaints"][0]["tracking_number"] == filed["tracking_number"]
    assert seeker["recommended"] and all(j["occupation_group"] == "交通运输" and
                                         j["pay_max"] >= 5000 for j in seeker["recommended"])
    other = api.post("/seekers/lookup", {"id_hash": "0" * 64}).json()
    assert other["appointments"] == [] and other["complaints"] == []
    raw = stored_bytes(platform)
    for secret in (NAME, PHONE, ID_NUMBER, WHO):
        assert secret.encode() not in raw


def test_cancel_then_checkin_rules(api):
    slot = api.get("/guidance/slots?service_id=G003").json()["items"][0]
    appt = api.post("/appointments", {"slot_id": slot["id"], "phone": PHONE}, idem=key()).json()
    done = api.post(f"/appointments/{appt['id']}/cancel", {}, idem=key())
    assert done.json()["status"] == "cancelled"
    again = api.post(f"/appointments/{appt['id']}/cancel", {}, idem=key())
    assert again.status_code == 409 and again.json()["error"] == "cancelled"
    free = {s["id"] for s in api.get("/guidance/slots?service_id=G003").json()["items"]}
    assert slot["id"] in free
    nope = api.post("/appointments/checkin", {"appointment_id": appt["id"]}, idem=key())
    assert nope.status_code == 409 and nope.json()["error"] == "cancelled"
    who = "1" * 64
    appt = api.post("/appointments", {"slot_id": slot["id"], "phone": PHONE, "id_hash": who},
                    idem=key()).json()
    # demo slots start tomorrow at the earliest (tests/guidance move the clock to them)
    early = api.post("/appointments/checkin", {"id_hash": who}, idem=key()).json()
    assert early["error"] == "wrong_day" and early["starts_at"] == appt["starts_at"]


def test_job_interest_open_expired_withdrawn(api):
    jobs = api.get("/jobs?limit=1000").json()["items"]
    today = business_day().isoformat()
    live = next(j for j in jobs if not j.get("deleted") and j["valid_until"] >= today)
    ok = api.post("/job-interests", {"job_id": live["id"], "id_hash": WHO}, idem=key())
    assert ok.status_code == 201 and ok.json()["job_id"] == live["id"]
    expired = next(j for j in jobs if j["valid_until"] < today)
    for job_id in (expired["id"], "J00000013"):           # expired; withdrawn in the demo
        closed = api.post("/job-interests", {"job_id": job_id}, idem=key())
        assert closed.status_code == 409 and closed.json()["error"] == "job_closed"
    assert api.post("/job-interests", {"job_id": "J99999999"}, idem=key()).status_code == 404


HEALTH = {"release": "0.1", "uptime_s": 5.0, "session": "idle",
          "devices": {d: {"state": "ok"} for d in ("reader", "printer", "camera", "audio")},
          "outbox": {"pending": 0, "parked": 0, "set_aside": 0}, "catalog": {},
          "clock_skew_s": None, "disk_free_mb": 900.0, "memory_mb": 250.0, "reachable": True}


def test_a_heartbeat_with_free_form_status_is_refused(api):
    old = api.post("/devices/heartbeat", {"app_version": "0.1", "status": {"printer": "ok"}})
    assert old.status_code == 422
    bad = api.post("/devices/heartbeat", {"app_version": "0.1", "health": {
        **HEALTH, "devices": {**HEALTH["devices"], "printer": {"state": "on fire"}}}})
    assert bad.status_code == 422


def test_fleet_calls(api, platform):
    from central.db import connect
    from central.routes.fleet import queue_command, set_config

    conn = connect(platform.store)
    command_id = queue_command(conn, platform.device_id, "screenshot", {})
    set_config(conn, platform.device_id, {"display": {"brightness": 80}})
    beat = api.post("/devices/heartbeat", {"app_version": "0.1", "health": HEALTH})
    assert beat.json()["pending_commands"] >= 1 and beat.json()["config_version"] >= 1
    assert command_id in [c["id"] for c in api.get("/fleet/commands").json()["items"]]
    done = api.post(f"/fleet/commands/{command_id}/result", {"ok": True}, idem=key())
    assert done.json()["status"] == "done"
    assert command_id not in [c["id"] for c in api.get("/fleet/commands").json()["items"]]
    assert api.get("/fleet/config").json()["settings"]["display"]["brightness"] == 80
    shot = api.post("/fleet/screenshots", {"taken_at": "2026-11-23T08:00:00Z",
                                           "png_base64": "iVBORw0KGgo="}, idem=key())
    assert shot.status_code == 201
    assert api.post("/fleet/logs", {"lines": ["a", "b"]}, idem=key()).status_code == 201
