"""A terminal core for the notice flow: headless, its catalog synced from the reference
platform on 127.0.0.1 (its own, with the demo notice) when a test needs one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.clock import FakeClock
from kiosk.config import load_settings
from kiosk.core import KioskCore
from kiosk.flows import build_flows
from kiosk.flows.home.flow import HomeFlow
from kiosk.flows.notice.flow import NoticeFlow
from kiosk.platform.service import PlatformService
from kiosk.session import VisitorSession
from kiosk_command.platform_proc import PlatformProcess
from tests.platform.conftest import real_now_clock, service_for


@dataclass
class Terminal:
    """A core with every flow, and the platform it syncs from (None: not wired)."""

    core: KioskCore
    clock: FakeClock
    central: PlatformProcess | None

    @property
    def notice(self) -> NoticeFlow:
        return self.core.flow("notice", NoticeFlow)

    @property
    def home(self) -> HomeFlow:
        return self.core.flow("home", HomeFlow)

    @property
    def platform(self) -> PlatformService:
        assert self.core.platform is not None
        return self.core.platform


def make_terminal(clock: FakeClock, platform: PlatformService | None = None,
                  central: PlatformProcess | None = None) -> Terminal:
    core = KioskCore(load_settings(environ={}), clock, VisitorSession(clock), platform=platform)
    core.flows = build_flows(core)
    return Terminal(core, clock, central)


@pytest.fixture
def central(tmp_path: Path) -> Iterator[PlatformProcess]:
    """A platform of this test's own (its notices may be changed)."""
    with PlatformProcess(tmp_path / "central") as proc:
        yield proc


@pytest.fixture
def terminal(central: PlatformProcess, tmp_path: Path) -> Iterator[Terminal]:
    clock = real_now_clock()          # the platform checks the terminal's timestamps
    service = service_for(central, tmp_path / "kiosk", clock)
    yield make_terminal(clock, service, central)
    service.stop()
