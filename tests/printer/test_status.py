"""DLE EOT answers -> PrinterStatus, for every fault the simulator models."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from devices.printer.simulator import FAULTS, PrinterSimulator
from devices.printer.status import UNKNOWN, answers_for, parse_status
from tests.conftest import ROOT

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
    from devices.printer.escpos_lib import printer_module

    Dummy = printer_module().Dummy  # noqa: N806

    class Silent(Dummy):
        def _read(self) -> bytes:
            return b""

    assert Silent().paper_status() == 2


def _import_escpos(cache: Path, tmp: Path) -> dict[str, object]:
    """Import python-escpos through our door in a fresh process; what it did."""
    probe = ("import json, os, time; t = time.perf_counter();"
             "from devices.printer.escpos_lib import printer_module; printer_module();"
             "import escpos.capabilities as c;"
             "print(json.dumps({'s': time.perf_counter() - t, 'full_load': c.full_load,"
             " 'dir': c.pickle_dir}))")
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "TMPDIR": str(tmp),
           "PYTHONPATH": str(ROOT)}
    env.pop("ESCPOS_CAPABILITIES_PICKLE_DIR", None)
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout)


def test_the_escpos_capability_cache_is_written_once_in_our_cache(tmp_path) -> None:
    cache, tmp = tmp_path / "cache", tmp_path / "tmp"
    tmp.mkdir()
    first = _import_escpos(cache, tmp)
    folder = cache / "employment-kiosk" / "escpos"
    assert first["full_load"] is True and [p.suffix for p in folder.iterdir()] == [".pickle"]
    second = _import_escpos(cache, tmp)
    assert second["full_load"] is False and second["dir"] == str(folder)
    assert list(tmp.iterdir()) == []              # no temporary folder left behind
