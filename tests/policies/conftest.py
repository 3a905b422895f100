"""A terminal core for the policies flow, headless, against the reference platform on
127.0.0.1 (its demo data dated to the run's first day and its clock check widened,
as a scripted run has it), with the terminal's clock set where a test needs it."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.clock import CHINA, FakeClock
from kiosk.config import load_settings
from kiosk.core import KioskCore
from kiosk.flows.policies.flow import PoliciesFlow
from kiosk.platform.service import PlatformService
from kiosk.receipts.desk import ReceiptDesk
from kiosk.session import VisitorSession
from kiosk_command.platform_proc import PlatformProcess
from tests.platform.conftest import service_for

DEMO_DAY = dt.date(2026, 3, 2)
# the Friday before Qingming (4-6 April 2026, Saturday to Monday)
FRIDAY = dt.datetime(2026, 4, 3, 16, 20, tzinfo=CHINA)


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory):
    with PlatformProcess(tmp_path_factory.mktemp("central"),
                         extra_args=("--max-skew", "315360000", "--demo-date",
                                     DEMO_DAY.isoformat())) as proc:
        yield proc


def make_flow(clock: FakeClock, platform: PlatformService | None = None,
              receipts: ReceiptDesk | None = None) -> PoliciesFlow:
    session = VisitorSession(clock)
    core = KioskCore(load_settings(environ={}), clock, session, platform=platform,
                     receipts=receipts)
    return PoliciesFlow(core)


@pytest.fixture
def online(platform: PlatformProcess, tmp_path: Path):
    """(clock, started service) on the demo day, synced once."""
    clock = FakeClock(dt.datetime(2026, 3, 2, 9, 30, tzinfo=CHINA))
    service = service_for(platform, tmp_path / "kiosk", clock, submit_wait_s=10).start()
    service.sync()
    yield clock, service
    service.stop()


def wait_ui(flow: PoliciesFlow, ready: Callable[[], bool], timeout_s: float = 30) -> None:
    """Run what worker threads post to the UI queue until ready()."""
    deadline = time.monotonic() + timeout_s
    while not ready():
        flow.ui.run_pending()
        if time.monotonic() > deadline:
            raise AssertionError("no answer from the worker thread")
        time.sleep(0.02)
    flow.ui.run_pending()


def move_to(clock: FakeClock, moment: dt.datetime) -> None:
    clock.advance((moment - clock.now()).total_seconds())
