"""The printer as wired into the core, driven by the script steps."""

from __future__ import annotations

import contextlib

import pytest

from kiosk.clock import FakeClock
from kiosk.config import load_settings
from kiosk.core import KioskCore
from kiosk.receipts import sample_receipt
from kiosk.session import VisitorSession
from kiosk_command.script.context import ScriptContext, ScriptFailure
from kiosk_command.script.steps import printer as steps
from kiosk_command.wiring import printer as wiring


@pytest.fixture
def ctx(tmp_path):
    clock = FakeClock(0.0)
    core = KioskCore(settings=load_settings(None), clock=clock, session=VisitorSession(clock))
    with contextlib.ExitStack() as stack:
        wiring.attach(core, stack)
        yield ScriptContext(workdir=tmp_path, clock=clock, core=core)


def test_sim_driver_wires_service_simulator_and_receipt_holder(ctx) -> None:
    core = ctx.core
    assert core.printer.refresh().result(10).ready
    desk = core.receipts
    desk.print(sample_receipt("appointment"), "appointment:T-1").result(10)
    assert steps.printed_text_contains(ctx, "预约号：T-0307-015")()
    assert not steps.printed_text_contains(ctx, "nothing like this")()
    core.session.touch()
    core.session.end()
    assert core.session.items_to_take() == ["receipt"]
    steps.take_receipt(ctx, None)
    core.session.tick()
    assert core.session.items_to_take() == []


def test_printer_fault_step(ctx) -> None:
    steps.printer_fault(ctx, "paper_out")
    assert ctx.core.printer.refresh().result(10).paper_out
    steps.printer_fault(ctx, {"mode": "none"})
    assert ctx.core.printer.refresh().result(10).ready
    with pytest.raises(ScriptFailure):
        steps.printer_fault(ctx, "on_fire")
