"""Complaints with tracking numbers, satisfaction ratings and assessment results."""

from __future__ import annotations

import json
import math
import sqlite3
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from central import complaints
from central.db import iso, utc_now
from central.errors import ApiError
from central.idempotency import submit
from central.routes.common import body, box, db, new_id, signed_router, visitor

router = signed_router()


def _throttle(request: Request) -> complaints.Throttle:
    """The throttle over the platform's database (its windows are rows there)."""
    return complaints.Throttle(db(request))


@router.post("/complaints", status_code=201)
def complain(request: Request) -> Response:
    """A complaint, suggestion, praise or a report of a posting; the terminal's own
    tracking number is kept unless another complaint holds it."""
    doc = body(request, "ComplaintIn")
    sealer, who = box(request), visitor(request, doc)
    return submit(request, lambda conn: (201, complaints.record(
        conn, sealer, doc, who, request.state.device_id)))


@router.post("/complaints/status")
def complaint_state(request: Request) -> JSONResponse:
    """Status by tracking number and phone; one answer for "wrong number" and "wrong
    phone"; 429 with Retry-After once a terminal or a number asks too often."""
    doc = body(request, "ComplaintQueryIn")
    wait = _throttle(request).wait_s(request.state.device_id, doc["tracking_number"])
    if wait > 0:
        seconds = max(1, math.ceil(wait))
        return JSONResponse({"error": "too_many_lookups", "retry_after_s": seconds,
                             "message": "too many lookups; try again later"},
                            status_code=429, headers={"Retry-After": str(seconds)})
    found = complaints.status(db(request), box(request), doc["tracking_number"], doc["phone"])
    if found is None:
        raise ApiError(404, "not_found", "no complaint with this number and phone")
    return JSONResponse(found)


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
