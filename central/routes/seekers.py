"""Job seekers: registration, their own record after a card read, unemployment
applications, job interests.

Everything a visitor tells about themselves is kept sealed; a lookup answers only
for the id_hash given, so a terminal can never list other visitors. A lookup
touches the visitor's own rows by index and scores the catalog's open postings
(central/matching.py), so its cost does not grow with the number of seekers.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from central import unemployment
from central.db import business_day, iso, read, utc_now
from central.demo import staff
from central.errors import ApiError
from central.guidance.sweep import run as sweep
from central.idempotency import submit
from central.matching import OpenPostings, recommend
from central.routes.common import body, box, db, new_id, not_after, signed_router, visitor
from central.routes.records import appointments_of, complaints_of, interests_of

router = signed_router()


@router.post("/seekers/registrations")
def register(request: Request) -> Response:
    """Register a visitor, or update the registration of one already registered.

    An update keeps the registration's id and date; fields it leaves out keep their
    stored values. A registration naming a key group has a specialist (B 5.3.1.3 c).
    """
    doc = body(request, "RegistrationIn")
    not_after(doc, "birth_date", business_day(request.app.state.day_offset))
    given = {k: v for k, v in doc.items() if k != "id_hash"}
    who, sealer = visitor(request, doc), box(request)

    def handler(conn: sqlite3.Connection) -> tuple[int, dict[str, Any]]:
        now = iso(utc_now())
        row = conn.execute("SELECT registration_id, registered_at, data, specialist_id "
                           "FROM seekers WHERE id_hash = ?", (who,)).fetchone()
        data = {**sealer.open(row[2]), **given} if row else given
        specialist = None
        if data.get("key_groups"):
            specialist = staff.find(row[3] if row else None) or staff.choose(doc["id_hash"])
        kept = specialist.id if specialist else None
        if row:
            conn.execute("UPDATE seekers SET data = ?, updated_at = ?, device_id = ?, "
                         "specialist_id = ? WHERE id_hash = ?",
                         (sealer.seal(data), now, request.state.device_id, kept, who))
            ack = {"registration_id": row[0], "status": "updated", "registered_at": row[1]}
        else:
            ack = {"registration_id": new_id("R"), "status": "registered", "registered_at": now}
            conn.execute("INSERT INTO seekers(id_hash, data, registration_id, registered_at, "
                         "updated_at, device_id, specialist_id) VALUES(?, ?, ?, ?, ?, ?, ?)",
                         (who, sealer.seal(data), ack["registration_id"], now, now,
                          request.state.device_id, kept))
        if specialist:
            ack["specialist"] = specialist.public()
        return 200, ack

    return submit(request, handler)


@router.post("/seekers/lookup")
def lookup(request: Request) -> JSONResponse:
    """One visitor's own data: registration, recommendations, specialist, appointments,
    complaints, interests and unemployment applications."""
    doc = body(request, "LookupIn")
    who = visitor(request, doc)
    today = business_day(request.app.state.day_offset).isoformat()
    postings: OpenPostings = request.app.state.postings
    conn = db(request)
    sweep(conn, request.app.state.clock())      # the appointments as of now
    with read(conn):
        row = conn.execute("SELECT registration_id, registered_at, updated_at, data, "
                           "specialist_id FROM seekers WHERE id_hash = ?", (who,)).fetchone()
        answer: dict[str, Any] = {"registered": row is not None, "recommended": [],
                                  "recommended_note": None, "specialist": None}
        if row:
            data = box(request).open(row[3])
            answer["registration"] = {
                "registration_id": row[0], "registered_at": row[1], "updated_at": row[2],
                "intentions": data.get("intentions", {}),
                "key_groups": data.get("key_groups", [])}
            answer["recommended"], answer["recommended_note"] = recommend(
                conn, postings, data, today)
            specialist = staff.find(row[4])
            answer["specialist"] = specialist.public() if specialist else None
        answer["appointments"] = appointments_of(conn, who)
        answer["complaints"] = complaints_of(conn, who)
        answer["interests"] = interests_of(conn, who)
        answer["unemployment"] = unemployment.of_visitor(conn, who)
    return JSONResponse(answer)


@router.post("/seekers/unemployment", status_code=201)
def apply_unemployment(request: Request) -> Response:
    """An application for unemployment registration; staff decide it."""
    doc = body(request, "UnemploymentIn")
    not_after(doc, "left_on", business_day(request.app.state.day_offset))
    sealed = box(request).seal({k: v for k, v in doc.items() if k != "id_hash"})
    who = visitor(request, doc)

    def handler(conn: sqlite3.Connection) -> tuple[int, dict[str, Any]]:
        return 201, unemployment.record(conn, new_id("U"), who, sealed,
                                        request.state.device_id)

    return submit(request, handler)


@router.post("/job-interests", status_code=201)
def interest(request: Request) -> Response:
    """A visitor wants to be put in touch with the employer of an open posting."""
    doc = body(request, "JobInterestIn")
    sealed = box(request).seal({"phone": doc.get("phone")})
    who = visitor(request, doc)

    def handler(conn: sqlite3.Connection) -> tuple[int, dict[str, Any]]:
        row = conn.execute("SELECT deleted, json_extract(doc, '$.valid_until') "
                           "FROM feed_items WHERE kind = 'jobs' AND id = ?",
                           (doc["job_id"],)).fetchone()
        if row is None:
            raise ApiError(404, "unknown_job", "no such posting")
        today = business_day(request.app.state.day_offset).isoformat()
        if row[0] or row[1] < today:
            raise ApiError(409, "job_closed", "the posting was withdrawn or has expired")
        ack = {"id": new_id("I"), "job_id": doc["job_id"], "status": "received",
               "created_at": iso(utc_now())}
        conn.execute("INSERT INTO interests VALUES(?, ?, ?, ?, ?, ?)",
                     (ack["id"], doc["job_id"], who, sealed,
                      ack["created_at"], request.state.device_id))
        return 201, ack

    return submit(request, handler)
