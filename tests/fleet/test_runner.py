"""Commands from the reference platform over HTTP: at most once, through restarts,
never in a visitor's way, results delivered through the outbox."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pytest

from central.db import connect, schema_revision
from central.migrations import HEAD
from central.routes.fleet import queue_command
from kiosk.config import Settings
from kiosk.core import KioskCore
from kiosk.fleet.commands import CommandFailed
from kiosk.fleet.service import Fleet
from kiosk.session import VisitorSession
from tests.platform.conftest import real_now_clock, service_for
from tests.stores import database


class Recorder:
    """The handlers a composition root would give, recording what they were asked."""

    def __init__(self) -> None:
        self.ran: list[tuple[str, Mapping[str, object]]] = []

    def handlers(self) -> dict[str, object]:
        def make(kind: str):  # noqa: ANN202
            def run(args: Mapping[str, object]) -> str:
                self.ran.append((kind, dict(args)))
                if kind == "cancel_print":
                    raise CommandFailed("no printer is wired")
                if kind == "sync_catalog":
                    raise RuntimeError("unforeseen")
                return f"{kind} done"
            return run
        return {k: make(k) for k in ("restart", "sync_catalog", "screenshot", "cancel_print",
                                     "in_service", "log_level")}


def core_for(platform, tmp_path: Path) -> KioskCore:
    clock = real_now_clock()
    settings = Settings()
    core = KioskCore(settings=settings, clock=clock, session=VisitorSession(clock))
    core.platform = service_for(platform, tmp_path / "kiosk", clock)
    return core


def fleet_for(core: KioskCore, tmp_path: Path, rec: Recorder) -> Fleet:
    return Fleet(core, tmp_path / "kiosk", rec.handlers(), "test-1").start()  # type: ignore[arg-type]


def outcome(platform, command_id: str) -> tuple[str, str]:
    with database(platform) as conn:
        return tuple(conn.execute("SELECT status, coalesce(result, '') FROM fleet_commands "
                                  "WHERE id = ?", (command_id,)).fetchone())


def queue(platform, kind: str, args: dict[str, object] | None = None, ttl: float = 3600) -> str:
    conn = connect(platform.store)
    try:
        return queue_command(conn, platform.device_id, kind, args or {}, ttl)
    finally:
        conn.close()


def round_(core: KioskCore, fleet: Fleet) -> None:
    core.platform.heartbeat()
    fleet.tick()
    core.platform.outbox.drain()


@pytest.fixture
def rig(platform, tmp_path: Path):
    core, rec = core_for(platform, tmp_path), Recorder()
    fleet = fleet_for(core, tmp_path, rec)
    yield core, fleet, rec
    fleet.stop()
    core.platform.stop()


def test_a_command_runs_once_and_its_result_reaches_the_platform(platform, rig) -> None:
    core, fleet, rec = rig
    command_id = queue(platform, "log_level", {"logger": "kiosk.fleet", "level": "DEBUG"})
    round_(core, fleet)
    round_(core, fleet)
    assert [k for k, _ in rec.ran].count("log_level") == 1
    assert outcome(platform, command_id) == ("done", "log_level done")


def test_failures_are_reported_and_the_worker_goes_on(platform, rig) -> None:
    core, fleet, rec = rig
    failed, raised = queue(platform, "cancel_print"), queue(platform, "sync_catalog")
    later = queue(platform, "in_service")
    round_(core, fleet)
    assert outcome(platform, failed) == ("failed", "no printer is wired")
    assert outcome(platform, raised) == ("failed", "unexpected RuntimeError; see the log")
    assert outcome(platform, later)[0] == "done"


def test_a_disturbing_command_waits_for_the_visitor(platform, rig) -> None:
    core, fleet, rec = rig
    core.session.touch()                       # a visitor starts using the terminal
    assert core.session.state.value == "active"
    command_id = queue(platform, "restart")
    round_(core, fleet)
    assert rec.ran == [] and command_id in fleet.runner.waiting()
    assert outcome(platform, command_id)[0] == "pending"
    core.session.end("done")
    fleet.tick()
    core.platform.outbox.drain()
    assert [k for k, _ in rec.ran] == ["restart"]
    assert outcome(platform, command_id)[0] == "done"


def test_a_command_past_its_time_is_refused_as_expired(platform, rig) -> None:
    core, fleet, rec = rig
    core.session.touch()
    command_id = queue(platform, "screenshot", ttl=30)
    round_(core, fleet)
    core.clock.advance(31)                      # the visitor took longer than its life
    core.session.end("done")
    fleet.tick()
    core.platform.outbox.drain()
    assert rec.ran == []
    status, result = outcome(platform, command_id)
    assert status == "expired" and "before it could run" in result


def test_a_stop_mid_command_is_reported_and_never_rerun(platform, tmp_path: Path) -> None:
    """The ledger holds the id before the command runs: after a kill, the command the
    platform still lists is not run again, and the platform hears it was interrupted."""
    core, rec = core_for(platform, tmp_path), Recorder()
    command_id = queue(platform, "in_service")
    fleet = Fleet(core, tmp_path / "kiosk", rec.handlers(), "t")  # type: ignore[arg-type]
    fleet.ledger.begin(command_id, "in_service", 0.0)   # what a kill during the run leaves
    fleet.ledger.close()
    core.platform.stop()

    core, rec = core_for(platform, tmp_path), Recorder()
    fleet = fleet_for(core, tmp_path, rec)
    round_(core, fleet)
    fleet.stop()
    core.platform.stop()
    assert rec.ran == []
    assert outcome(platform, command_id) == ("failed", "interrupted: the app stopped while it ran")


def test_the_heartbeat_carries_health_in_the_contracts_shape(platform, rig) -> None:
    core, fleet, _ = rig
    core.platform.heartbeat()
    with database(platform) as conn:
        row = conn.execute("SELECT last_status FROM devices WHERE id = ?",
                           (platform.device_id,)).fetchone()
    health = json.loads(row[0])["health"]
    assert health["release"] == "test-1" and health["session"] == "idle"
    assert health["devices"]["printer"] == {"state": "absent"}
    assert health["outbox"]["pending"] >= 0 and health["reachable"] in (True, None)
    assert health["clock_skew_s"] is None
    core.platform.heartbeat()                   # the first answer gave the skew
    assert abs(fleet.facts.clock_skew_s) < 5


def test_an_old_platform_database_gets_expiry_on_its_commands(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = connect(path)
    conn.execute("ALTER TABLE fleet_commands DROP COLUMN expires_at")
    conn.execute("INSERT INTO fleet_commands(id, device_id, kind, args, created_at) VALUES"
                 "('K-old', 'd', 'restart', '{}', '2026-11-01T08:00:00.000000Z')")
    conn.execute("PRAGMA user_version=3")
    conn.execute("DROP TABLE alembic_version")     # as a file from before revisions
    conn.close()
    conn = connect(path)
    assert conn.execute("SELECT expires_at FROM fleet_commands").fetchone()[0].startswith(
        "2026-11-02T08:00:00")
    assert schema_revision(path) == HEAD
