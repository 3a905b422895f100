"""The door of the API: what every request under /api/v1 passes before a handler runs.

A request's headers are checked first (the signing headers in their forms, the
terminal enrolled): a stranger is refused before one byte of its body is read. The
body is then read with the operation's limit from the contract (x-max-body-bytes):
a Content-Length over it is refused unread, a chunked body is cut off where it
passes it. Only then do the handlers see the body (and the signature is checked
over it). Bodies of the large fleet uploads are read two at a time, so many of them
at once wait their turn instead of filling the memory. A body whose next part does
not come within the platform's body time-out is answered 408 and its connection
closed: a client trickling a body byte by byte would otherwise hold a worker (and
one of the two places for large uploads) for as long as it likes.

A client that hangs up is no error of the platform: it costs one debug line. Any
exception the handlers did not turn into an answer is logged as one JSON line
(its type and where it was raised; never its text, which may hold personal data)
and answered 500 in the contract's error shape.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import traceback
from dataclasses import dataclass
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.requests import ClientDisconnect
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from central.auth import claim_of, device_key
from central.contract import document
from central.errors import ApiError
from central.pg import is_outage

log = logging.getLogger("central")
GUARDED = "/api/v1/"
UNSIGNED = frozenset({"/api/v1/health"})
# a terminal asking to be paired has no key yet: no signature, the body limits still hold
ENROLMENT = "/api/v1/enrolment/"
LARGE_AT_ONCE = 2
BODY_IDLE_S = 15.0         # longest wait for the next part of a body


class ClientGone(Exception):
    """The client closed the connection before its request was whole."""


@dataclass(frozen=True)
class Route:
    method: str
    path: re.Pattern[str]
    limit: int


class BodyLimits:
    """Each operation's body limit as the contract states it (else the document's)."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.default = int(doc["x-max-body-bytes"])
        self.routes: list[Route] = []
        for path, item in doc["paths"].items():
            pattern = re.compile(re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(path)))
            for method, op in item.items():
                limit = int(op.get("x-max-body-bytes", self.default))
                self.routes.append(Route(method.upper(), pattern, limit))

    def of(self, method: str, path: str) -> int:
        for route in self.routes:
            if route.method == method and route.path.fullmatch(path):
                return route.limit
        return self.default


def _refusal(exc: ApiError, headers: Headers, limit: int) -> JSONResponse:
    """A refusal given before the body was read. A body of a declared length within the
    limit is left to the server to skip, so the client reads the answer and may reuse the
    connection; a longer or unbounded (chunked) one ends the connection instead."""
    response = exc.response()
    declared = headers.get("content-length", "0")       # neither header: no body
    if exc.status == 408 or "transfer-encoding" in headers or len(declared) > 18 \
            or int(declared) > limit:
        response.headers["connection"] = "close"
    return response


async def read_body(receive: Receive, limit: int, idle_s: float = BODY_IDLE_S) -> bytes:
    """The whole body, or 413 body_too_large as soon as it passes limit bytes, or 408
    body_timeout when idle_s pass without the next part of it."""
    body = bytearray()
    while True:
        try:
            message = await asyncio.wait_for(receive(), idle_s)
        except TimeoutError:
            raise ApiError(408, "body_timeout", f"no part of the body came for {idle_s:g} s"
                           ) from None
        if message["type"] == "http.disconnect":
            raise ClientGone
        body += message.get("body", b"")
        if len(body) > limit:
            raise _too_large(limit)
        if not message.get("more_body", False):
            return bytes(body)


def _too_large(limit: int) -> ApiError:
    return ApiError(413, "body_too_large", f"the body is longer than {limit} bytes",
                    limit_bytes=limit)


def _declared_length(headers: Headers, limit: int) -> None:
    declared = headers.get("content-length")
    if declared is not None and (len(declared) > 18 or int(declared) > limit):
        raise _too_large(limit)     # h11 has already refused a length that is not digits


class _Started:
    """send, remembering whether an answer has begun."""

    def __init__(self, send: Send) -> None:
        self.send, self.started = send, False

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.started = True
        await self.send(message)


class Guard:
    """ASGI middleware in front of the routes (see the module's docstring)."""

    def __init__(self, app: ASGIApp, limits: BodyLimits | None = None) -> None:
        self.app = app
        self.limits = limits or BodyLimits(document())
        self.large = asyncio.Semaphore(LARGE_AT_ONCE)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        answer = _Started(send)
        try:
            await self._serve(scope, receive, answer)
        except (ClientGone, ClientDisconnect):
            log.debug("client went away during %s %s", scope["method"], scope["path"])
        except Exception as exc:            # the last resort: one line, a 500 in our shape
            log.error(_cause(scope, exc))
            if is_outage(exc) and not answer.started:     # the database server is away
                await JSONResponse({"error": "unavailable", "message": "the platform's "
                                    "database cannot be reached; try again shortly"},
                                   status_code=503, headers={"Retry-After": "5"})(
                    scope, receive, answer)
                return
            if not answer.started:
                await JSONResponse({"error": "internal", "message": "the platform failed "
                                    "on this request; its log says where"},
                                   status_code=500)(scope, receive, answer)

    async def _serve(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope["path"]
        if not path.startswith(GUARDED) or path in UNSIGNED:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        limit = self.limits.of(scope["method"], path)
        try:
            body = await self._admit(scope, receive, headers, limit)
        except ApiError as exc:
            await _refusal(exc, headers, limit)(scope, receive, send)
            return
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if delivered:
                return await receive()       # after the body: wait for a disconnect
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _admit(self, scope: Scope, receive: Receive, headers: Headers,
                     limit: int) -> bytes:
        """Headers first, then the body within its limit."""
        state = scope["app"].state
        if not scope["path"].startswith(ENROLMENT):
            claim = claim_of(headers)
            key = await run_in_threadpool(device_key, state.db, state.box, claim.device)
            scope.setdefault("state", {})["device_key"] = key
        if b"%00" in scope.get("query_string", b""):
            # no store keeps text with NUL (PostgreSQL refuses it), so nothing can match it
            raise ApiError(400, "bad_query", "the query holds a NUL character (%00)")
        _declared_length(headers, limit)
        idle_s = float(getattr(state, "body_idle_s", BODY_IDLE_S))
        if limit <= self.limits.default:
            return await read_body(receive, limit, idle_s)
        async with self.large:
            return await read_body(receive, limit, idle_s)


def _cause(scope: Scope, exc: Exception) -> str:
    """One JSON line: what failed and where, without the exception's text."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f"{frames[-1].filename.rsplit('/', 2)[-1]}:{frames[-1].lineno}" if frames else "?"
    return json.dumps({"event": "unhandled_error", "method": scope.get("method"),
                       "path": scope.get("path"), "error": type(exc).__name__, "at": where})
