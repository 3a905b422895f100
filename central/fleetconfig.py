"""Terminal configuration from the fleet: profiles for halls or groups, per-terminal
overrides on top, one version number that only grows.

A terminal's settings are its profile's, with its own overrides laid over them
table by table. Every change (a profile edited, a terminal moved to another
profile, its overrides replaced) takes the next number of one sequence, and a
terminal's version is the highest number among the three that concern it: it
changes whenever what the terminal should run changes, and never goes back.
What the settings may hold is the terminal's business: it validates them with
its own schema and reports a refusal in its heartbeat.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from central.db import get_meta, lock, read, set_meta, write
from central.errors import CentralError


def _next(conn: sqlite3.Connection) -> int:
    lock(conn, "config_seq")
    stamp = int(get_meta(conn, "config_seq") or 0) + 1
    set_meta(conn, "config_seq", str(stamp))
    return stamp


def _layer(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        out[key] = _layer(out[key], value) if isinstance(value, dict) and isinstance(
            out.get(key), dict) else value
    return out


def _tables(settings: object) -> dict[str, Any]:
    if not isinstance(settings, dict) or not all(isinstance(v, dict) for v in settings.values()):
        raise CentralError('settings are tables of keys, e.g. {"kiosk": {"staff_desk": "3"}}')
    return settings


def set_profile(conn: sqlite3.Connection, name: str, settings: dict[str, Any]) -> int:
    """Create or replace a profile; returns its new stamp."""
    _tables(settings)
    if not name or len(name) > 60:
        raise CentralError("a profile's name is 1 to 60 characters")
    with write(conn):
        stamp = _next(conn)
        conn.execute("INSERT INTO fleet_profiles VALUES(?, ?, ?) ON CONFLICT(name) DO UPDATE "
                     "SET settings = excluded.settings, stamp = excluded.stamp",
                     (name, json.dumps(settings, ensure_ascii=False), stamp))
    return stamp


def assign(conn: sqlite3.Connection, device: str, profile: str) -> int:
    """Make a terminal follow a profile."""
    with write(conn):
        if conn.execute("SELECT 1 FROM fleet_profiles WHERE name = ?", (profile,)).fetchone() \
                is None:
            raise CentralError(f"no profile {profile!r}")
        stamp = _next(conn)
        conn.execute("INSERT INTO fleet_members VALUES(?, ?, ?) ON CONFLICT(device_id) DO "
                     "UPDATE SET profile = excluded.profile, stamp = excluded.stamp",
                     (device, profile, stamp))
    return stamp


def set_overrides(conn: sqlite3.Connection, device: str, settings: dict[str, Any]) -> int:
    """Replace a terminal's own overrides; returns its configuration's new version."""
    _tables(settings)
    with write(conn):
        stamp = _next(conn)
        conn.execute("INSERT INTO fleet_config VALUES(?, ?, ?) ON CONFLICT(device_id) DO "
                     "UPDATE SET version = excluded.version, settings = excluded.settings",
                     (device, stamp, json.dumps(settings, ensure_ascii=False)))
    return effective(conn, device)[0]


def effective(conn: sqlite3.Connection, device: str) -> tuple[int, dict[str, Any]]:
    """(version, settings) a terminal should run: 0 and {} when nothing was set."""
    with read(conn):
        member = conn.execute("SELECT m.stamp, p.stamp, p.settings FROM fleet_members m "
                              "JOIN fleet_profiles p ON p.name = m.profile "
                              "WHERE m.device_id = ?", (device,)).fetchone()
        own = conn.execute("SELECT version, settings FROM fleet_config WHERE device_id = ?",
                           (device,)).fetchone()
    version, settings = 0, {}
    if member:
        version, settings = max(member[0], member[1]), json.loads(member[2])
    if own:
        version, settings = max(version, own[0]), _layer(settings, json.loads(own[1]))
    return version, settings
