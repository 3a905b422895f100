"""One platform (in a thread, on loopback, with a clock the tests move) and one
headless Chromium per test module, a real signed terminal with a simulated printer,
and console accounts of every role."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from central.app import create_app
from central.console import accounts, fleetview
from central.console.clock import MovableClock
from central.console.serving import ThreadServer
from central.db import Target
from central.devices import create
from tests.stores import new_target

PASSWORD = "a long enough password"
USERS = {"ada": "admin", "tom": "technician", "vic": "viewer", "sue": "staff",
         "lou": "technician"}
DEVICE = "T-1"


@dataclass
class Console:
    url: str
    clock: MovableClock
    app: Any
    db_path: Target
    device_id: str
    key_file: Path

    @property
    def conn(self) -> Any:
        return self.app.state.db


@pytest.fixture(scope="module")
def console(tmp_path_factory: pytest.TempPathFactory):
    work = tmp_path_factory.mktemp("console")
    clock = MovableClock()
    db_path = new_target(work / "central")
    app = create_app(db_path, clock=clock)
    app.state.console_refresh_ms = 250      # live parts come back quickly in tests
    key = create(app.state.db, app.state.box, DEVICE)
    (work / f"{DEVICE}.key").write_text(key + "\n")
    fleetview.place(app.state.db, DEVICE, "东城-1号机", "东城区就业服务中心", "一楼大厅")
    for name, role in USERS.items():
        accounts.add_user(app.state.db, name, PASSWORD, role, clock())
    with ThreadServer(app) as server:
        yield Console(server.url, clock, app, db_path, DEVICE, work / f"{DEVICE}.key")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import expect

    from central.console.browser import chromium

    expect.set_options(timeout=10_000)       # a loaded machine; the refresh is 250 ms
    with chromium() as context:
        yield context


@pytest.fixture(scope="module")
def page(browser):
    page = browser.new_page()
    page.set_default_timeout(10_000)
    return page


@dataclass
class Terminal:
    core: Any
    fleet: Any
    sim: Any

    def heartbeat(self) -> None:
        self.core.platform.heartbeat()

    def round(self) -> None:
        """What the fleet worker does in a tick: heartbeat, commands, results out."""
        self.core.platform.heartbeat()
        self.fleet.tick()
        self.core.platform.outbox.drain()


@pytest.fixture(scope="module")
def terminal(console: Console, tmp_path_factory: pytest.TempPathFactory):
    """A real terminal: signed client, outbox, fleet worker with the app's own command
    actions, and a printer simulator on TCP."""
    from devices.printer.connection import open_connection
    from devices.printer.escpos_render import Renderer
    from devices.printer.profile import load_profile
    from devices.printer.service import PrinterService
    from devices.printer.sim_links import TcpLink
    from devices.printer.simulator import PrinterSimulator
    from kiosk.config import Settings
    from kiosk.core import KioskCore
    from kiosk.fleet.service import Fleet
    from kiosk.session import VisitorSession
    from kiosk_command.wiring.remote import handlers
    from tests.platform.conftest import real_now_clock, service_for

    data = tmp_path_factory.mktemp("terminal")
    clock = real_now_clock()
    core = KioskCore(settings=Settings(), clock=clock, session=VisitorSession(clock))
    core.platform = service_for(console, data / "kiosk", clock)  # type: ignore[arg-type]
    sim = PrinterSimulator()
    with contextlib.ExitStack() as stack:
        link = TcpLink(sim).start()
        stack.callback(link.close)
        printer = PrinterService(lambda: open_connection("network", f"127.0.0.1:{link.port}"),
                                 Renderer(load_profile("generic-80-cn")),
                                 status_timeout_s=2.0, presence=sim.receipt_in_mouth).start()
        stack.callback(printer.close)
        core.printer = printer
        fleet = Fleet(core, data / "kiosk", {}, "2026.12.0")
        fleet.runner.handlers = handlers(core, fleet)
        fleet.start()
        stack.callback(fleet.stop)
        stack.callback(core.platform.stop)
        yield Terminal(core, fleet, sim)
