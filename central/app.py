"""The reference platform's HTTP application (FastAPI over SQLite or PostgreSQL).

The API document is the hand-written central/openapi.yaml, served as
/openapi.json; FastAPI's generated schema is switched off so there is one
contract, not two. Every request passes central/guard.py first.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from dataclasses import asdict, dataclass

from fastapi import FastAPI
from fastapi.responses import Response

from central import errors
from central.console.clock import Clock, system_clock
from central.contract import document_json
from central.db import Target, connect, secret_box
from central.guard import Guard
from central.matching import OpenPostings

SETTINGS_ENV = "KIOSK_CENTRAL_SERVE"


@dataclass(frozen=True)
class ServeSettings:
    """What `kiosk central serve` tells each server process (JSON in SETTINGS_ENV when
    uvicorn starts several, since each builds its own application)."""

    db: str
    max_skew_s: int = 300
    day_offset: int = 0
    body_idle_s: float | None = None
    now: str | None = None          # the console clock's start, ISO
    console_secure: bool = True
    pool_size: int = 8

    def to_json(self) -> str:
        return json.dumps(asdict(self))


def from_environment() -> FastAPI:
    """uvicorn's factory in each of several server processes."""
    return create_app_from(ServeSettings(**json.loads(os.environ[SETTINGS_ENV])))


def create_app_from(settings: ServeSettings) -> FastAPI:
    from central.console.clock import ClockFrom
    from central.db import target

    clock = ClockFrom(dt.datetime.fromisoformat(settings.now)) if settings.now else None
    return create_app(target(settings.db), settings.max_skew_s, settings.day_offset,
                      settings.body_idle_s, clock, settings.console_secure, settings.pool_size)


def create_app(db_path: Target, max_skew_s: int = 300, day_offset: int = 0,
               body_idle_s: float | None = None, clock: Clock | None = None,
               console_secure: bool = True, pool_size: int = 8) -> FastAPI:
    """The application serving the kiosk API under /api/v1.

    day_offset moves the platform's idea of today (which postings are still open)
    by that many days: demo data generated for another day stays consistent.
    clock is the fleet console's now (tests move it instead of waiting);
    console_secure=False lets the console's cookies travel over plain HTTP off loopback.
    """
    from central.console.routes import install as install_console
    from central.routes import appointments, catalog, enrolment, feedback, fleet, gateway, seekers
    from central.routes import policies as policy_routes
    from central.routes.notice import router as notice_router

    app = FastAPI(title="Employment platform (reference)", version="1", openapi_url=None,
                  docs_url=None, redoc_url=None)
    app.state.db = connect(db_path, pool_size)
    app.state.box = secret_box(app.state.db, db_path)   # a bad secret stops the start
    app.state.max_skew_s = max_skew_s
    app.state.day_offset = day_offset
    if body_idle_s is not None:
        app.state.body_idle_s = body_idle_s      # else central.guard.BODY_IDLE_S
    app.state.postings = OpenPostings()     # the open postings matching scores
    app.state.clock = clock or system_clock
    app.state.console_secure = console_secure
    errors.install(app)
    app.add_middleware(Guard)

    @app.get("/api/v1/health")
    def health() -> dict[str, object]:
        """Unsigned liveness check with the server's clock (unix seconds)."""
        return {"status": "ok", "server_time": round(time.time(), 3)}

    @app.get("/openapi.json", include_in_schema=False)
    def openapi() -> Response:
        return Response(document_json(), media_type="application/json")

    for module in (catalog, seekers, appointments, gateway, feedback, fleet, enrolment):
        app.include_router(module.router)
    app.include_router(policy_routes.router)
    app.include_router(notice_router)
    install_console(app)
    return app
