"""Fixtures: the reference platform on loopback and a terminal talking to it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiosk.clock import FakeClock
from kiosk.flows import outbox_kinds
from kiosk.platform.client import PlatformClient
from kiosk.platform.service import Options, PlatformService
from kiosk.platform.signing import load_key
from kiosk_command.platform_proc import PlatformProcess
from tests.stores import database


def real_now_clock(offset_s: float = 0.0) -> FakeClock:
    """A fake clock starting at the real time (the platform checks our timestamps)."""
    return FakeClock(dt.datetime.now(dt.UTC).astimezone() + dt.timedelta(seconds=offset_s))


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory):
    with PlatformProcess(tmp_path_factory.mktemp("central")) as proc:
        yield proc


@pytest.fixture
def own_platform(tmp_path: Path):
    """A platform this test may kill and restart."""
    with PlatformProcess(tmp_path / "central", demo_data=False) as proc:
        yield proc


def client_for(proc: PlatformProcess, clock: FakeClock | None = None) -> PlatformClient:
    return PlatformClient(proc.url, proc.device_id, load_key(proc.key_file),
                          clock=clock or real_now_clock(), timeout_s=5, attempts=1)


def service_for(proc: PlatformProcess, data_dir: Path, clock: FakeClock | None = None,
                **options: float) -> PlatformService:
    clock = clock or real_now_clock()
    return PlatformService(data_dir, client_for(proc, clock), clock, Options(**options),
                           outbox_kinds())


def ratings_at(proc: PlatformProcess) -> list[str]:
    """Comments of every rating the platform stored (our markers), read from its file."""
    with database(proc) as conn:
        rows = conn.execute("SELECT json_extract(data, '$.comment') FROM ratings").fetchall()
    return [r[0] for r in rows]


def rating(n: int) -> dict[str, object]:
    return {"service": "kiosk", "score": 1 + n % 5, "comment": f"m{n}"}
