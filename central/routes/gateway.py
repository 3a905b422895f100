"""The SMS gateway's calls: claim the due reminders, acknowledge each one delivered.

Signed like a terminal's requests (the gateway is an enrolled client), and allowed
only to the client registered as the gateway (central/guidance/gateway.py)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Request
from fastapi.responses import JSONResponse

from central.db import write
from central.guidance import gateway
from central.guidance.sweep import run as sweep
from central.routes.common import body, box, db, signed_router

router = signed_router()
NotificationId = Annotated[str, Path(pattern=r"^[A-Za-z0-9-]{1,64}$")]


@router.post("/notifications/claim")
def claim(request: Request) -> JSONResponse:
    """Due reminders leased to one claim, with the phone number each goes to."""
    doc = body(request, "NotificationClaimIn")
    conn, now = db(request), request.app.state.clock()
    gateway.require_gateway(conn, request.state.device_id)
    sweep(conn, now)                    # no-shows first: their reminders are withdrawn
    with write(conn):
        answer = gateway.claim(conn, box(request), request.state.device_id, now,
                               doc.get("limit", 50), doc.get("lease_s", 300))
    return JSONResponse(answer)


@router.post("/notifications/{notification_id}/ack")
def ack(request: Request, notification_id: NotificationId) -> JSONResponse:
    """Delivered: the reminder is sent, once; the same answer when repeated."""
    doc = body(request, "NotificationAckIn")
    conn = db(request)
    gateway.require_gateway(conn, request.state.device_id)
    with write(conn):
        answer = gateway.ack(conn, notification_id, doc["claim"], request.app.state.clock())
    return JSONResponse(answer)
