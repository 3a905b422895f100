"""Voice guidance latency: a tap to the first audio sample handed to the device.

Ours: the speech service as the app drives it (a screen's declared messages,
normalised, Chinese as pinyin, synthesised on its worker thread), measured from
the call the app makes on the tap to the moment the first clip reaches the
audio seam (`AudioOut.play`); uncached (each prompt for the first time) and
cached (the same prompt again, as on a repeat or the next visitor's same screen).
The probe device holds each clip for its length, as a speaker does, so the next
tap cuts it off as on a terminal. The peer: a plain `espeak-ng --stdout` process
started per prompt with the same pinyin, timed to its first sample on stdout (the
WAV header and two bytes), which is what a kiosk that shells out per prompt gets
at best.

    .venv/bin/python -m bench.voice [--repeat N] [--lang zh|en]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from devices.audio.pcm import Clip
from kiosk.clock import FakeClock
from kiosk.i18n import Translator, compile_catalogs
from kiosk.speech.normalise import normalise
from kiosk.speech.plan import recordable
from kiosk.speech.service import SpeechService
from kiosk.speech.synth import VOICES, Espeak, espeak_input
from kiosk.speech.voices import VoiceChooser


class _Probe:
    """An AudioOut that notes when the first clip of a request arrives, then plays it
    as a device does: for the clip's length or until stopped."""

    def __init__(self) -> None:
        self.first = threading.Event()
        self.at = 0.0

    def play(self, clip: Clip, stop: threading.Event) -> bool:
        if not self.first.is_set():
            self.at = time.perf_counter()
            self.first.set()
        stop.wait(clip.seconds)
        return True

    def close(self) -> None:
        """Nothing held."""


def _service(catalog: Translator) -> tuple[SpeechService, _Probe]:
    probe = _Probe()
    chooser = VoiceChooser(Espeak(), {}, catalog, bilingual=True)
    return SpeechService(probe, chooser, catalog, {}, FakeClock(), journal=False).start(), probe


def _ours(speech: SpeechService, probe: _Probe, key: str, lang: str) -> float:
    probe.first.clear()
    start = time.perf_counter()
    speech.message(key, lang)
    if not probe.first.wait(20):
        raise RuntimeError(f"no audio for {key}")
    return probe.at - start


def _peer(text: str, lang: str) -> float:
    said = espeak_input(normalise(text, lang), lang)
    start = time.perf_counter()
    proc = subprocess.Popen([shutil.which("espeak-ng") or "espeak-ng", "-v", VOICES[lang],
                             "--stdout", said], stdout=subprocess.PIPE)
    assert proc.stdout is not None
    got = b""
    while len(got) < 46:
        chunk = proc.stdout.read1(4096)
        if not chunk:
            break
        got += chunk
    elapsed = time.perf_counter() - start
    proc.stdout.close()
    proc.wait()
    return elapsed


def _stats(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def run(repeat: int, lang: str) -> dict[str, tuple[float, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        catalog = Translator(compile_catalogs(out=Path(tmp) / "locale"))
    keys = list(recordable())
    uncached, cached, peer = [], [], []
    for _ in range(repeat):
        speech, probe = _service(catalog)        # a fresh cache: every prompt is new
        for key in keys:
            uncached.append(_ours(speech, probe, key, lang))
            cached.append(_ours(speech, probe, key, lang))
            peer.append(_peer(catalog.text(key, lang), lang))
        speech.close()
    return {"ours, uncached": _stats(uncached), "ours, cached": _stats(cached),
            "espeak-ng per prompt": _stats(peer)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--lang", choices=("zh", "en"), default="zh")
    args = ap.parse_args()
    rows = run(args.repeat, args.lang)
    n = args.repeat * len(list(recordable()))
    print(f"tap -> first audio sample, {args.lang}, {n} prompts each")
    print("| | median (ms) | p95 (ms) |\n|---|---:|---:|")
    for name, (median, p95) in rows.items():
        print(f"| {name} | {median:.1f} | {p95:.1f} |")
    peer = rows["espeak-ng per prompt"]
    for name in ("ours, uncached", "ours, cached"):
        print(f"ratio {name} / peer: median {rows[name][0] / peer[0]:.2f}, "
              f"p95 {rows[name][1] / peer[1]:.2f}")


if __name__ == "__main__":
    main()
