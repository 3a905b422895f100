"""Shared test helpers: the source tree root and running the `kiosk` command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run_kiosk(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run `kiosk ARGS` in its own process (Kivy cannot recreate its window in one)."""
    return subprocess.run([sys.executable, "-m", "kiosk_command.main", *args],
                          capture_output=True, text=True, timeout=timeout, cwd=ROOT)


@pytest.fixture
def kiosk_cli():
    return run_kiosk
