"""A terminal core for the registration flow: headless, with the reference platform on
127.0.0.1 and a printer simulator when a test needs them."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from devices.idcard.card import Card
from devices.idcard.validation import check_char
from devices.printer.connection import open_connection
from devices.printer.escpos_render import Renderer
from devices.printer.profile import load_profile
from devices.printer.service import PrinterService
from devices.printer.sim_links import TcpLink
from devices.printer.simulator import PrinterSimulator
from kiosk.clock import FakeClock
from kiosk.config import load_settings
from kiosk.core import KioskCore
from kiosk.flows.registration.flow import RegistrationFlow
from kiosk.platform.service import PlatformService
from kiosk.receipts.desk import ReceiptDesk
from kiosk.session import VisitorSession
from kiosk_command.platform_proc import PlatformProcess
from tests.platform.conftest import real_now_clock, service_for


def number(first17: str) -> str:
    """An ID number with its right check character."""
    return first17 + check_char(first17)


NUMBER = number("11010519900101123")          # a man born 1990-01-01
OTHER = number("51010419920315432")           # a woman born 1992-03-15


def card(id_number: str = NUMBER, name: str = "张晓明", valid_to: str = "20350101") -> Card:
    born = id_number[6:14]
    return Card(card_type="resident", name=name, sex="1" if int(id_number[16]) % 2 else "2",
                birth=born, number=id_number, valid_from="20150101", valid_to=valid_to)


def make_flow(clock: FakeClock | None = None, platform: PlatformService | None = None,
              receipts: ReceiptDesk | None = None, **kiosk: str) -> RegistrationFlow:
    """A flow over a fresh core; kiosk settings as KIOSK_KIOSK__* values."""
    clock = clock or FakeClock()
    environ = {f"KIOSK_KIOSK__{k.upper()}": f'"{v}"' for k, v in kiosk.items()}
    settings = load_settings(environ=environ)
    session = VisitorSession(clock)
    core = KioskCore(settings, clock, session, platform=platform, receipts=receipts)
    return RegistrationFlow(core)


def lay_card(flow: RegistrationFlow, c: Card | None = None) -> None:
    today = flow.clock.now().date()
    flow.session.card_read(c or card(), today)


def fill(flow: RegistrationFlow, groups: tuple[str, ...] = ()) -> None:
    """A visitor who answers what the form needs (and key groups when given)."""
    flow.agree()
    assert flow.set_phone("13800138000") is None
    about = flow.visit.about
    about.education, about.status = "senior", "unemployed"
    about.key_groups = set(groups)
    wants = flow.visit.wants
    wants.occupations = {"仓储物流", "交通运输"}
    wants.districts = {"新都区"}
    wants.pay_min, wants.work_type = 5000, "full_time"


def wait_ui(flow: RegistrationFlow, ready: Callable[[], bool], timeout_s: float = 30) -> None:
    """Run what worker threads post to the UI queue until ready() (a worker's answer,
    not a time-out of ours: the deadline only stops a broken test)."""
    deadline = time.monotonic() + timeout_s
    while not ready():
        flow.ui.run_pending()
        if time.monotonic() > deadline:
            raise AssertionError("no answer from the worker thread")
        time.sleep(0.02)
    flow.ui.run_pending()


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory):
    with PlatformProcess(tmp_path_factory.mktemp("central")) as proc:
        yield proc


@pytest.fixture
def own_platform(tmp_path: Path):
    """A platform this test may stop and start again."""
    with PlatformProcess(tmp_path / "central", demo_data=False) as proc:
        yield proc


@pytest.fixture
def online(platform, tmp_path: Path):
    """A started platform service talking to the shared platform."""
    service = service_for(platform, tmp_path / "kiosk", real_now_clock(),
                          submit_wait_s=10).start()
    yield service
    service.stop()


@pytest.fixture
def sim():
    return PrinterSimulator()


@pytest.fixture
def printer(sim):
    link = TcpLink(sim).start()
    svc = PrinterService(lambda: open_connection("network", f"127.0.0.1:{link.port}"),
                         Renderer(load_profile("generic-80-cn")), status_timeout_s=2.0,
                         presence=sim.receipt_in_mouth).start()
    yield svc
    svc.close()
    link.close()


TODAY = dt.date(2026, 3, 2)
