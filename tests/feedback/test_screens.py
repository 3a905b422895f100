"""The complaints and rating screens in zh/en/bo × normal/长辈版, rendered by the real
app in one run and measured with the screen rules every flow meets (sizes, contrast,
Tibetan breaks, nothing cut, covered or off the glass, staff help on every screen)."""

from __future__ import annotations

import json
from pathlib import Path

from kiosk.flows import discover
from tests.app.rules import violations

SCENES = [scene for flow in discover() if flow.name == "complaints"
          for info in flow.screens for scene in info.scenes]
COMBOS = [(lang, mode) for lang in ("zh", "en", "bo") for mode in ("normal", "elder")]


def test_every_screen_has_scenes() -> None:
    assert {"complaint_file_posting", "complaint_overdue", "rate_why", "rate_desk"} <= set(
        SCENES)


def test_complaints_screens_keep_the_rules(kiosk_cli, tmp_path: Path) -> None:
    steps = []
    for lang, mode in COMBOS:
        for scene in SCENES:
            steps += [{"scene": {"screen": scene, "lang": lang, "elder": mode == "elder"}},
                      {"tree": f"{scene}-{lang}-{mode}.json"}]
    script = tmp_path / "screens.json"
    script.write_text(json.dumps({"platform": True, "steps": steps}), encoding="utf-8")
    result = kiosk_cli("script", str(script), "--workdir", str(tmp_path), timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    problems = []
    for lang, mode in COMBOS:
        for scene in SCENES:
            name = f"{scene}-{lang}-{mode}"
            tree = json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8"))
            problems += [f"{name}: {p}" for p in violations(tree)]
            if "footer.help" not in {w["tid"] for w in tree["widgets"] if w["shown"] > 0}:
                problems.append(f"{name}: shows no staff help")
    assert not problems, "\n".join(problems)
