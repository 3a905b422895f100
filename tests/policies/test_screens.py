"""The policies screens in zh/en/bo × normal/长辈版, rendered by the real app and measured
with the screen rules every flow meets (sizes, contrast, Tibetan breaks, nothing cut,
covered or off the glass, staff help on every screen)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.flows import discover
from tests.app.rules import violations

SCENES = [scene for flow in discover() if flow.name == "policies"
          for info in flow.screens for scene in info.scenes]
COMBOS = [(lang, mode) for lang in ("zh", "en", "bo") for mode in ("normal", "elder")]


def test_every_screen_has_scenes() -> None:
    assert len(SCENES) >= 12 and "policy_asked" in SCENES and "policies_offline" in SCENES


@pytest.mark.parametrize(("lang", "mode"), COMBOS)
def test_policies_screens_keep_the_rules(kiosk_cli, tmp_path: Path, lang: str,
                                         mode: str) -> None:
    steps = []
    for scene in SCENES:
        steps += [{"scene": {"screen": scene, "lang": lang, "elder": mode == "elder"}},
                  {"tree": f"{scene}.json"}]
    script = tmp_path / "screens.json"
    script.write_text(json.dumps({"platform": True, "steps": steps}), encoding="utf-8")
    result = kiosk_cli("script", str(script), "--workdir", str(tmp_path), timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    problems = []
    for scene in SCENES:
        tree = json.loads((tmp_path / f"{scene}.json").read_text(encoding="utf-8"))
        problems += [f"{scene}: {p}" for p in violations(tree)]
        if "footer.help" not in {w["tid"] for w in tree["widgets"] if w["shown"] > 0}:
            problems.append(f"{scene}: shows no staff help")
    assert not problems, "\n".join(problems)
