"""Errors as the contract words them: JSON {"error": code, "message": ..., ...}.

Every refusal has a stable code the terminal can act on (retry, set aside,
tell technicians); FastAPI's own 404/405/422 answers are reworded the same way.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException


class CentralError(Exception):
    """A failure of the platform's own tools (enrolment, import), for one clear line."""

    exit_code = 1


class ApiError(Exception):
    """A refusal with its HTTP status, code and any extra fields."""

    def __init__(self, status: int, code: str, message: str, **extra: Any) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.body = {"error": code, "message": message, **extra}

    def response(self) -> JSONResponse:
        return JSONResponse(self.body, status_code=self.status)


def _http_code(status: int) -> str:
    return {404: "not_found", 405: "method_not_allowed", 400: "bad_request"}.get(
        status, f"http_{status}")


def install(app: FastAPI) -> None:
    """Route every kind of error through the contract's error shape."""

    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return exc.response()

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [{"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg"))}
                   for e in exc.errors()]
        return JSONResponse({"error": "bad_query", "message": "invalid parameters",
                             "details": details}, status_code=400)

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse({"error": _http_code(exc.status_code), "message": str(exc.detail)},
                            status_code=exc.status_code, headers=exc.headers)
