"""The pinyin input method: its dictionary loaded off the UI thread into core.extras["ime"].

Loading takes about 50 ms from the cache, but about 8 s when the dictionary has never
been built (`kiosk setup` builds it at install). Either way the terminal starts at
once: the keyboard types letters as they are, with a short notice, until the engine
arrives. core.extras["ime_loader"] tells whether it is still loading or has failed.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from pathlib import Path
from typing import Any

from kiosk.core import KioskCore

log = logging.getLogger(__name__)


class EngineLoader:
    """Loads one ImeEngine on a daemon thread and publishes it in extras["ime"]."""

    def __init__(self, extras: dict[str, Any], directory: Path) -> None:
        self.extras = extras
        self.directory = directory
        self.failed = False
        self.seconds: float | None = None
        self.thread = threading.Thread(target=self._run, name="ime-loader", daemon=True)

    def start(self) -> EngineLoader:
        self.thread.start()
        return self

    @property
    def loading(self) -> bool:
        return self.thread.is_alive()

    def wait(self, timeout: float | None = None) -> Any:
        """The engine once loaded (None if it failed or timeout passed first)."""
        self.thread.join(timeout)
        return self.extras.get("ime")

    def _run(self) -> None:
        from kiosk.ime import ImeEngine

        started = time.monotonic()
        try:
            engine = ImeEngine.load(self.directory)
        except Exception as exc:  # noqa: BLE001 - letters as typed beat a dead terminal
            self.failed = True
            log.error("input method unavailable", extra={
                "capability": "ime", "cause": f"{type(exc).__name__}: {exc}"})
            return
        self.seconds = time.monotonic() - started
        self.extras["ime"] = engine
        log.info("input method ready", extra={"seconds": round(self.seconds, 3)})


def attach(core: KioskCore, stack: contextlib.ExitStack) -> None:
    """Start loading the engine; core.extras["ime"] appears when it is ready."""
    from kiosk.fonts import cache_dir

    core.extras["ime_loader"] = EngineLoader(core.extras, cache_dir() / "ime").start()
