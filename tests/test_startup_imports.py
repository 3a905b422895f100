"""The terminal's start path leaves the heavy libraries for later.

Every `kiosk` command builds the whole command tree, and `kiosk run` builds it
before its first frame: a module that imports OpenCV, numpy, the ESC/POS
library, the HTTP stack, the server, the Chinese text tools or Kivy at its top
would make every command wait for them (more than a second together on the
terminal's hardware). The handlers import what they need when they run; Kivy
comes only once its window is configured.
"""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

HEAVY = ("numpy", "cv2", "qrcode", "escpos", "requests", "fastapi", "uvicorn", "jieba",
         "pypinyin", "kivy")


def _loaded_after(code: str) -> list[str]:
    """The HEAVY modules in sys.modules after code runs in a fresh interpreter."""
    probe = (f"import sys\n{code}\n"
             f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          cwd=ROOT, timeout=60, check=True)
    return done.stdout.split()


def test_building_the_command_tree_imports_no_heavy_library() -> None:
    code = ("from kiosk_command.main import build_parser\n"
            "build_parser().parse_args(['run', '--report-first-frame'])")
    assert _loaded_after(code) == []


def test_the_gui_and_core_builders_import_no_heavy_library() -> None:
    assert _loaded_after("import kiosk_command.gui, kiosk_command.corebuild") == []


def test_kiosk_run_help_imports_no_heavy_library() -> None:
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "kiosk_command.main",
                           "run", "--help"], capture_output=True, text=True, cwd=ROOT,
                          timeout=60, check=True)
    imported = {line.rsplit("|", 1)[-1].strip().split(".")[0]
                for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert sorted(imported & set(HEAVY)) == []


def test_the_unwired_core_and_its_flows_import_no_heavy_library() -> None:
    """`kiosk run` builds the core and every flow object before its first frame.

    The flows reach the platform, the printer and the camera only when a visitor
    acts, so making them must not load the HTTP client, the outbox's database
    layer, the sealing library or the printer stack.
    """
    code = ("import contextlib\n"
            "from kiosk.clock import SystemClock\n"
            "from kiosk.config import load_settings\n"
            "from kiosk_command.corebuild import build_core\n"
            "core = build_core(load_settings(None), SystemClock(), contextlib.ExitStack(),"
            " wire=False)\n"
            "assert core.flows\n"
            "extra = ('sqlite_utils', 'cryptography', 'serial', 'PIL')\n"
            "print(' '.join(m for m in extra if m in sys.modules))")
    assert _loaded_after(code) == []
