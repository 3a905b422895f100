"""DLE EOT answers -> PrinterStatus, for every fault the simulator models."""

from __future__ import annotations

import pytest

from devices.printer.simulator import FAULTS, PrinterSimulator
from devices.printer.status import UNKNOWN, answers_for, parse_status

EXPECTED = {"none": "ok", "paper_near_end": "paper_near_end", "paper_out": "paper_out",
            "cover_open": "cover_open", "error": "error", "offline": "offline",
            "offline_mid_job": "ok", "silent": "unknown"}


def _ask(sim: PrinterSimulator) -> dict[int, int | None]:
    out = {}
    for n in (1, 2, 3, 4):
        reply = sim.feed(b"\x10\x04" + bytes([n]))
        out[n] = reply[0] if reply else None
    return out


@pytest.mark.parametrize("fault", FAULTS)
def test_each_fault_ends_in_a_clear_status(fault: str) -> None:
    sim = PrinterSimulator()
    sim.set_fault(fault)
    status = parse_status(_ask(sim))
    assert status.reason == EXPECTED[fault]
    assert status.ready == (EXPECTED[fault] in ("ok", "paper_near_end"))


def test_exact_answer_bytes() -> None:
    assert answers_for() == {1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12}
    assert answers_for(paper_out=True) == {1: 0x1A, 2: 0x32, 3: 0x12, 4: 0x7E}
    assert answers_for(cover_open=True)[2] == 0x16


def test_no_answer_or_garbage_is_unknown_not_adequate() -> None:
    assert parse_status({}) is UNKNOWN
    assert parse_status({1: 0x12, 2: 0x12, 3: 0x12, 4: None}) is UNKNOWN
    assert parse_status({1: 0xFF, 2: 0x12, 3: 0x12, 4: 0x12}) is UNKNOWN
    assert UNKNOWN.to_dict()["reason"] == "unknown" and not UNKNOWN.ready


def test_python_escpos_calls_silence_adequate_paper() -> None:
    """Why we parse ourselves: 3.1's paper_status() reports 2 (adequate) with no answer."""
    from escpos.printer import Dummy

    class Silent(Dummy):
        def _read(self) -> bytes:
            return b""

    assert Silent().paper_status() == 2
