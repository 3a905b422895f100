"""Remote management: heartbeat, pending commands and their results, configuration,
screenshot and log uploads. Technicians queue commands with `kiosk central command`."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import sqlite3
import time
from typing import Annotated, Any

from fastapi import Path, Request
from fastapi.responses import JSONResponse, Response

from central.console.fleetview import observe
from central.contract import document
from central.db import iso, read, utc_now, write
from central.errors import ApiError, CentralError
from central.fleetconfig import effective, set_overrides
from central.idempotency import submit
from central.routes.common import body, db, new_id, signed_router

router = signed_router()
CommandId = Annotated[str, Path(pattern=r"^[A-Za-z0-9-]{1,64}$")]


@router.post("/devices/heartbeat")
def heartbeat(request: Request) -> JSONResponse:
    """Record that the terminal is alive; tell it whether work is waiting."""
    doc = body(request, "HeartbeatIn")
    device, conn = request.state.device_id, db(request)
    with write(conn):
        conn.execute("UPDATE devices SET last_seen = ?, last_status = ? WHERE id = ?",
                     (iso(utc_now()), json.dumps(doc, ensure_ascii=False), device))
        pending = conn.execute("SELECT count(*) FROM fleet_commands WHERE device_id = ? "
                               "AND status = 'pending'", (device,)).fetchone()[0]
    observe(conn, device, doc, request.app.state.clock())    # the console's view and alerts
    version = effective(conn, device)[0]
    return JSONResponse({"server_time": round(time.time(), 3), "pending_commands": pending,
                         "config_version": version})


def _command(row: tuple[Any, ...]) -> dict[str, Any]:
    return {"id": row[0], "kind": row[1], "args": json.loads(row[2]), "status": row[3],
            "created_at": row[4], "expires_at": row[5]}


COMMAND_SQL = "SELECT id, kind, args, status, created_at, expires_at FROM fleet_commands "
# What a command's result says happened; ok alone (older terminals) means done or failed.
OUTCOMES = ("done", "failed", "refused", "expired")
DEFAULT_TTL_S = 3600


@router.get("/fleet/commands")
def commands(request: Request) -> JSONResponse:
    """The terminal's pending commands that have not expired; expired ones are marked
    so, and the technician sees they never ran."""
    conn, now = db(request), iso(utc_now())
    with write(conn):
        conn.execute("UPDATE fleet_commands SET status = 'expired', done_at = ? WHERE "
                     "device_id = ? AND status = 'pending' AND expires_at < ?",
                     (now, request.state.device_id, now))
        rows = conn.execute(COMMAND_SQL + "WHERE device_id = ? AND status = 'pending' "
                            "ORDER BY created_at, id", (request.state.device_id,)).fetchall()
    return JSONResponse({"items": [_command(row) for row in rows],
                         "server_time": round(time.time(), 3)})


@router.post("/fleet/commands/{command_id}/result")
def command_result(request: Request, command_id: CommandId) -> Response:
    doc = body(request, "CommandResultIn")
    outcome = doc.get("outcome") or ("done" if doc["ok"] else "failed")

    def handler(conn: sqlite3.Connection) -> tuple[int, dict[str, Any]]:
        row = conn.execute(COMMAND_SQL + "WHERE id = ? AND device_id = ?",
                           (command_id, request.state.device_id)).fetchone()
        if row is None:
            raise ApiError(404, "unknown_command", "no such command for this terminal")
        conn.execute("UPDATE fleet_commands SET status = ?, result = ?, done_at = ? "
                     "WHERE id = ?", (outcome, doc.get("output", ""), iso(utc_now()),
                                      command_id))
        row = conn.execute(COMMAND_SQL + "WHERE id = ?", (command_id,)).fetchone()
        return 200, _command(row)

    return submit(request, handler)


@router.get("/fleet/config")
def config(request: Request) -> JSONResponse:
    version, settings = effective(db(request), request.state.device_id)
    return JSONResponse({"version": version, "settings": settings})


def _upload(request: Request, kind: str, meta: dict[str, Any], data: bytes) -> Response:
    def handler(conn: sqlite3.Connection) -> tuple[int, dict[str, Any]]:
        item_id, now = new_id(kind[0].upper()), iso(utc_now())
        conn.execute("INSERT INTO uploads VALUES(?, ?, ?, ?, ?, ?)",
                     (item_id, request.state.device_id, kind, json.dumps(meta), data, now))
        return 201, {"id": item_id, "received_at": now}

    return submit(request, handler)


@router.post("/fleet/screenshots", status_code=201)
def screenshot(request: Request) -> Response:
    doc = body(request, "ScreenshotIn")
    try:
        png = base64.b64decode(doc["png_base64"], validate=True)
    except (binascii.Error, ValueError):
        raise ApiError(422, "invalid", "png_base64 is not base64") from None
    return _upload(request, "screenshot", {"taken_at": doc["taken_at"]}, png)


@router.post("/fleet/logs", status_code=201)
def logs(request: Request) -> Response:
    doc = body(request, "LogsIn")
    text = "\n".join(doc["lines"]).encode()
    return _upload(request, "log", {"lines": len(doc["lines"])}, text)


def queue_command(conn: sqlite3.Connection, device: str, kind: str,
                  args: dict[str, Any], ttl_s: float = DEFAULT_TTL_S) -> str:
    """Queue a command for a terminal (technicians' side); it expires after ttl_s.

    Only kinds the contract names are queued (the terminal refuses others anyway,
    but a technician's typo should be told at once, not an hour later)."""
    kinds = document()["components"]["schemas"]["CommandKind"]["enum"]
    if kind not in kinds:
        raise CentralError(f"unknown command {kind!r}; known: {', '.join(kinds)}")
    if not 0 < ttl_s <= 30 * 86400:
        raise CentralError("a command's time to live is between 1 second and 30 days")
    command_id, now = new_id("K"), utc_now()
    with write(conn):
        conn.execute("INSERT INTO fleet_commands(id, device_id, kind, args, created_at, "
                     "expires_at) VALUES(?, ?, ?, ?, ?, ?)",
                     (command_id, device, kind, json.dumps(args), iso(now),
                      iso(now + dt.timedelta(seconds=ttl_s))))
    return command_id


def command_rows(conn: sqlite3.Connection, device: str | None = None) -> list[dict[str, Any]]:
    """Commands with their outcome, newest first (the technicians' list)."""
    where, params = ("WHERE device_id = ? ", (device,)) if device else ("", ())
    with read(conn):
        rows = conn.execute("SELECT id, kind, args, status, created_at, expires_at, device_id,"
                            " result, done_at FROM fleet_commands " + where +
                            "ORDER BY created_at DESC, id", params).fetchall()
    return [{**_command(row[:6]), "device_id": row[6], "result": row[7], "done_at": row[8]}
            for row in rows]


def set_config(conn: sqlite3.Connection, device: str, settings: dict[str, Any]) -> int:
    """Replace a terminal's configuration overrides; returns its new version."""
    return set_overrides(conn, device, settings)
