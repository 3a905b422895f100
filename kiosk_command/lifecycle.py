"""How `kiosk run` starts and stops under a service manager.

Stopping: SIGTERM (systemctl stop, a restart, shutdown) and SIGINT (Ctrl+C on a
technician's console) end the app in order. SDL would otherwise turn both into the
same quit request a window manager sends for Alt-F4 or a close button, which the
visitor-facing lock-down refuses (screens/app.py) — so SDL is told to leave the
signals alone and Python handles them. The handler only notes the signal (it runs
between two bytecodes of whatever the main thread was doing, so it takes no lock);
the main loop's next tick then begins the stop: queued receipts are cancelled (the
one being printed finishes, a half-printed slip is worse than none), the app leaves
its loop, and `kiosk run` closes the fleet worker, the printer, the outbox and the
devices in reverse order of opening. A deadline thread ends the process if that has
not happened within HARD_STOP_S (a main loop that hangs cannot stop itself).

systemd: READY=1 once the first frame is drawn, WATCHDOG=1 from the main loop (so a
hung UI misses its pings and is restarted), STOPPING=1 when the stop begins
(kiosk_command/sdnotify.py).
"""

from __future__ import annotations

import logging
import os
import select
import signal
import sys
import threading
import time
from types import FrameType
from typing import TYPE_CHECKING

from kiosk_command.sdnotify import Notifier

if TYPE_CHECKING:
    from kiosk.core import KioskCore
    from screens.app import KioskApp

log = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
HARD_STOP_S = 10.0       # below the unit's TimeoutStopSec, above the printer's last job
TICK_S = 0.1             # how soon a signal is acted on, and the watchdog's ping grain
EXIT_HUNG = 70           # the orderly stop did not finish in time (EX_SOFTWARE)


class Lifecycle:
    """Signals in, service-manager notifications out, for one run of the app."""

    def __init__(self, notifier: Notifier | None = None,
                 hard_stop_s: float = HARD_STOP_S) -> None:
        self.notifier = notifier or Notifier()
        self.hard_stop_s = hard_stop_s
        self.reason: str | None = None       # the signal's name once one came
        self._asked_at = 0.0
        self._acted = False
        self._answered = False
        self._wake_r, self._wake_w = os.pipe()
        self._done = threading.Event()

    # -- before the window exists ---------------------------------------
    def install(self) -> None:
        """Take SIGTERM and SIGINT before SDL starts (it only takes unhandled ones)."""
        os.environ["SDL_NO_SIGNAL_HANDLERS"] = "1"
        for sig in STOP_SIGNALS:
            signal.signal(sig, self._on_signal)
        threading.Thread(target=self._deadline, name="stop-deadline", daemon=True).start()

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        if self.reason is None:
            self.reason = signal.Signals(signum).name
            self._asked_at = time.monotonic()
            os.write(self._wake_w, b"!")          # async-signal-safe: no lock taken
            app = getattr(self, "_app", None)     # screens still being made: no more
            if app is not None:
                app.prebuild = False

    # -- in the app -------------------------------------------------------
    def attach(self, app: KioskApp, core: KioskCore) -> None:
        """Tick on the app's main loop: watchdog pings, and the stop once asked."""
        from kivy.clock import Clock

        self._app, self._core = app, core
        Clock.schedule_interval(lambda _dt: self.tick(), TICK_S)

    def ready(self) -> None:
        """The first frame is on the glass."""
        log.info("kiosk ready")
        self.notifier.ready("serving")
        self.notifier.watchdog()

    def tick(self) -> None:
        self.notifier.watchdog()
        if not self._answered and self._platform_answered():
            self._answered = True       # what kiosk-update waits for after a switch
            log.info("platform answered")
            self.notifier.status("serving; platform answered")
        if self.reason is not None and not self._acted:
            self._acted = True
            self._begin_stop(self.reason)

    def _platform_answered(self) -> bool:
        """A signed call (the first heartbeat, as a rule) went through."""
        platform = self._core.platform
        return platform is not None and platform.status.snapshot()["last_ok_at"] is not None

    def _begin_stop(self, reason: str) -> None:
        log.warning("kiosk stopping", extra={"reason": f"signal {reason}"})
        self.notifier.stopping(f"stopping on {reason}")
        printer = self._core.printer
        if printer is not None:
            cancelled = printer.cancel_queued()
            if cancelled:
                log.warning("queued receipts cancelled at stop", extra={"jobs": cancelled})
        self._app.leave(f"signal {reason}")

    # -- after the app's loop and the devices are closed ------------------
    def finished(self) -> None:
        """Say how the run ended, flush the logs, and disarm the deadline."""
        if self.reason is not None:
            log.warning("kiosk stopped", extra={
                "reason": f"signal {self.reason}",
                "seconds": round(time.monotonic() - self._asked_at, 3)})
        self._done.set()
        os.write(self._wake_w, b".")
        self.notifier.close()
        for handler in logging.getLogger().handlers:
            handler.flush()
        sys.stderr.flush()

    def _deadline(self) -> None:
        """Wait for a signal, then give the orderly stop hard_stop_s to finish."""
        while not self._done.is_set():
            readable, _, _ = select.select([self._wake_r], [], [])
            if readable:
                os.read(self._wake_r, 64)
            if self.reason is not None and not self._done.wait(self.hard_stop_s):
                log.critical("kiosk did not stop in time; ending it",
                             extra={"reason": f"signal {self.reason}",
                                    "seconds": self.hard_stop_s})
                for handler in logging.getLogger().handlers:
                    handler.flush()
                os._exit(EXIT_HUNG)
