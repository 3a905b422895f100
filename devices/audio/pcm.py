"""The one audio format that crosses the seam: 16-bit little-endian mono PCM.

A Clip carries its sample rate with its samples, so a recorded prompt at 16 kHz
and espeak-ng's 22.05 kHz can follow each other through the same device.
"""

from __future__ import annotations

import io
import wave
from dataclasses import dataclass

SAMPLE_WIDTH = 2      # bytes per sample: signed 16 bit
CHANNELS = 1


@dataclass(frozen=True)
class Clip:
    """Samples to play and what they say (the label is for logs and the simulator)."""

    pcm: bytes
    rate: int
    label: str = ""

    @property
    def frames(self) -> int:
        return len(self.pcm) // SAMPLE_WIDTH

    @property
    def seconds(self) -> float:
        return self.frames / self.rate if self.rate else 0.0


def wav_bytes(clip: Clip) -> bytes:
    """The clip as a WAV file (what the simulator writes, and packs hold)."""
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(CHANNELS)
        w.setsampwidth(SAMPLE_WIDTH)
        w.setframerate(clip.rate)
        w.writeframes(clip.pcm)
    return out.getvalue()


def read_wav(data: bytes, label: str = "") -> Clip:
    """A mono 16-bit WAV file as a Clip; ValueError naming what is wrong otherwise."""
    try:
        with wave.open(io.BytesIO(data), "rb") as w:
            if w.getnchannels() != CHANNELS or w.getsampwidth() != SAMPLE_WIDTH:
                raise ValueError(f"{w.getnchannels()} channel(s) of {8 * w.getsampwidth()} "
                                 f"bit; 1 channel of 16 bit wanted")
            return Clip(w.readframes(w.getnframes()), w.getframerate(), label)
    except (wave.Error, EOFError) as exc:
        raise ValueError(f"not a WAV file ({exc})") from exc
