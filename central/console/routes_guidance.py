"""Staff's side of the appointment machine: the desk's list of today's appointments,
and the step only staff take — the counsellor has served the visitor.

Serving is not a terminal's call: the person doing the guidance says it happened,
signed in to the console as staff (or admin), with the console's CSRF token like
every other console action, and it is audited like them. The answer is JSON (the
appointment as terminals see it, or the machine's 409 refusal with its code), so a
script can call it; the desk page's button adds `reply=page` to its form and gets
the page back instead — the list again after a serve, or the refusal in plain words
with its 409 — so the page works without any script.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import JSONResponse, Response

from central.console import audit, desk, fleetview
from central.console.accounts import Session
from central.console.web import conn_of, form, now, redirect, render, require, session
from central.console.web import source as source_of
from central.db import write
from central.errors import ApiError
from central.guidance import booking
from central.guidance.sweep import run as sweep

router = APIRouter(prefix="/console", include_in_schema=False)
AppointmentId = Annotated[str, Path(pattern=r"^[A-Za-z0-9-]{1,64}$")]
DESK = "/console/appointments"
# the refusals the desk can meet, each with words of its own; others read as "changed"
PLAIN = {"not_checked_in", "already_served", "cancelled", "no_show", "changed",
         "unknown_appointment"}


def _desk_page(request: Request, user: Session, part: str = "", status: int = 200,
               refusal: str | None = None) -> Response:
    """The day's appointments as of now (the sweep first marks who missed theirs)."""
    conn, at = conn_of(request), now(request)
    sweep(conn, at)
    rows = desk.todays(conn, request.app.state.box, at, user.may("serve"))
    context: dict[str, Any] = dict(
        groups=desk.grouped(rows), count=len(rows), hhmm=desk.clock_time,
        day=at.astimezone(desk.CHINA).date().isoformat(), csrf=user.csrf,
        may_serve=user.may("serve"), refusal=refusal,
        title_count=fleetview.open_alert_count(conn))
    name = "appointments_rows.html" if part == "rows" else "appointments.html"
    return render(request, name, user, status=status, **context)


@router.get("/appointments")
def appointments_page(request: Request, part: str = "") -> Response:
    """Any signed-in role may look; only one that may serve sees people and buttons."""
    return _desk_page(request, session(request), part)


@router.post("/appointments/{appointment_id}/served")
async def served(request: Request, appointment_id: AppointmentId) -> Response:
    """checked_in -> served; 404 unknown_appointment, 409 with the state it stands in."""
    user = session(request)
    fields = await form(request, user)
    require(request, user, "serve", appointment_id)
    conn, at = conn_of(request), now(request)
    sweep(conn, at)
    try:
        with write(conn):
            done = booking.serve(conn, appointment_id, at)
    except ApiError as exc:
        code = exc.body["error"]
        audit.record(conn, at, user.user, "serve_refused", appointment_id, code,
                     source_of(request))
        if fields.get("reply") == "page":
            return _desk_page(request, user, status=exc.status,
                              refusal=code if code in PLAIN else "changed")
        return exc.response()
    audit.record(conn, at, user.user, "serve", appointment_id, "checked_in -> served",
                 source_of(request))
    if fields.get("reply") == "page":
        return redirect(DESK)
    return JSONResponse(done)
