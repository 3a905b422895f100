"""Staff's step in the appointment machine: the counsellor has served the visitor.

Serving is not a terminal's call: the person doing the guidance says it happened,
signed in to the console as staff (or admin), with the console's CSRF token like
every other console action, and it is audited like them. The answer is JSON (the
appointment as terminals see it, or the machine's 409 refusal with its code), so
a desk page or a script can call it as well as a form.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import JSONResponse, Response

from central.console import audit
from central.console.web import conn_of, form, now, require, session
from central.console.web import source as source_of
from central.db import write
from central.errors import ApiError
from central.guidance import booking
from central.guidance.sweep import run as sweep

router = APIRouter(prefix="/console", include_in_schema=False)
AppointmentId = Annotated[str, Path(pattern=r"^[A-Za-z0-9-]{1,64}$")]


@router.post("/appointments/{appointment_id}/served")
async def served(request: Request, appointment_id: AppointmentId) -> Response:
    """checked_in -> served; 404 unknown_appointment, 409 with the state it stands in."""
    user = session(request)
    await form(request, user)
    require(request, user, "serve", appointment_id)
    conn, at = conn_of(request), now(request)
    sweep(conn, at)
    try:
        with write(conn):
            done = booking.serve(conn, appointment_id, at)
    except ApiError as exc:
        audit.record(conn, at, user.user, "serve_refused", appointment_id, exc.body["error"],
                     source_of(request))
        return exc.response()
    audit.record(conn, at, user.user, "serve", appointment_id, "checked_in -> served",
                 source_of(request))
    return JSONResponse(done)
