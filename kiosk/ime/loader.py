"""The pinyin dictionary, loaded off the UI thread.

Loading takes about 50 ms from the cache, but about 8 s when the dictionary
has never been built (`kiosk setup` builds it at install). Either way the
terminal starts at once: the keyboard types letters as they are, with a
short notice, until the engine arrives.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.ime.engine import ImeEngine

log = logging.getLogger(__name__)


class EngineLoader:
    """Loads one ImeEngine on a daemon thread; `engine` is None until it is ready."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.engine: ImeEngine | None = None
        self.failed = False
        self.seconds: float | None = None
        self.thread = threading.Thread(target=self._run, name="ime-loader", daemon=True)

    def start(self) -> EngineLoader:
        self.thread.start()
        return self

    @property
    def loading(self) -> bool:
        return self.thread.is_alive()

    def wait(self, timeout: float | None = None) -> ImeEngine | None:
        """The engine once loaded (None if it failed or timeout passed first)."""
        if self.thread.ident is not None:
            self.thread.join(timeout)
        return self.engine

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
        self.engine = engine
        log.info("input method ready", extra={"seconds": round(self.seconds, 3)})
