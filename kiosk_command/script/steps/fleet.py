"""Script steps for remote management: queue a command on the reference platform,
let the terminal's fleet worker take it, and check what the platform heard."""

from __future__ import annotations

import json
import threading
from typing import Any

from kiosk_command.script.context import ScriptContext, ScriptFailure


def _fleet(ctx: ScriptContext) -> Any:
    if ctx.core is None or ctx.core.fleet is None:
        raise ScriptFailure("remote management is not wired (no platform link?)")
    return ctx.core.fleet


def _db(ctx: ScriptContext) -> Any:
    from central.db import connect

    if ctx.platform is None:
        raise ScriptFailure("no reference platform in this run")
    return connect(ctx.platform.store)


def fleet_command(ctx: ScriptContext, arg: dict[str, Any]) -> None:
    """{"kind", "args"?, "ttl"?, "as"}: a technician queues a command for this terminal."""
    from central.routes.fleet import queue_command

    conn = _db(ctx)
    try:
        command_id = queue_command(conn, ctx.platform.device_id, arg["kind"],
                                   arg.get("args", {}), float(arg.get("ttl", 3600)))
    finally:
        conn.close()
    ctx.resources.setdefault("fleet_commands", {})[arg.get("as", arg["kind"])] = command_id


def fleet_config(ctx: ScriptContext, arg: dict[str, Any]) -> None:
    """{"settings": {...}, "profile"?: name}: a technician sets this terminal's own
    overrides, or a profile's settings and makes the terminal follow it."""
    from central.fleetconfig import assign, set_overrides, set_profile

    conn = _db(ctx)
    try:
        if arg.get("profile"):
            set_profile(conn, arg["profile"], arg["settings"])
            assign(conn, ctx.platform.device_id, arg["profile"])
        else:
            set_overrides(conn, ctx.platform.device_id, arg["settings"])
    finally:
        conn.close()


def fleet_round(ctx: ScriptContext, _arg: Any) -> Any:
    """A heartbeat, then one round of the fleet worker, off the UI thread (a command
    that needs the screen runs on this frame loop); waits until the round is done."""
    fleet, finished = _fleet(ctx), threading.Event()

    def round_() -> None:
        try:
            ctx.core.platform.heartbeat()
            fleet.tick()
        finally:
            finished.set()
    threading.Thread(target=round_, name="script-fleet-round", daemon=True).start()
    return finished.is_set


def _status(ctx: ScriptContext, name: str) -> tuple[str, str]:
    command_id = ctx.resources.get("fleet_commands", {}).get(name)
    if command_id is None:
        raise ScriptFailure(f"no command queued as {name!r}")
    conn = _db(ctx)
    try:
        row = conn.execute("SELECT status, coalesce(result, '') FROM fleet_commands "
                           "WHERE id = ?", (command_id,)).fetchone()
    finally:
        conn.close()
    return (row[0], row[1]) if row else ("missing", "")


def expect_command(ctx: ScriptContext, arg: dict[str, Any]) -> Any:
    """{"as", "status", "result"?}: waits until the platform holds that outcome (the
    result travels through the outbox)."""
    def reached() -> bool:
        ctx.core.platform.sender.wake()
        status, result = _status(ctx, arg["as"])
        reached.detail = f"the platform says {status}: {result!r}"  # type: ignore[attr-defined]
        return status == arg["status"] and str(arg.get("result", "")) in result
    return reached


def _at(doc: Any, path: str) -> Any:
    for part in path.split("."):
        doc = doc.get(part) if isinstance(doc, dict) else None
    return doc


def _matches(health: dict[str, Any], key: str, want: Any) -> tuple[Any, bool]:
    """A device name, a field of the health, or a dotted path ("config.version");
    a key ending in "~" wants the text to contain the value."""
    contains = key.endswith("~")
    key = key.rstrip("~")
    path = f"devices.{key}.state" if key in ("reader", "printer", "camera", "audio") else key
    seen = _at(health, path)
    ok = (str(want) in str(seen)) if contains and seen is not None else seen == want
    return seen, ok


def expect_health(ctx: ScriptContext, arg: dict[str, Any]) -> Any:
    """{"printer": "paper_out", "session": "out_of_service", "config.version": 2,
    "config.refused_reason~": "idle_timeout_s"}: waits until the platform's last
    heartbeat from this terminal says so (no one asks for a beat: a change must send
    one by itself)."""
    def heard() -> bool:
        conn = _db(ctx)
        try:
            row = conn.execute("SELECT last_status FROM devices WHERE id = ?",
                               (ctx.platform.device_id,)).fetchone()
        finally:
            conn.close()
        health = json.loads(row[0]).get("health", {}) if row and row[0] else {}
        results = {key: _matches(health, key, want) for key, want in arg.items()}
        heard.detail = ("the platform last heard "  # type: ignore[attr-defined]
                        + str({k: seen for k, (seen, _) in results.items()}))
        return all(ok for _, ok in results.values())
    return heard


STEPS = {"fleet_command": fleet_command, "fleet_config": fleet_config,
         "fleet_round": fleet_round,
         "expect_command": expect_command, "expect_health": expect_health}
