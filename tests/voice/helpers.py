"""Real parts for the speech tests: the translator, the simulated speaker, tones."""

from __future__ import annotations

import math
import struct
import time
from pathlib import Path

from devices.audio.pcm import Clip


def tone(hz: float, seconds: float, rate: int = 16000, label: str = "") -> Clip:
    """A sine tone: the stand-in for a recorded prompt."""
    n = int(rate * seconds)
    pcm = b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * hz * i / rate)))
                   for i in range(n))
    return Clip(pcm, rate, label)


def wait_for(predicate, seconds: float = 10.0) -> None:
    """Poll a worker thread's result (bounded: a broken worker fails, never hangs)."""
    end = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > end:
            raise AssertionError("timed out waiting for the speech worker")
        time.sleep(0.01)


def translator(tmp: Path):
    from kiosk.i18n import Translator, compile_catalogs

    return Translator(compile_catalogs(out=tmp / "locale"))
