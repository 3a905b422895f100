"""Job seekers: registration, their own record after a card read, job interests.

Names and phones are kept sealed; a lookup answers only for the id_hash given,
so a terminal can never list other visitors.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from central.db import business_day, iso, read, utc_now
from central.errors import ApiError
from central.idempotency import submit
from central.routes.common import body, box, db, new_id, signed_router, visitor
from central.routes.records import appointments_of, complaints_of, interests_of

router = signed_router()


@router.post("/seekers/registrations")
def register(request: Request) -> Response:
    """Register a visitor, or update the intentions of one already registered."""
    doc = body(request, "RegistrationIn")
    sealed = box(request).seal({k: v for k, v in doc.items() if k != "id_hash"})
    who = visitor(request, doc)

    def handler(conn: sqlite3.Connection) -> tuple[int, dict[str, Any]]:
        now = iso(utc_now())
        row = conn.execute("SELECT registration_id, registered_at FROM seekers "
                           "WHERE id_hash = ?", (who,)).fetchone()
        if row:
            conn.execute("UPDATE seekers SET data = ?, updated_at = ?, device_id = ? "
                         "WHERE id_hash = ?", (sealed, now, request.state.device_id, who))
            return 200, {"registration_id": row[0], "status": "updated",
                         "registered_at": row[1]}
        reg_id = new_id("R")
        conn.execute("INSERT INTO seekers VALUES(?, ?, ?, ?, ?, ?)",
                     (who, sealed, reg_id, now, now, request.state.device_id))
        return 200, {"registration_id": reg_id, "status": "registered", "registered_at": now}

    return submit(request, handler)


@router.post("/seekers/lookup")
def lookup(request: Request) -> JSONResponse:
    """One visitor's own data: registration, recommendations, appointments, complaints."""
    doc = body(request, "LookupIn")
    who = visitor(request, doc)
    conn = db(request)
    with read(conn):
        row = conn.execute("SELECT registration_id, registered_at, data FROM seekers "
                           "WHERE id_hash = ?", (who,)).fetchone()
        answer: dict[str, Any] = {"registered": row is not None, "recommended": []}
        if row:
            intentions = box(request).open(row[2]).get("intentions", {})
            answer["registration"] = {"registration_id": row[0], "registered_at": row[1],
                                      "intentions": intentions}
            answer["recommended"] = recommend(conn, intentions)
        answer["appointments"] = appointments_of(conn, who)
        answer["complaints"] = complaints_of(conn, who)
        answer["interests"] = interests_of(conn, who)
    return JSONResponse(answer)


def recommend(conn: sqlite3.Connection, intentions: dict[str, Any], limit: int = 10
              ) -> list[dict[str, Any]]:
    """Open postings matching the visitor's intentions, newest first."""
    sql = ("SELECT doc, updated_at FROM feed_items WHERE kind = 'jobs' AND deleted = 0 "
           "AND json_extract(doc, '$.valid_until') >= date('now')")
    args: list[Any] = []
    for field, key in (("occupation_group", "occupation_groups"), ("district", "districts")):
        wanted = intentions.get(key) or []
        if wanted:
            sql += f" AND json_extract(doc, '$.{field}') IN ({','.join('?' * len(wanted))})"
            args += wanted
    if intentions.get("pay_min"):
        sql += " AND json_extract(doc, '$.pay_max') >= ?"
        args.append(intentions["pay_min"])
    if intentions.get("employment_type"):
        sql += " AND json_extract(doc, '$.employment_type') = ?"
        args.append(intentions["employment_type"])
    rows = conn.execute(sql + " ORDER BY json_extract(doc, '$.posted_at') DESC LIMIT ?",
                        [*args, limit]).fetchall()
    return [{**json.loads(doc), "updated_at": stamp} for doc, stamp in rows]


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
