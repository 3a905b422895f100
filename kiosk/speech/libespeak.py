"""espeak-ng in the kiosk's own process, through its C library (libespeak-ng.so.1).

Starting an espeak-ng process costs about 10 ms before its first sample (it loads
its voice data each time); the library loads it once, so an uncached prompt's
first sentence is ready in a few milliseconds. The library keeps global state and
is not thread-safe: one lock serialises every synthesis in the process. Where the
library cannot be loaded, synth.py runs the espeak-ng program instead.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import threading

from devices.audio.pcm import Clip
from kiosk.speech.errors import SpeechError

_SYNCHRONOUS = 2        # espeak_AUDIO_OUTPUT: samples to the callback, Synth returns after
_RATE = 1               # espeak_PARAMETER espeakRATE (words per minute)
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int,
                             ctypes.c_void_p)
_lock = threading.Lock()
_lib: ctypes.CDLL | None = None
_rate = 0


def _load() -> ctypes.CDLL:
    """The library, initialised once (SpeechError when it is not there)."""
    global _lib, _rate
    if _lib is not None:
        return _lib
    name = ctypes.util.find_library("espeak-ng") or "libespeak-ng.so.1"
    try:
        lib = ctypes.CDLL(name)
    except OSError as exc:
        raise SpeechError(f"speech: no libespeak-ng ({exc})") from exc
    lib.espeak_Initialize.restype = ctypes.c_int
    lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
    lib.espeak_SetSynthCallback.argtypes = [_CALLBACK]
    lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
    lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
    lib.espeak_Synth.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
                                 ctypes.c_uint, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p]
    rate = lib.espeak_Initialize(_SYNCHRONOUS, 0, None, 0)
    if rate <= 0:
        raise SpeechError("speech: libespeak-ng did not initialise")
    _lib, _rate = lib, rate
    return lib


def available() -> bool:
    """Whether the library can be used in this process."""
    try:
        with _lock:
            _load()
        return True
    except SpeechError:
        return False


def synthesise(text: str, voice: str, wpm: int) -> Clip:
    """text (pinyin for Chinese) said by voice at wpm, as one clip."""
    chunks: list[bytes] = []

    def take(wav: ctypes._Pointer, count: int, _events: int) -> int:
        if count > 0 and wav:
            chunks.append(ctypes.string_at(wav, count * 2))
        return 0

    callback = _CALLBACK(take)
    data = text.encode() + b"\0"
    with _lock:
        lib = _load()
        lib.espeak_SetSynthCallback(callback)
        if lib.espeak_SetVoiceByName(voice.encode()) != 0:
            raise SpeechError(f"speech: espeak-ng has no voice {voice!r}")
        lib.espeak_SetParameter(_RATE, wpm, 0)
        if lib.espeak_Synth(data, len(data), 0, _POS_CHARACTER, 0, _CHARS_UTF8, None, None):
            raise SpeechError("speech: espeak-ng could not say the text")
        rate = _rate
    return Clip(b"".join(chunks), rate)
