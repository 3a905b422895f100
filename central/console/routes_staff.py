"""Staff's pages: policy questions to answer within a working day, and help requests
from the terminals' "call staff" button (with the signed call a terminal makes)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import JSONResponse, Response

from central.console import audit, fleetview
from central.console.errors import ConsoleError
from central.console.web import conn_of, form, now, redirect, render, require, session
from central.console.web import source as source_of
from central.db import CHINA
from central.errors import CentralError
from central.routes.common import body, signed_router

router = APIRouter(prefix="/console", include_in_schema=False)
api = signed_router()
Number = Annotated[str, Path(pattern=r"^[A-Za-z0-9-]{1,40}$")]
HelpId = Annotated[str, Path(pattern=r"^[A-Za-z0-9-]{1,64}$")]


def mask_phone(phone: str | None) -> str:
    return f"{phone[:3]}****{phone[-4:]}" if phone and len(phone) >= 7 else "-"


@router.get("/questions")
def questions_page(request: Request, status: str = "received") -> Response:
    from central.questions import questions

    user = session(request)
    require(request, user, "answer")
    today = now(request).astimezone(CHINA).date().isoformat()
    found = questions(conn_of(request), request.app.state.box,
                      status if status in ("received", "answered") else None)
    found.sort(key=lambda q: (q.status != "received", q.answer_by, q.asked_at))
    return render(request, "questions.html", user, questions=found, today=today,
                  listed=status, mask=mask_phone,
                  title_count=fleetview.open_alert_count(conn_of(request)))


@router.post("/questions/{number}")
async def answer_question(request: Request, number: Number) -> Response:
    from central.questions import answer

    user = session(request)
    fields = await form(request, user)
    require(request, user, "answer", number)
    try:
        before = answer(conn_of(request), number, fields.get("answer", ""))
    except CentralError as exc:
        raise ConsoleError(str(exc)) from None
    audit.record(conn_of(request), now(request), user.user, "answer", number,
                 f"{before} -> answered", source_of(request))
    return redirect("/console/questions")


@router.get("/help")
def help_page(request: Request, hall: str = "", part: str = "") -> Response:
    user = session(request)
    require(request, user, "help")
    halls, _groups = fleetview.choices(conn_of(request))
    waiting = fleetview.help_requests(conn_of(request), hall[:60])
    at = now(request)
    context = dict(waiting=waiting, halls=halls, hall=hall, csrf=user.csrf,
                   minutes=lambda asked: int((at - dt.datetime.fromisoformat(
                       asked.replace("Z", "+00:00"))).total_seconds() // 60),
                   title_count=fleetview.open_alert_count(conn_of(request)))
    return render(request, "help_rows.html" if part == "rows" else "help.html", user,
                  **context)


@router.post("/help/{request_id}")
async def handle_help(request: Request, request_id: HelpId) -> Response:
    user = session(request)
    fields = await form(request, user)
    require(request, user, "help", request_id)
    done = fields.get("action") == "done"
    if fleetview.handle_help(conn_of(request), request_id, user.user, done, now(request)):
        audit.record(conn_of(request), now(request), user.user,
                     "help_done" if done else "help_taken", request_id, None,
                     source_of(request))
    return redirect("/console/help")


@api.post("/help-requests", status_code=201)
def ask_help(request: Request) -> JSONResponse:
    """A visitor pressed "call staff": the desk's staff see it at once, per hall."""
    doc = body(request, "HelpRequestIn")
    fleetview.ask_help(conn_of(request), doc["id"], request.state.device_id, doc["desk"],
                       now(request))
    return JSONResponse({"id": doc["id"], "status": "waiting"}, status_code=201)
