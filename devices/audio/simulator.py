"""A simulated speaker: each clip played becomes a WAV file, named by its order.

Tests and scripts read back what a visitor would have heard: the files in
order, their length, and when each began by the terminal's injected clock (in
journal.json beside them, and in `played`). Faults are those a real terminal
has: the speaker unplugged, or the sound device held by another program.
"""

from __future__ import annotations

import json
import threading
from dataclasses import asdict, dataclass
from pathlib import Path

from devices.audio.errors import AudioBusy, AudioUnplugged
from devices.audio.pcm import Clip, wav_bytes
from devices.clock import MonotonicClock

FAULTS = ("none", "unplugged", "busy")
KEEP_FILES = 500       # a demo left running keeps the last clips, not every one


@dataclass(frozen=True)
class Played:
    """One clip as the simulated speaker received it."""

    index: int
    at: float            # the injected clock's monotonic seconds when it started
    file: str
    label: str
    rate: int
    frames: int
    seconds: float


class SimulatedAudio:
    """An AudioOut that writes what it plays into folder (thread-safe)."""

    def __init__(self, folder: Path, clock: MonotonicClock) -> None:
        self.folder = Path(folder)
        self.clock = clock
        self._lock = threading.Lock()
        self._fault = "none"
        self.played: list[Played] = []
        self.overlaps = 0          # plays begun while another was on: two voices at once
        self._busy = threading.Lock()

    def set_fault(self, mode: str) -> None:
        """"unplugged", "busy" or "none" (plugged back in, free again)."""
        if mode not in FAULTS:
            raise ValueError(f"audio fault {mode!r} unknown; known: {', '.join(FAULTS)}")
        with self._lock:
            self._fault = mode

    @property
    def fault(self) -> str:
        return self._fault

    def play(self, clip: Clip, stop: threading.Event) -> bool:
        """Write the clip as NNNN.wav unless stopped first or a fault refuses it."""
        if self._fault == "unplugged":
            raise AudioUnplugged("audio: simulated speaker unplugged")
        if self._fault == "busy":
            raise AudioBusy("audio: simulated device busy")
        if stop.is_set():
            return False
        if not self._busy.acquire(blocking=False):
            self.overlaps += 1
            self._busy.acquire()
        try:
            return self._write(clip)
        finally:
            self._busy.release()

    def _write(self, clip: Clip) -> bool:
        with self._lock:
            index = len(self.played)
            name = f"{index:04d}.wav"
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / name).write_bytes(wav_bytes(clip))
            (self.folder / f"{index - KEEP_FILES:04d}.wav").unlink(missing_ok=True)
            self.played.append(Played(index, self.clock.monotonic(), name, clip.label,
                                      clip.rate, clip.frames, round(clip.seconds, 3)))
            (self.folder / "journal.json").write_text(
                json.dumps([asdict(p) for p in self.played[-KEEP_FILES:]], ensure_ascii=False,
                           indent=1), encoding="utf-8")
        return True

    def close(self) -> None:
        """Files stay for whoever reads them."""
