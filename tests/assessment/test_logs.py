"""Nothing of the answers or the result reaches a log: a visit that prints the report and
keeps it in the record (the platform away, then back), with every module at DEBUG."""

from __future__ import annotations

import json
from pathlib import Path

from devices.idcard.deck import sample
from kiosk.platform.identity import id_hash

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def test_a_kept_and_printed_result_leaves_no_trace_in_the_logs(kiosk_cli, tmp_path) -> None:
    doc = json.loads((SCRIPTS / "assessment_save_offline.json").read_text(encoding="utf-8"))
    steps = doc["steps"]
    at = steps.index({"tap": "as.report.save"})
    steps[at:at] = [{"tap": "as.report.print"},
                    {"expect_report_paper": {"code": "SCE", "names": ["社会型"]}},
                    {"take_receipt": None}]
    doc["config"] = {"logging": {"level": "DEBUG"}}
    script = tmp_path / "logged.json"
    script.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = kiosk_cli("script", str(script), "--workdir", str(tmp_path), timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    logs = result.stderr + result.stdout
    logs += "".join(p.read_text(errors="replace") for p in tmp_path.rglob("*.log"))
    number = sample("resident")["number"]
    for secret in ("SCE", "EKIOSK:RIASEC", "社会型", '"like"', "like.r1", number,
                   id_hash(number)):
        assert secret not in logs, secret
    assert "submission delivered" in logs          # the logs were there to look at
