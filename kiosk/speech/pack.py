"""Recorded prompt packs: a folder of WAV files keyed by message id and the text's hash.

Tibetan has no synthetic voice, so its prompts are recorded by a native
speaker; a centre may record Chinese or English too, to replace espeak-ng. The
hash ties a recording to the exact words it says: when a catalog text changes,
the old recording is stale and is not played (docs/voice.md).

    PACK/manifest.json   {"format": 1, "lang": "bo",
                          "prompts": {"<id>": {"file": "<id>.<hash>.wav", "hash": "<hash>"}}}
    PACK/<id>.<hash>.wav mono, 16-bit PCM, 8000–48000 Hz
"""

from __future__ import annotations

import hashlib
import json
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from devices.audio.pcm import Clip, read_wav
from kiosk.speech.errors import PackError

FORMAT = 1
MANIFEST = "manifest.json"
RATES = (8000, 48000)


def text_hash(text: str) -> str:
    """The first 12 hex digits of SHA-256 over the NFC text: what a recording says."""
    return hashlib.sha256(unicodedata.normalize("NFC", text).encode()).hexdigest()[:12]


def file_name(key: str, text: str) -> str:
    return f"{key}.{text_hash(text)}.wav"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a pack: missing, stale or format, and which prompt."""

    kind: str
    key: str
    detail: str = ""

    def line(self) -> str:
        return f"{self.kind}: {self.key}" + (f" ({self.detail})" if self.detail else "")


def read_manifest(folder: Path) -> dict[str, dict[str, str]]:
    """The prompts of a pack's manifest; PackError when it cannot be read."""
    path = Path(folder) / MANIFEST
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PackError(f"voice pack: cannot read {path}: {exc}") from exc
    if doc.get("format") != FORMAT or not isinstance(doc.get("prompts"), dict):
        raise PackError(f"voice pack: {path} is not a format {FORMAT} manifest")
    return doc["prompts"]


def check_clip(data: bytes) -> str:
    """"" for a usable recording, else what is wrong with it."""
    try:
        clip = read_wav(data)
    except ValueError as exc:
        return str(exc)
    if not RATES[0] <= clip.rate <= RATES[1]:
        return f"{clip.rate} Hz; {RATES[0]}–{RATES[1]} Hz wanted"
    return "" if clip.frames else "no samples"


def check(folder: Path, wanted: dict[str, str]) -> list[Problem]:
    """Every problem of the pack against the texts it must say (id -> text)."""
    prompts = read_manifest(folder)
    problems: list[Problem] = []
    for key, text in wanted.items():
        entry = prompts.get(key)
        if entry is None or not (Path(folder) / str(entry.get("file", ""))).is_file():
            problems.append(Problem("missing", key))
            continue
        if entry.get("hash") != text_hash(text):
            problems.append(Problem("stale", key, "the text changed since it was recorded"))
            continue
        bad = check_clip((Path(folder) / entry["file"]).read_bytes())
        if bad:
            problems.append(Problem("format", key, bad))
    return problems


class PromptPack:
    """A pack read lazily: a prompt's file is read the first time it is played."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.prompts = read_manifest(self.folder)
        self._clips: dict[str, Clip] = {}
        self._lock = threading.Lock()

    def clip(self, key: str, text: str) -> Clip | None:
        """The recording of key saying exactly text; None when missing, stale or bad."""
        entry = self.prompts.get(key)
        if entry is None or entry.get("hash") != text_hash(text):
            return None
        with self._lock:
            if key not in self._clips:
                try:
                    self._clips[key] = read_wav((self.folder / entry["file"]).read_bytes(), key)
                except (OSError, ValueError, KeyError):
                    return None
            return self._clips[key]


def write_pack(folder: Path, lang: str, clips: dict[str, tuple[str, Clip]]) -> Path:
    """A pack of clips (id -> (text, clip)): for tests and a centre's recording tool."""
    from devices.audio.pcm import wav_bytes

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    prompts = {}
    for key, (text, clip) in clips.items():
        name = file_name(key, text)
        (folder / name).write_bytes(wav_bytes(clip))
        prompts[key] = {"file": name, "hash": text_hash(text)}
    (folder / MANIFEST).write_text(json.dumps({"format": FORMAT, "lang": lang,
                                               "prompts": prompts}, ensure_ascii=False,
                                              indent=1), encoding="utf-8")
    return folder
