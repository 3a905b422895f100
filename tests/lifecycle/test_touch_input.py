"""One finger gives one touch: the mouse provider is Kivy's only input provider."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

PROBE = """
from kiosk.config import load_settings
from kiosk_command.gui import prepare_kivy
prepare_kivy(load_settings(None))
from kivy.config import Config
print(sorted(Config.items("input")))
"""


def test_only_the_mouse_provider_reads_the_touch_screen() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True,
                         text=True, timeout=60, check=True).stdout
    assert out.strip() == "[('mouse', 'mouse,disable_multitouch')]"
