"""A main loop that never comes back to act on SIGTERM is ended by the deadline."""

from __future__ import annotations

import signal
import subprocess
import sys

from tests.conftest import ROOT

HUNG = """
import threading
from kiosk_command.lifecycle import Lifecycle
Lifecycle(hard_stop_s=0.5).install()
print("installed", flush=True)
threading.Event().wait()          # the main loop hangs: no tick ever acts on the signal
"""


def test_a_hung_app_ends_itself_after_the_deadline() -> None:
    proc = subprocess.Popen([sys.executable, "-c", HUNG], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "installed"
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(10) == 70           # EX_SOFTWARE: not an orderly stop
        assert "did not stop in time" in proc.stderr.read()  # type: ignore[union-attr]
    finally:
        proc.kill()
        proc.wait()
