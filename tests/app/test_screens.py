"""Every screen, in 3 languages × 2 modes, rendered by the real app and measured.

One app run per language and mode visits every scene and dumps the widget tree
as a visitor sees it; the rules (sizes, contrast, Tibetan breaks, staff help,
everything inside the window, no covered targets, no text cut off) are checked
on what was really laid out, not on golden pictures. Each scene step itself
fails when the app did not reach the scene's screen in the language and mode
asked (kiosk_command/script/steps/scenes.py).

KNOWN lists the scenes that break a rule today, with the reason; their
violations are reported as an expected failure, and a known scene that starts
passing fails the test, so the list stays true.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.app.rules import violations

SCENES = ["attract", "home", "soon", "timeout", "failsafe", "out_of_service", "tech_exit",
          "tech_menu", "fairs", "jobs", "job_groups", "job_filters", "job_detail", "job_print",
          "job_qr", "job_interest", "keyboard", "keypad"]
COMBOS = [(lang, mode) for lang in ("zh", "en", "bo") for mode in ("normal", "elder")]
# an overlay covers the footer: the warning and the PIN pad dim the screen; the docked
# keyboard lies over the bottom of the screen until Done; the technician's menu is for
# the staff themselves
NO_STAFF_HELP = {"timeout", "tech_exit", "tech_menu", "keyboard", "keypad"}
# service tiles wholly on the glass, the rest scroll into view: two rows of two; 长辈版
# has one tile a row, twice as tall: one whole tile and the edge of the next
HOME_TILES = {"normal": (4, 4), "elder": (1, 2)}     # (whole, at least partly shown)

_BO_ELDER = "Tibetan at 长辈版 size is too tall for the layout (typography is reworked separately)"
KNOWN: dict[tuple[str, str, str], str] = {
    ("attract", "bo", "elder"): _BO_ELDER + ": the hall name and title run off the top",
    ("home", "bo", "elder"): _BO_ELDER + ": half of one service tile is on the glass",
    ("home", "bo", "normal"): "Tibetan tile texts make each tile as tall as three Chinese "
                              "ones: two whole tiles on the glass (typography is reworked "
                              "separately)",
    ("soon", "bo", "elder"): _BO_ELDER + ": the service name runs off the top",
    ("job_qr", "bo", "elder"): _BO_ELDER + ": the header runs off the top",
    ("job_interest", "bo", "elder"): _BO_ELDER + ": the header and the posting run off the top",
}


def render_all(kiosk_cli, workdir: Path, lang: str, mode: str) -> dict[str, dict]:
    steps = []
    for scene in SCENES:
        steps.append({"scene": {"screen": scene, "lang": lang, "elder": mode == "elder"}})
        steps.append({"tree": f"{scene}.json"})
    steps.append({"screenshot": "home-last.png"})
    script = workdir / "screens.json"
    script.write_text(json.dumps({"platform": True, "steps": steps}), encoding="utf-8")
    # 17 scenes on software GL: allow for a machine shared with other runs
    result = kiosk_cli("script", str(script), "--workdir", str(workdir), timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return {s: json.loads((workdir / f"{s}.json").read_text(encoding="utf-8")) for s in SCENES}


def scene_problems(scene: str, tree: dict) -> list[str]:
    """Every rule the scene's tree breaks, as readable lines."""
    mode = "elder" if tree["elder"] else "normal"
    problems = violations(tree)
    tids = {w["tid"] for w in tree["widgets"] if w["shown"] > 0}
    if scene not in NO_STAFF_HELP and "footer.help" not in tids:
        problems.append(f"{scene}: shows no staff help")
    if scene == "home":
        home = {w["tid"] for w in tree["widgets"] if w["shown"] > 0.99}
        if not {"home.elder", "lang.zh", "lang.en", "lang.bo"} <= home:
            problems.append("home: the mode or a language button is not on the glass")
        whole, seen = HOME_TILES[mode]
        tiles = sum(t.startswith("home.tile.") for t in home)
        edges = sum(t.startswith("home.tile.") for t in tids)
        if tiles < whole or edges < seen:
            problems.append(f"home: {tiles} whole service tiles and {edges} in all on the "
                            f"glass; {whole} and {seen} wanted")
    return problems


@pytest.mark.parametrize("lang, mode", COMBOS)
def test_screens_meet_size_contrast_and_script_rules(kiosk_cli, tmp_path, lang, mode) -> None:
    trees = render_all(kiosk_cli, tmp_path, lang, mode)
    problems = {scene: scene_problems(scene, tree) for scene, tree in trees.items()}
    known = {s: KNOWN[(s, lang, mode)] for s in SCENES if (s, lang, mode) in KNOWN}
    unexpected = [line for s, lines in problems.items() if s not in known for line in lines]
    assert unexpected == []
    healed = [s for s in known if not problems[s]]
    assert healed == [], f"known failures that pass now, take them out of KNOWN: {healed}"
    if known:
        pytest.xfail("; ".join(f"{s} ({len(problems[s])} violations, e.g. "
                               f"{problems[s][0]}): {why}" for s, why in known.items()))
