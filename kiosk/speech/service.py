"""The speech service: one worker thread, one voice at a time, cut short by anything new.

Every request (a screen's entry, a long press, the time-out's countdown, a
repeat) replaces whatever is being said: its job gets a new generation and the
clip playing now is stopped through the audio seam's stop event. Synthesis and
playing happen on the worker, never on the UI thread. No exception ends the
worker; an audio fault (speaker unplugged, device busy) is logged once and the
kiosk goes on silently until the device plays again.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from devices.audio.base import AudioOut
from devices.audio.errors import AudioError
from devices.audio.pcm import Clip
from devices.clock import MonotonicClock
from kiosk.speech.plan import Catalog, Plan, Utterance, control_message, declared, resolve
from kiosk.speech.voices import Heard, VoiceChooser

log = logging.getLogger(__name__)
VOLUMES = {1: 0.3, 2: 0.6, 3: 1.0}      # three steps, the loudest unscaled
UNAVAILABLE = "voice.unavailable"
COUNT_MARKS = (20, 15, 10, 5, 4, 3, 2, 1)   # the seconds the warning counts down aloud


@dataclass
class Options:
    """What the visitor and the technician set: read aloud, loudness, speed, headset."""

    volume: int = 2
    slow: bool = False
    headset: bool = False


@dataclass
class _Job:
    generation: int
    utterances: list[Utterance]
    stop: threading.Event = field(default_factory=threading.Event)
    tone: bool = False               # the warning's two-note chime, no words


CHIME_RATE = 16000
CHIME_NOTES = ((880.0, 0.18), (660.0, 0.28))    # falling: "time is running out"


def chime() -> Clip:
    """The time-out warning's sound for visitors who have reading aloud off: two soft
    sine notes, faded in and out so the speaker does not click."""
    import numpy as np

    parts = []
    for freq, seconds in CHIME_NOTES:
        t = np.arange(int(CHIME_RATE * seconds)) / CHIME_RATE
        fade = np.minimum(1.0, np.minimum(t, seconds - t) / 0.02)
        parts.append(np.sin(2 * np.pi * freq * t) * fade * 0.4 * 32767)
    return Clip(np.concatenate(parts).astype("<i2").tobytes(), CHIME_RATE, "chime")


def scaled(clip: Clip, volume: int) -> Clip:
    """The clip at one of the three loudness steps."""
    factor = VOLUMES.get(volume, 1.0)
    if factor >= 1.0 or not clip.pcm:
        return clip
    import numpy as np

    samples = np.frombuffer(clip.pcm, dtype="<i2").astype(np.float32) * factor
    return Clip(samples.astype("<i2").tobytes(), clip.rate, clip.label)


class SpeechService:
    """Says declared messages through an AudioOut, on its own thread."""

    def __init__(self, audio: AudioOut, chooser: VoiceChooser, catalog: Catalog,
                 flows: Mapping[str, object], clock: MonotonicClock,
                 options: Options | None = None, journal: bool = True) -> None:
        """journal: keep what was said (tests, scripts; a terminal's speaker need not)."""
        self.audio, self.chooser, self.catalog = audio, chooser, catalog
        self.journal = journal
        self.flows, self.clock = flows, clock
        self.options = options or Options()
        self.heard: list[Heard] = []           # journal: what went to the speaker, in order
        self.withheld: list[str] = []          # private messages left out
        self.missing: list[str] = []           # prompts no voice could say
        self.on_unavailable: Callable[[bool], None] | None = None
        self._queue: queue.Queue[_Job | None] = queue.Queue()
        self._lock = threading.Lock()
        self._generation = 0
        self._current: _Job | None = None
        self._last: list[Utterance] = []
        self._fault = ""
        self._thread: threading.Thread | None = None
        self._warned: int | None = None

    # -- life ---------------------------------------------------------------
    def start(self) -> SpeechService:
        self._thread = threading.Thread(target=self._work, name="speech", daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        self.stop()
        self._queue.put(None)
        if self._thread is not None:
            self._thread.join(timeout=5)
        self.audio.close()

    # -- what the shell asks ---------------------------------------------------
    def screen(self, name: str, lang: str, first: tuple[str, ...] = ()) -> Plan:
        """Say what the screen declares (cutting off what was being said), after the
        shell's own messages in first (e.g. "reading aloud is on")."""
        flow, says = declared(name)
        plan = resolve(says, self.flows.get(flow), self.catalog, lang, self.options.headset)
        if self.journal:
            self.withheld += plan.withheld
        self._say([self._utterance(key, lang) for key in first] + plan.utterances)
        return plan

    def _utterance(self, key: str, lang: str, **values: object) -> Utterance:
        return Utterance(key, self.catalog.text(key, lang, **values), lang,
                         static=not values, values=tuple(values.items()))

    def control(self, screen: str, tid: str, lang: str) -> bool:
        """A long press on a control: say what it is (False when it declares nothing)."""
        key = control_message(screen, tid)
        if key is None:
            return False
        self.message(key, lang)
        return True

    def message(self, key: str, lang: str, **values: object) -> None:
        """Say one catalog message now."""
        self._say([self._utterance(key, lang, **values)])

    def repeat(self) -> None:
        """Say the last request again from its start."""
        self._say(list(self._last))

    def warn(self, seconds_left: int, lang: str) -> None:
        """The time-out warning, called every tick while it is shown: the sentence
        once, then the seconds at each mark, so the visitor hears time run out."""
        if self._warned is None:
            self._warned = seconds_left
            self.message("voice.timeout", lang, seconds=seconds_left)
        elif seconds_left in COUNT_MARKS and seconds_left < self._warned:
            self._warned = seconds_left
            self.message("voice.count", lang, n=seconds_left)

    def warn_tone(self) -> None:
        """The warning's chime once per warning, for a visitor with reading aloud off
        (with it on, the warning is said and counted down instead)."""
        if self._warned is not None:
            return
        self._warned = -1
        self.stop()
        with self._lock:
            job = _Job(self._generation, [], tone=True)
            self._current = job
        self._queue.put(job)

    def warn_over(self) -> None:
        """The warning closed (continued, or the visit ended): the next one starts anew."""
        if self._warned is not None:
            self._warned = None
            self.stop()

    def stop(self) -> None:
        """Cut off whatever is being said (a tap, voice switched off)."""
        with self._lock:
            self._generation += 1
            if self._current is not None:
                self._current.stop.set()

    def _say(self, utterances: list[Utterance]) -> None:
        self.stop()
        with self._lock:
            self._last = list(utterances)
            job = _Job(self._generation, list(utterances))
            self._current = job
        if utterances:
            self._queue.put(job)

    # -- the worker --------------------------------------------------------------
    def _work(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            try:
                self._play(job)
            except Exception:           # the worker outlives any one prompt's failure
                log.exception("speech failed")

    def _live(self, job: _Job) -> bool:
        return job.generation == self._generation and not job.stop.is_set()

    def _play(self, job: _Job) -> None:
        if job.tone:
            self._out(scaled(chime(), self.options.volume),
                      Heard("chime", "", "tone", ""), job)
            return
        unavailable = False
        for u in job.utterances:
            if not self._live(job):
                return
            parts = self.chooser.parts(u, self.options.slow)
            if parts is None:
                unavailable = True
                if self.journal:
                    self.missing.append(u.key)
                continue
            # each next sentence is made only while the job is still wanted
            while self._live(job) and (part := next(parts, None)) is not None:
                clip, heard = part
                self._out(scaled(clip, self.options.volume), heard, job)
            if not self._live(job):
                return
        if self.on_unavailable is not None:
            self.on_unavailable(unavailable)

    def _out(self, clip: Clip, heard: Heard, job: _Job) -> None:
        try:
            started = self.audio.play(clip, job.stop)
        except AudioError as exc:
            if not self._fault:
                log.warning("speech silent: audio device failed", extra={"cause": str(exc)})
            self._fault = str(exc)
            job.stop.set()          # the rest of this job would fail the same way
            return
        if started and self.journal:
            self.heard.append(heard)     # in the order the speaker took them
        if self._fault:
            log.info("speech audible again")
            self._fault = ""

    @property
    def fault(self) -> str:
        """The audio fault that keeps the kiosk silent ("" when it plays)."""
        return self._fault
