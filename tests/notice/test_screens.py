"""The notice screens and the attract screen's notice card, in zh/en/bo × normal/长辈版,
rendered by the real app with the platform's demo notice and measured by the same
rules as every other screen (tests/app/rules.py): sizes, contrast, Tibetan breaks,
staff help, everything on the glass, no text cut off."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.app.test_screens import COMBOS, scene_problems

SCENES = ["notice", "notice_service", "notice_service_end", "notice_centre", "attract_notice"]
KNOWN: dict[tuple[str, str, str], str] = {
    ("attract_notice", "bo", "elder"): "Tibetan at 长辈版 size is too tall for the attract "
                                       "layout (the attract scene is a known failure too; "
                                       "typography is reworked separately)",
}


def render(kiosk_cli, workdir: Path, lang: str, mode: str) -> dict[str, dict]:
    steps = []
    for scene in SCENES:
        steps.append({"scene": {"screen": scene, "lang": lang, "elder": mode == "elder"}})
        steps.append({"tree": f"{scene}.json"})
        steps.append({"screenshot": f"{scene}-{lang}-{mode}.png"})
    script = workdir / "notice-screens.json"
    script.write_text(json.dumps({"platform": True, "steps": steps}), encoding="utf-8")
    result = kiosk_cli("script", str(script), "--workdir", str(workdir), timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return {s: json.loads((workdir / f"{s}.json").read_text(encoding="utf-8")) for s in SCENES}


@pytest.mark.parametrize("lang, mode", COMBOS)
def test_notice_screens_meet_the_screen_rules(kiosk_cli, tmp_path, lang, mode) -> None:
    trees = render(kiosk_cli, tmp_path, lang, mode)
    problems = {scene: scene_problems(scene, tree) for scene, tree in trees.items()}
    known = {s: KNOWN[(s, lang, mode)] for s in SCENES if (s, lang, mode) in KNOWN}
    unexpected = [line for s, lines in problems.items() if s not in known for line in lines]
    assert unexpected == []
    healed = [s for s in known if not problems[s]]
    assert healed == [], f"known failures that pass now, take them out of KNOWN: {healed}"
    shown = {w["tid"] for w in trees["attract_notice"]["widgets"] if w["shown"] > 0.99}
    # a card that would not fit the room left over is not shown at all: Tibetan titles
    # and English 长辈版 leave none (the attract screen is in normal mode between
    # visitors anyway: a visit's 长辈版 ends with it)
    assert "attract.start" in shown
    assert "attract.notice.name" in shown or lang == "bo" or (lang, mode) == ("en", "elder")
    # the card opens with the time limit and the process, wholly on the first screen
    # (Tibetan at 长辈版 size, with its tall header and footer, reaches the limit's title:
    # the rest is a swipe away)
    tall = (lang, mode) == ("bo", "elder")
    first = {w["tid"] for w in trees["notice_service"]["widgets"] if w["shown"] > (
        0 if tall else 0.99)}
    assert ({"notice.card.name", "notice.card.time_limit.title"} if tall else {
        "notice.card.name", "notice.card.time_limit.1", "notice.card.steps.1"}) <= first
    if known:
        pytest.xfail("; ".join(f"{s} ({len(problems[s])} violations, e.g. "
                               f"{problems[s][0]}): {why}" for s, why in known.items()))
