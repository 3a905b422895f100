"""The real platform (demo data, a signed terminal) in a thread on loopback, with the
clock the tests set: check-in windows and grace periods are reached by moving time,
never by waiting for it."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

import pytest

from central.app import create_app
from central.console.clock import MovableClock
from central.console.serving import ThreadServer
from central.db import Target, read
from central.demo.seed import seed_demo
from central.devices import create
from tests.central.signed import SignedApi
from tests.stores import new_target

DEVICE = "G-1"


def key() -> str:
    return str(uuid.uuid4())


@dataclass
class Platform:
    url: str
    clock: MovableClock
    app: Any
    db_path: Target
    api: SignedApi

    @property
    def conn(self) -> Any:
        return self.app.state.db

    def set_time(self, moment: dt.datetime) -> None:
        """Move the platform's clock to moment (it runs on from there)."""
        self.clock.advance((moment - self.clock()).total_seconds())

    def rows(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        with read(self.conn):
            return self.conn.execute(sql, args).fetchall()

    def slot(self, sql_where: str, *args: Any, n: int = 0) -> dict[str, Any]:
        """A demo slot (the n-th by start) matching a WHERE clause over slots."""
        rows = self.rows("SELECT id, starts_at, capacity, booked, service_id, kind FROM slots"
                         f" WHERE {sql_where} ORDER BY starts_utc, id", *args)
        keys = ("id", "starts_at", "capacity", "booked", "service_id", "kind")
        return dict(zip(keys, rows[n], strict=True))

    def seats(self, slot_id: str) -> tuple[int, int]:
        """(booked count, live appointment rows) of a slot: they must agree."""
        booked = self.rows("SELECT booked FROM slots WHERE id = ?", slot_id)[0][0]
        live = self.rows("SELECT count(*) FROM appointments WHERE slot_id = ? AND status IN "
                         "('booked', 'checked_in')", slot_id)[0][0]
        return booked, live

    def book(self, slot_id: str, who: str | None = None, **more: Any) -> Any:
        doc = {"slot_id": slot_id, "phone": more.pop("phone", "13800138000"), **more}
        if who:
            doc["id_hash"] = who
        return self.api.post("/appointments", doc, idem=key())


def start_of(slot: dict[str, Any]) -> dt.datetime:
    return dt.datetime.fromisoformat(slot["starts_at"])


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory):
    work = tmp_path_factory.mktemp("guidance")
    clock = MovableClock()
    db_path = new_target(work / "central")
    app = create_app(db_path, clock=clock)
    seed_demo(app.state.db)
    device_key = create(app.state.db, app.state.box, DEVICE)
    with ThreadServer(app) as server:
        yield Platform(server.url, clock, app, db_path, SignedApi(server.url, DEVICE,
                                                                  device_key))
