"""What every audio output offers: play one clip, stoppable, and say whether it is there."""

from __future__ import annotations

import threading
from typing import Protocol

from devices.audio.pcm import Clip


class AudioOut(Protocol):
    """A sound device. play() blocks until the clip has been played or stop is set, and
    says whether any of it was played (False: stopped before it began); it raises
    AudioError (unplugged, busy) and is called from one thread only."""

    def play(self, clip: Clip, stop: threading.Event) -> bool: ...

    def close(self) -> None: ...
