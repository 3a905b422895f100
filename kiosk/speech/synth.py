"""Synthetic voices through espeak-ng, made once per text, voice and speed.

espeak-ng makes speech in about 1/400 of its length, so each prompt is synthesised
on the speech worker when first needed (in process through libespeak.py, else by
running the program) and kept in a small cache: a repeat, the next visitor's same
screen, the countdown's numbers are instant.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections import OrderedDict
from dataclasses import dataclass

from devices.audio.pcm import Clip
from kiosk.speech import libespeak
from kiosk.speech.errors import SpeechError
from kiosk.speech.pinyin import to_pinyin

# the espeak-ng voice of each language; Tibetan has none (recorded packs only)
VOICES = {"zh": "cmn-latn-pinyin", "en": "en"}
NORMAL_WPM, SLOW_WPM = 165, 120
CACHE_SIZE = 256


@dataclass(frozen=True)
class Voice:
    """One synthetic voice at one speed."""

    lang: str
    slow: bool = False

    @property
    def name(self) -> str:
        return VOICES[self.lang]

    @property
    def wpm(self) -> int:
        return SLOW_WPM if self.slow else NORMAL_WPM


def espeak_input(text: str, lang: str) -> str:
    """What espeak-ng is fed: pinyin for Chinese, the text itself otherwise."""
    return to_pinyin(text) if lang == "zh" else text


def pcm_of_wav(data: bytes) -> tuple[bytes, int]:
    """Samples and rate of espeak-ng's streamed WAV (its header's sizes are not filled in,
    so the data chunk runs to the end)."""
    at = data.find(b"data", 12)
    if data[:4] != b"RIFF" or at < 0 or len(data) < 44:
        raise SpeechError("speech: espeak-ng wrote no WAV")
    rate = int.from_bytes(data[24:28], "little")
    pcm = data[at + 8:]
    return pcm[: len(pcm) - len(pcm) % 2], rate


class Espeak:
    """espeak-ng run per prompt, with a cache keyed by (text, voice, speed)."""

    def __init__(self, program: str = "espeak-ng", cache_size: int = CACHE_SIZE,
                 in_process: bool = True) -> None:
        """in_process: synthesise through libespeak-ng (no process per prompt)."""
        self.program = program
        self.in_process = in_process
        self._cache: OrderedDict[tuple[str, str, int], Clip] = OrderedDict()
        self._lock = threading.Lock()
        self._size = cache_size
        self.made = 0            # how many times espeak-ng ran (tests, bench)

    def speaks(self, lang: str) -> bool:
        return lang in VOICES

    def clip(self, text: str, voice: Voice, label: str = "") -> Clip:
        """The spoken text (already normalised), from the cache or made now."""
        key = (text, voice.name, voice.wpm)
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return Clip(hit.pcm, hit.rate, label)
        made = self._make(text, voice)
        with self._lock:
            self._cache[key] = made
            while len(self._cache) > self._size:
                self._cache.popitem(last=False)
        return Clip(made.pcm, made.rate, label)

    def _make(self, text: str, voice: Voice) -> Clip:
        said = espeak_input(text, voice.lang)
        if self.in_process and libespeak.available():
            made = libespeak.synthesise(said, voice.name, voice.wpm)
        else:
            made = self._run(said, voice)
        self.made += 1
        return made

    def _run(self, said: str, voice: Voice) -> Clip:
        """The espeak-ng program, where its library cannot be loaded."""
        exe = shutil.which(self.program)
        if exe is None:
            raise SpeechError(f"speech: {self.program} not found (install espeak-ng)")
        try:
            out = subprocess.run([exe, "-v", voice.name, "-s", str(voice.wpm), "--stdout",
                                  said], capture_output=True, timeout=20, check=True)
        except (OSError, subprocess.SubprocessError) as exc:
            raise SpeechError(f"speech: espeak-ng failed ({exc})") from exc
        pcm, rate = pcm_of_wav(out.stdout)
        return Clip(pcm, rate)
