"""Technicians' pages: the overview, alerts, a terminal's page with its commands and
configuration, screenshots, and enrolment by pairing code."""

from __future__ import annotations

import json
import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response

from central.console import audit, fleetview
from central.console.config_check import ConfigInvalid, check
from central.console.errors import ConsoleError
from central.console.web import conn_of, form, headers, now, redirect, render, require, session
from central.console.web import source as source_of
from central.contract import document
from central.db import read
from central.errors import CentralError
from central.fleetconfig import _layer, effective, set_overrides

router = APIRouter(prefix="/console", include_in_schema=False)
DeviceId = Annotated[str, Path(pattern=r"^[\x21-\x7e]{1,64}$")]
UploadId = Annotated[str, Path(pattern=r"^[A-Za-z]-[0-9a-f]{12}$")]
PAGE = 100
# what a command form may carry besides its kind (the terminal checks them again)
ARGS = {"out_of_service": ("message",), "upload_logs": ("lines",),
        "log_level": ("logger", "level", "minutes")}


def _filters(request: Request) -> fleetview.Filters:
    q = request.query_params
    return fleetview.Filters(q.get("hall", "")[:60], q.get("group", "")[:60],
                             q.get("state", "")[:20], q.get("problem", "")[:20])


@router.get("/overview")
def overview(request: Request, page: int = 1, part: str = "") -> Response:
    user, conn, at = session(request), conn_of(request), now(request)
    fleetview.sweep(conn, at)
    filters = _filters(request)
    counts = fleetview.counts(conn, at, filters)
    total = sum(counts.values())
    pages = max(1, -(-total // PAGE))
    page = min(max(page, 1), pages)
    shown = fleetview.overview(conn, at, filters, PAGE, (page - 1) * PAGE)
    fleetview.with_screenshots(conn, shown)
    halls, groups = fleetview.choices(conn)
    count = fleetview.open_alert_count(conn)
    context: dict[str, Any] = dict(rows=shown, total=total, counts=counts, page=page,
                                   pages=pages, filters=filters, halls=halls, groups=groups,
                                   states=fleetview.STATES, problems=fleetview.PROBLEMS,
                                   title_count=count)
    if part == "rows":
        response = render(request, "overview_rows.html", user, **context)
        response.headers["X-Alert-Count"] = str(count)
        return response
    return render(request, "overview.html", user, **context)


@router.get("/alerts")
def alerts_page(request: Request) -> Response:
    user, conn, at = session(request), conn_of(request), now(request)
    fleetview.sweep(conn, at)
    return render(request, "alerts.html", user, open=fleetview.alerts(conn),
                  recent=[a for a in fleetview.alerts(conn, open_only=False, limit=100)
                          if a.cleared_at], title_count=fleetview.open_alert_count(conn))


def _commands(conn: sqlite3.Connection, device: str) -> list[dict[str, Any]]:
    from central.routes.fleet import command_rows

    return command_rows(conn, device)[:20]


def _uploads(conn: sqlite3.Connection, device: str, kind: str, limit: int
             ) -> list[tuple[str, str, str]]:
    with read(conn):
        return conn.execute("SELECT id, created_at, meta FROM uploads WHERE device_id = ? AND "
                            "kind = ? ORDER BY created_at DESC LIMIT ?",
                            (device, kind, limit)).fetchall()


def _last_log(conn: sqlite3.Connection, device: str) -> tuple[str, str] | None:
    with read(conn):
        row = conn.execute("SELECT created_at, data FROM uploads WHERE device_id = ? AND kind = "
                           "'log' ORDER BY created_at DESC LIMIT 1", (device,)).fetchone()
    return (row[0], bytes(row[1]).decode("utf-8", "replace")[-20000:]) if row else None


def _config(conn: sqlite3.Connection, device: str) -> dict[str, Any]:
    with read(conn):
        member = conn.execute("SELECT m.profile, p.settings FROM fleet_members m JOIN "
                              "fleet_profiles p ON p.name = m.profile WHERE m.device_id = ?",
                              (device,)).fetchone()
        own = conn.execute("SELECT settings FROM fleet_config WHERE device_id = ?",
                           (device,)).fetchone()
    version, settings = effective(conn, device)
    return {"version": version, "effective": settings,
            "profile": member[0] if member else None,
            "profile_settings": json.loads(member[1]) if member else {},
            "overrides": json.loads(own[0]) if own else {}}


def _terminal_context(request: Request, device: str) -> dict[str, Any]:
    conn, at = conn_of(request), now(request)
    found = fleetview.terminal(conn, device, at)
    if found is None:
        raise ConsoleError("not_found")
    row, health = found
    return dict(row=row, health=health, commands=_commands(conn, device),
                chart=fleetview.chart(fleetview.history(conn, device, at), at),
                kinds=document()["components"]["schemas"]["CommandKind"]["enum"],
                alerts=fleetview.alerts(conn, device, open_only=False, limit=10),
                title_count=fleetview.open_alert_count(conn))


@router.get("/terminals/{device}")
def terminal_page(request: Request, device: DeviceId, part: str = "") -> Response:
    user, conn = session(request), conn_of(request)
    fleetview.sweep(conn, now(request))
    context = _terminal_context(request, device)
    if part == "live":
        return render(request, "terminal_live.html", user, **context)
    return render(request, "terminal.html", user, screenshots=_uploads(conn, device,
                                                                       "screenshot", 4),
                  log=_last_log(conn, device), config=_config(conn, device),
                  saved=request.query_params.get("saved", "")[:12], **context)


@router.post("/terminals/{device}/commands")
async def command(request: Request, device: DeviceId) -> Response:
    from central.routes.fleet import queue_command

    user = session(request)
    fields = await form(request, user)
    require(request, user, "command", device)
    kind = fields.get("kind", "")
    args: dict[str, Any] = {}
    for name in ARGS.get(kind, ()):
        value = fields.get(name, "").strip()
        if value:
            args[name] = int(value) if value.isdigit() and name != "message" else value
    if fields.get("confirm") != "yes":
        context = _terminal_context(request, device)
        return render(request, "confirm.html", user, kind=kind, args=args, csrf=user.csrf,
                      device=device, **context)
    conn = conn_of(request)
    try:
        command_id = queue_command(conn, device, kind, args)
    except CentralError as exc:
        raise ConsoleError(str(exc)) from None
    audit.record(conn, now(request), user.user, "command", device, f"{kind} {command_id}",
                 source_of(request))
    return redirect(f"/console/terminals/{device}#commands")


@router.post("/terminals/{device}/config")
async def configure(request: Request, device: DeviceId) -> Response:
    user = session(request)
    fields = await form(request, user)
    require(request, user, "configure", device)
    conn, draft = conn_of(request), fields.get("overrides", "")
    context = _terminal_context(request, device)
    current = _config(conn, device)
    error = None
    try:
        overrides = json.loads(draft or "{}")
        if not isinstance(overrides, dict):
            raise ConfigInvalid("(top): the overrides are one JSON object of tables")
        check(_layer(current["profile_settings"], overrides))
        version = set_overrides(conn, device, overrides)
    except json.JSONDecodeError as exc:
        error = f"JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
    except (ConfigInvalid, CentralError) as exc:
        error = str(exc)
    if error:
        audit.record(conn, now(request), user.user, "config_refused", device, error[:200],
                     source_of(request))
        return render(request, "terminal.html", user, status=422,
                      screenshots=_uploads(conn, device, "screenshot", 4),
                      log=_last_log(conn, device), config=current, draft=draft,
                      config_error=error, **context)
    audit.record(conn, now(request), user.user, "config", device, f"version {version}",
                 source_of(request))
    return redirect(f"/console/terminals/{device}?saved={version}#config")


@router.get("/uploads/{upload_id}.png")
def screenshot(request: Request, upload_id: UploadId, thumb: int = 0) -> Response:
    session(request)
    with read(conn_of(request)):
        row = conn_of(request).execute("SELECT data FROM uploads WHERE id = ? AND kind = "
                                       "'screenshot'", (upload_id,)).fetchone()
    if row is None:
        raise ConsoleError("not_found")
    data = bytes(row[0])
    if thumb:
        data = _thumbnail(data)
    response = headers(Response(data, media_type="image/png"))
    response.headers["Cache-Control"] = "private, max-age=3600"
    return response


def _thumbnail(png: bytes) -> bytes:
    import io

    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        image.thumbnail((96, 160))
        out = io.BytesIO()
        image.save(out, "PNG")
    return out.getvalue()


@router.get("/enrolment")
def enrolment_page(request: Request) -> Response:
    from central.enrolment import pending

    user = session(request)
    require(request, user, "enrol")
    halls, groups = fleetview.choices(conn_of(request))
    return render(request, "enrolment.html", user, waiting=pending(conn_of(request)),
                  halls=halls, groups=groups, paired=request.query_params.get("paired"),
                  title_count=fleetview.open_alert_count(conn_of(request)))


@router.post("/enrolment")
async def enrol(request: Request) -> Response:
    from central.enrolment import pair

    user = session(request)
    fields = await form(request, user)
    require(request, user, "enrol")
    conn = conn_of(request)
    name, hall, group = (fields.get(k, "").strip() for k in ("name", "hall", "group"))
    device = fields.get("device", "").strip() or None
    if not name:
        raise ConsoleError("a name is 1 to 60 characters, a hall and a group at most 60")
    try:
        paired = pair(conn, request.app.state.box, fields.get("code", ""), device)
    except CentralError as exc:
        audit.record(conn, now(request), user.user, "enrol_refused", device, str(exc),
                     source_of(request))
        raise ConsoleError(str(exc)) from None
    fleetview.place(conn, paired, name, hall, group)
    audit.record(conn, now(request), user.user, "enrol", paired, f"{name}; {hall}; {group}",
                 source_of(request))
    return redirect(f"/console/enrolment?paired={paired}")
