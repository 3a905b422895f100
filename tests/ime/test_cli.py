"""`kiosk ime PINYIN` as a technician (or a test) runs it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_kiosk


def test_kiosk_ime_prints_ranked_candidates(ime_cache: Path) -> None:
    done = run_kiosk("ime", "fuwuyuan", "--cache-dir", str(ime_cache))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["1", "服务员", "fu'wu'yuan", "8"]
    assert len(lines) == 10
    assert lines[-1].split()[1] == "fuwuyuan"


def test_kiosk_ime_json(ime_cache: Path) -> None:
    done = run_kiosk("ime", "fwy", "--json", "--limit", "3", "--cache-dir", str(ime_cache))
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert rows[0] == {"text": "服务员", "pinyin": "fu'wu'yuan", "consumed": 3}
    assert len(rows) == 3
