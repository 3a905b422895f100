"""The policies flow declares a scene for each of its screens' states; the shared screen
check (tests/app/test_screens.py) renders every one in zh/en/bo × normal/长辈版."""

from __future__ import annotations

from kiosk.flows import discover

SCENES = [scene for flow in discover() if flow.name == "policies"
          for info in flow.screens for scene in info.scenes]


def test_every_screen_has_scenes() -> None:
    assert len(SCENES) >= 12 and "policy_asked" in SCENES and "policies_offline" in SCENES
