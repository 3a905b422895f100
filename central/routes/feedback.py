"""Complaints with tracking numbers, satisfaction ratings and assessment results."""

from __future__ import annotations

import json
import secrets
import sqlite3
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from central.db import iso, read, utc_now
from central.errors import ApiError
from central.idempotency import submit
from central.routes.common import body, box, db, new_id, signed_router, visitor
from central.routes.records import COMPLAINT_SQL, complaint_status

router = signed_router()


def tracking_number(conn: sqlite3.Connection) -> str:
    """A short number a visitor can read out on the phone, e.g. TS20261123-4821."""
    day = utc_now().strftime("%Y%m%d")
    while True:
        number = f"TS{day}-{secrets.randbelow(900000) + 100000}"
        if not conn.execute("SELECT 1 FROM complaints WHERE tracking_number = ?",
                            (number,)).fetchone():
            return number


@router.post("/complaints", status_code=201)
def complain(request: Request) -> Response:
    doc = body(request, "ComplaintIn")
    sbox = box(request)
    sealed = sbox.seal({k: doc.get(k) for k in ("text", "phone", "name")})
    phone_hash = sbox.keyed_hash(doc["phone"])
    who = visitor(request, doc)

    def handler(conn: sqlite3.Connection) -> tuple[int, dict[str, Any]]:
        now, number = iso(utc_now()), tracking_number(conn)
        conn.execute("INSERT INTO complaints VALUES(?, ?, ?, ?, ?, ?, 'received', NULL, ?, ?, ?)",
                     (new_id("C"), number, phone_hash, who, doc["category"],
                      sealed, now, now, request.state.device_id))
        row = conn.execute(COMPLAINT_SQL + "WHERE tracking_number = ?", (number,)).fetchone()
        return 201, complaint_status(row)

    return submit(request, handler)


@router.post("/complaints/status")
def complaint_state(request: Request) -> JSONResponse:
    """Status by tracking number and phone; one answer for "wrong number" and "wrong phone"."""
    doc = body(request, "ComplaintQueryIn")
    phone_hash = box(request).keyed_hash(doc["phone"])
    conn = db(request)
    with read(conn):
        row = conn.execute(COMPLAINT_SQL + "WHERE tracking_number = ? AND phone_hash = ?",
                           (doc["tracking_number"], phone_hash)).fetchone()
    if row is None:
        raise ApiError(404, "not_found", "no complaint with this number and phone")
    return JSONResponse(complaint_status(row))


def _receipt(conn: sqlite3.Connection, table: str, values: tuple[Any, ...]) -> dict[str, Any]:
    """Insert (id, *values[:-1], created_at, values[-1] = device id) and acknowledge it."""
    marks = ",".join("?" * (len(values) + 2))
    item_id, now = new_id(table[0].upper()), iso(utc_now())
    conn.execute(f"INSERT INTO {table} VALUES({marks})", (item_id, *values[:-1], now,
                                                          values[-1]))
    return {"id": item_id, "received_at": now}


@router.post("/ratings", status_code=201)
def rate(request: Request) -> Response:
    doc = body(request, "RatingIn")
    text = json.dumps(doc, ensure_ascii=False)
    return submit(request, lambda conn: (201, _receipt(
        conn, "ratings", (text, request.state.device_id))))


@router.post("/assessments", status_code=201)
def assess(request: Request) -> Response:
    doc = body(request, "AssessmentIn")
    sealed = box(request).seal({k: v for k, v in doc.items() if k != "id_hash"})
    who = visitor(request, doc)
    return submit(request, lambda conn: (201, _receipt(
        conn, "assessments", (who, sealed, request.state.device_id))))
