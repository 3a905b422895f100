"""The heartbeat reports the last release switch kiosk-update recorded, in the contract."""

from __future__ import annotations

import json
from pathlib import Path

from central.contract import _validator
from kiosk.fleet.health import last_update


def test_a_rollback_is_reported_in_the_contract_shape(tmp_path: Path) -> None:
    (tmp_path / "update.json").write_text(json.dumps({
        "result": "rolled_back", "from_release": "0.1.0", "to_release": "0.2.0",
        "reason": "not ready within 60 s (unit activating/start, 3 restarts)",
        "at": "2026-12-02T03:30:00Z"}))
    got = last_update(tmp_path)
    assert got == {"result": "rolled_back", "from_release": "0.1.0", "to_release": "0.2.0",
                   "reason": "not ready within 60 s (unit activating/start, 3 restarts)",
                   "at": "2026-12-02T03:30:00Z"}
    _validator("UpdateResult").validate(got)


def test_no_file_or_a_foreign_one_reports_nothing(tmp_path: Path) -> None:
    assert last_update(tmp_path) is None
    (tmp_path / "update.json").write_text('{"result": "maybe"}')
    assert last_update(tmp_path) is None
    (tmp_path / "update.json").write_text("not json")
    assert last_update(tmp_path) is None
