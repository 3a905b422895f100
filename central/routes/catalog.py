"""Catalog collections for incremental sync, and free guidance slots."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Query, Request
from fastapi.responses import JSONResponse, Response

from central.db import read
from central.errors import ApiError
from central.feeds import page
from central.guidance.sweep import run as sweep
from central.routes.common import db, signed_router

router = signed_router()
LOCAL = dt.timezone(dt.timedelta(hours=8))
Cursor = Annotated[str, Query(max_length=200)]
Limit = Annotated[int, Query(ge=1, le=1000)]


def _feed(request: Request, kind: str, cursor: str, limit: int) -> Response:
    return Response(page(db(request), kind, cursor, limit), media_type="application/json")


@router.get("/jobs")
def jobs(request: Request, cursor: Cursor = "", limit: Limit = 500) -> Response:
    """Postings changed after the cursor (expired ones included: terminals hide them)."""
    return _feed(request, "jobs", cursor, limit)


@router.get("/fairs")
def fairs(request: Request, cursor: Cursor = "", limit: Limit = 500) -> Response:
    return _feed(request, "fairs", cursor, limit)


@router.get("/policies")
def policies(request: Request, cursor: Cursor = "", limit: Limit = 500) -> Response:
    return _feed(request, "policies", cursor, limit)


@router.get("/guidance/services")
def services(request: Request, cursor: Cursor = "", limit: Limit = 500) -> Response:
    return _feed(request, "services", cursor, limit)


# Window bounds are kept well inside datetime's years 1..9999, so moving a bound to
# local time or adding the default 14 days can never leave that range.
YEARS = range(1970, 9999)


def parse_moment(value: str, end_of_day: bool = False) -> dt.datetime:
    """A date (start or end of that day, local time) or an ISO date-time, 1970 to 9998."""
    try:
        if len(value) == 10:
            day = dt.date.fromisoformat(value)
            moment = dt.time(23, 59, 59) if end_of_day else dt.time(0, 0)
            parsed = dt.datetime.combine(day, moment, LOCAL)
        else:
            parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ApiError(400, "bad_query", f"not a date or date-time: {value[:40]!r}") from None
    if parsed.year not in YEARS:
        raise ApiError(400, "bad_query", f"{value[:40]!r} is outside the years "
                                         f"{YEARS.start}-{YEARS.stop - 1}")
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=LOCAL)


@router.get("/guidance/slots")
def slots(request: Request, service_id: Annotated[str, Query(max_length=64)] = "",
          from_: Annotated[str, Query(alias="from", max_length=40)] = "",
          to: Annotated[str, Query(max_length=40)] = "") -> JSONResponse:
    """Free slots in [from, to], soonest first (default: the next 14 days); never one
    that has begun on the platform's clock."""
    now = request.app.state.clock().astimezone(LOCAL)   # the platform's clock
    sweep(db(request), now)                              # seats of no-shows, reminders
    start = max(parse_moment(from_), now) if from_ else now
    end = parse_moment(to, end_of_day=True) if to else start + dt.timedelta(days=14)
    start_s = start.astimezone(LOCAL).replace(microsecond=0).isoformat()
    end_s = end.astimezone(LOCAL).replace(microsecond=0).isoformat()
    sql = ("SELECT id, service_id, counsellor, starts_at, ends_at, capacity - booked, "
           "kind, capacity, room, priority FROM slots "
           "WHERE starts_at >= ? AND starts_at <= ? AND booked < capacity")
    args: list[str] = [start_s, end_s]
    if service_id:
        sql += " AND service_id = ?"
        args.append(service_id)
    conn = db(request)
    with read(conn):
        rows = conn.execute(sql + " ORDER BY starts_at, id LIMIT 500", args).fetchall()
    keys = ("id", "service_id", "counsellor", "starts_at", "ends_at", "free", "kind",
            "capacity", "room", "priority")
    return JSONResponse({"items": [dict(zip(keys, row, strict=True)) for row in rows]})
