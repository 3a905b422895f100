"""The real driver: ALSA through `aplay` (Debian's alsa-utils).

aplay is a small, well-kept player that takes raw PCM on stdin; running it per
clip means a stuck sound card never blocks the kiosk's own threads, and killing
it is how a new screen cuts the old sentence short. Its exit tells a missing
device (unplugged) from one another program holds (busy).
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import threading

from devices.audio.errors import AudioBusy, AudioError, AudioUnplugged
from devices.audio.pcm import Clip

CHUNK = 2048        # bytes written between looks at the stop event (~46 ms at 22 kHz)


class AplayOutput:
    """Plays each clip through one aplay process on an ALSA device ("default")."""

    def __init__(self, device: str = "default", program: str = "aplay") -> None:
        self.device = device
        self.program = program

    def _command(self, clip: Clip) -> list[str]:
        exe = shutil.which(self.program)
        if exe is None:
            raise AudioUnplugged(f"audio: {self.program} not found (install alsa-utils)")
        return [exe, "-q", "-D", self.device, "-t", "raw", "-f", "S16_LE", "-c", "1",
                "-r", str(clip.rate)]

    def play(self, clip: Clip, stop: threading.Event) -> bool:
        """Feed the clip to aplay; kill it when stop is set."""
        if stop.is_set():
            return False
        proc = subprocess.Popen(self._command(clip), stdin=subprocess.PIPE,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            self._feed(proc, clip.pcm, stop)
            while proc.poll() is None and not stop.wait(0.02):
                pass            # the last of the clip plays out of aplay's buffer
        finally:
            if proc.poll() is None:
                proc.kill()     # stopped (or failed): cut the sentence short now
            proc.wait()
            err = _drain(proc)
        if proc.returncode not in (0, -9) and not stop.is_set():
            raise _error(self.device, err)
        return True

    @staticmethod
    def _feed(proc: subprocess.Popen[bytes], pcm: bytes, stop: threading.Event) -> None:
        assert proc.stdin is not None
        try:
            for at in range(0, len(pcm), CHUNK):
                if stop.is_set():
                    return
                proc.stdin.write(pcm[at:at + CHUNK])
            proc.stdin.close()
        except BrokenPipeError:
            pass        # aplay gave up; its exit code and message say why
        with contextlib.suppress(OSError):
            proc.stdin.close()

    def close(self) -> None:
        """Nothing is held between clips."""


def _drain(proc: subprocess.Popen[bytes]) -> str:
    """aplay's complaint, if any (it writes a few lines at most)."""
    if proc.stderr is None:
        return ""
    with proc.stderr:
        return proc.stderr.read().decode(errors="replace")


def _error(device: str, message: str) -> AudioError:
    text = message.strip().splitlines()[-1] if message.strip() else "aplay failed"
    if "busy" in message.lower():
        return AudioBusy(f"audio: {device} is busy ({text})")
    return AudioUnplugged(f"audio: {device} unavailable ({text})")
