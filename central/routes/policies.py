"""The working-day calendar collection and policy questions (central/questions.py)."""

from __future__ import annotations

import sqlite3
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from central import questions
from central.errors import ApiError
from central.feeds import page
from central.idempotency import submit
from central.routes.catalog import Cursor, Limit
from central.routes.common import body, box, db, signed_router, visitor

router = signed_router()


@router.get("/calendar")
def calendar(request: Request, cursor: Cursor = "", limit: Limit = 500) -> Response:
    """Public holidays and make-up workdays, one document a year."""
    return Response(page(db(request), "calendar", cursor, limit),
                    media_type="application/json")


@router.post("/policy-questions", status_code=201)
def ask(request: Request) -> Response:
    """A visitor's question about a policy, with the tracking number the terminal made."""
    doc = body(request, "PolicyQuestionIn")
    sealer, who = box(request), visitor(request, doc)

    def handler(conn: sqlite3.Connection) -> tuple[int, dict[str, Any]]:
        ack = questions.record(conn, sealer, doc, who, request.state.device_id)
        if ack is None:
            raise ApiError(409, "tracking_taken", "this tracking number is already in use")
        return 201, ack

    return submit(request, handler)


@router.post("/policy-questions/status")
def question_status(request: Request) -> JSONResponse:
    """A question and its answer, by tracking number and the phone (or slip code) given."""
    doc = body(request, "PolicyQuestionQueryIn")
    found = questions.status(db(request), box(request), doc["tracking_number"], doc["secret"])
    if found is None:
        raise ApiError(404, "not_found", "no question with this number and phone")
    return JSONResponse(found)
