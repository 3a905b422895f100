"""The pinyin input method: its dictionary loaded off the UI thread as core.ime."""

from __future__ import annotations

import contextlib

from kiosk.core import KioskCore


def attach(core: KioskCore, stack: contextlib.ExitStack) -> None:
    """Start loading the engine; core.ime.engine appears when it is ready."""
    from kiosk.fonts import cache_dir
    from kiosk.ime.loader import EngineLoader

    core.ime = EngineLoader(cache_dir() / "ime").start()
