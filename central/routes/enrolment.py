"""Enrolment by pairing code: the two calls a terminal makes before it has a key.

Unsigned (there is nothing to sign with yet) but inside the guard's body limits;
the request's id is a 128-bit secret of the terminal's, and what it fetches is only
readable with the terminal's private key (central/enrolment.py).
"""

from __future__ import annotations

import base64
import binascii
from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import JSONResponse

from central.contract import parse_body, require_json
from central.enrolment import ask, collect
from central.errors import ApiError, CentralError
from central.routes.common import PREFIX, db

router = APIRouter(prefix=PREFIX)
RequestId = Annotated[str, Path(pattern=r"^[0-9a-f]{32}$")]


@router.post("/enrolment/requests", status_code=202)
async def request_pairing(request: Request) -> JSONResponse:
    raw = await request.body()
    require_json(request.headers.get("content-type", ""), raw)
    doc = parse_body(raw, "EnrolmentRequest")
    try:
        public = base64.b64decode(doc["public_key"], validate=True)
    except (binascii.Error, ValueError):
        raise ApiError(422, "invalid", "public_key is not base64") from None
    if len(public) != 32:
        raise ApiError(422, "invalid", "public_key is not an X25519 key")
    try:
        status = ask(db(request), doc["request_id"], doc["device_hint"], doc["code_sha256"],
                     public)
    except CentralError as exc:
        raise ApiError(429, "too_many", str(exc)) from None
    return JSONResponse({"status": status}, status_code=202)


@router.get("/enrolment/requests/{request_id}")
def pairing_status(request: Request, request_id: RequestId) -> JSONResponse:
    return JSONResponse(collect(db(request), request_id))
