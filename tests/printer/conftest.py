"""Printer fixtures: profiles, renderers and a simulator on a free 127.0.0.1 port."""

from __future__ import annotations

import pytest

from devices.printer.connection import open_connection
from devices.printer.escpos_render import Renderer
from devices.printer.profile import load_profile
from devices.printer.service import PrinterService
from devices.printer.sim_links import TcpLink
from devices.printer.simulator import PrinterSimulator


@pytest.fixture
def p80():
    return load_profile("generic-80-cn")


@pytest.fixture
def p58():
    return load_profile("generic-58-cn")


@pytest.fixture
def sim():
    return PrinterSimulator()


@pytest.fixture
def tcp(sim):
    link = TcpLink(sim).start()
    yield link
    link.close()


@pytest.fixture
def service(sim, tcp, p80):
    svc = PrinterService(lambda: open_connection("network", f"127.0.0.1:{tcp.port}"),
                         Renderer(p80), status_timeout_s=2.0,
                         presence=sim.receipt_in_mouth).start()
    yield svc
    svc.close()


def squash(text: str) -> str:
    """Text without any whitespace: wrapping and indents differ, the words must not."""
    return "".join(text.split())
