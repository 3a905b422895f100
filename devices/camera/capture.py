"""The capture worker: reads the camera on its own thread, keeps only the newest frame.

The Kivy main thread must never block on a camera read, so a worker thread
owns the FrameSource. The preview takes latest(); frame analysers (QR
scanner, face guide) run on the worker, after each frame, so the UI thread
only receives results. Nothing queues up: a slow reader simply skips frames.
When the device disappears the worker closes it and reopens it with growing
back-off, timed by the injected clock. A fault nobody foresaw (a driver or
analyser bug) is caught by the supervisor, logged with its cause and shown in
the status; the camera is then reopened after the same kind of back-off.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import numpy as np

from devices.camera.errors import CameraError, EndOfStream
from devices.camera.source import FrameSource
from devices.camera.status import CameraState, CameraStatus
from devices.clock import MonotonicClock
from devices.supervise import Fault, Supervisor

log = logging.getLogger(__name__)
Analyser = Callable[[np.ndarray, int], None]
DARK_LEVEL = 12.0


class CaptureService:
    """One camera, one worker thread, the latest frame and a status."""

    def __init__(self, source: FrameSource, clock: MonotonicClock, fps: float = 15.0,
                 backoff_s: float = 0.5, backoff_max_s: float = 8.0,
                 autostart: bool = True) -> None:
        self.source, self.clock = source, clock
        self.autostart = autostart
        self._period = 1.0 / max(fps, 1.0)
        self._backoff_min, self._backoff_max = backoff_s, backoff_max_s
        self._backoff = backoff_s
        self._lock = threading.Lock()
        self._frame: np.ndarray | None = None
        self._seq = 0
        self._open = False
        self._state = CameraState.STOPPED
        self._next_try = 0.0
        self._reconnects = 0
        self._dark = False
        self._error: str | None = None
        self._analysers: list[Analyser] = []
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._new = threading.Condition(self._lock)
        self.supervisor = Supervisor("camera", log, first_s=backoff_s, max_s=backoff_max_s)

    # For screens.
    def latest(self) -> tuple[np.ndarray | None, int]:
        """The newest frame and its sequence number; starts capturing on first use."""
        if self.autostart:
            self.start()
        with self._lock:
            return self._frame, self._seq

    def add_analyser(self, fn: Analyser) -> None:
        """Run fn(frame, seq) on the worker after every new frame (keep it short)."""
        with self._lock:
            self._analysers.append(fn)

    def remove_analyser(self, fn: Analyser) -> None:
        with self._lock:
            if fn in self._analysers:
                self._analysers.remove(fn)

    def status(self) -> CameraStatus:
        with self._lock:
            retry = None
            if self._state is CameraState.RECONNECTING:
                retry = max(0.0, self._next_try - self.clock.monotonic())
            return CameraStatus(self.source.name, self._state, self._seq, self._reconnects,
                                self._dark, self._error, retry)

    # The worker.
    def start(self) -> None:
        """Start the worker thread if it is not running (idempotent)."""
        with self._lock:
            if self._thread is not None or self._state is CameraState.ENDED:
                return
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="camera-capture", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            got = self.supervisor.run(self.step)
            if isinstance(got, Fault):
                self._restart(got)
                got = False
            if self._state is CameraState.ENDED:
                return
            if not got or not self.source.paced:
                self._stop.wait(self._period)

    def step(self) -> bool:
        """One round of the worker: (re)open when due, read one frame. True if a frame came."""
        if not self._open and not self._try_open():
            return False
        try:
            frame = self.source.read()
        except EndOfStream:
            self._set_state(CameraState.ENDED)
            return False
        if frame is None:
            self._mark_lost("no frames: camera unplugged?")
            return False
        self._publish(frame)
        self.supervisor.recovered()
        return True

    def _restart(self, fault: Fault) -> None:
        """After an unforeseen fault: close the device, say why, reopen after the back-off."""
        self.source.close()
        with self._lock:
            self._open = False
            self._state, self._error = CameraState.RECONNECTING, str(fault)
            self._next_try = self.clock.monotonic() + fault.retry_in_s

    def _try_open(self) -> bool:
        now = self.clock.monotonic()
        if self._state is CameraState.RECONNECTING and now < self._next_try:
            return False
        try:
            self.source.open()
        except CameraError as exc:
            self._schedule_retry(str(exc))
            return False
        with self._lock:
            if self._state is CameraState.RECONNECTING:
                self._reconnects += 1
            self._open, self._state, self._error = True, CameraState.RUNNING, None
            self._backoff = self._backoff_min
        log.info("camera open", extra={"source": self.source.name})
        return True

    def _mark_lost(self, reason: str) -> None:
        self.source.close()
        self._open = False
        log.warning("camera lost", extra={"source": self.source.name, "cause": reason})
        self._schedule_retry(reason)

    def _schedule_retry(self, reason: str) -> None:
        with self._lock:
            self._state, self._error = CameraState.RECONNECTING, reason
            self._next_try = self.clock.monotonic() + self._backoff
            self._backoff = min(self._backoff * 2, self._backoff_max)

    def retry_now(self) -> None:
        """Try the device again on the next round (a technician replugged it)."""
        with self._lock:
            self._next_try = self.clock.monotonic()
            self._backoff = self._backoff_min

    def _publish(self, frame: np.ndarray) -> None:
        dark = float(frame[::8, ::8].mean()) < DARK_LEVEL
        with self._lock:
            self._frame, self._dark = frame, dark
            self._seq += 1
            seq, analysers = self._seq, list(self._analysers)
            self._new.notify_all()
        for fn in analysers:
            fn(frame, seq)

    def wait_frame(self, after_seq: int, timeout_s: float) -> tuple[np.ndarray | None, int]:
        """Block (off the UI thread) until a frame newer than after_seq or timeout_s passes."""
        if self.autostart:
            self.start()
        with self._new:
            self._new.wait_for(lambda: self._seq > after_seq, timeout=timeout_s)
            return self._frame, self._seq

    def _set_state(self, state: CameraState) -> None:
        with self._lock:
            self._state = state

    def stop(self) -> None:
        """Stop capturing, release the device and drop the last frame (it may show a face)."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=2.0)
        self.source.close()
        with self._lock:
            self._open, self._frame = False, None
            if self._state is not CameraState.ENDED:
                self._state = CameraState.STOPPED

    close = stop
