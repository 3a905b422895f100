"""Where the dictionary comes from: jieba's word frequencies plus the kiosk's own words.

Both sources ship with installed packages, so the dictionary can be built offline on
the terminal. The source key names the exact versions; a cache built from other
versions is stale and is rebuilt.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.resources
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from kiosk.ime.errors import ImeError

FORMAT_VERSION = 1
MAX_SYLLABLES = 8
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")


def domain_words_path() -> Path:
    """The packaged list of job words with their frequencies."""
    return Path(__file__).with_name("domain_words.txt")


def jieba_dict_path() -> Path:
    """jieba's dict.txt: one `word frequency tag` line per word."""
    try:
        path = Path(str(importlib.resources.files("jieba") / "dict.txt"))
    except ModuleNotFoundError as exc:
        raise ImeError("jieba is not installed; cannot build the pinyin dictionary") from exc
    if not path.is_file():
        raise ImeError(f"jieba's word list is missing: {path}")
    return path


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


def source_key(domain_path: Path | None = None, jieba_path: Path | None = None) -> str:
    """Short hash of everything the built dictionary depends on.

    None stands for the packaged list; another word list is hashed by its content.
    """
    domain = (domain_path or domain_words_path()).read_bytes()
    jieba = hashlib.sha256(jieba_path.read_bytes()).hexdigest() if jieba_path else "packaged"
    parts = [
        f"format={FORMAT_VERSION}",
        f"python={sys.version_info.major}.{sys.version_info.minor}",
        f"jieba={_version('jieba')}:{jieba}",
        f"pypinyin={_version('pypinyin')}",
        f"domain={hashlib.sha256(domain).hexdigest()}",
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def read_jieba(path: Path) -> Iterator[tuple[str, int]]:
    """(word, frequency) for every all-Han word of a jieba-format list."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            fields = line.split()
            if len(fields) < 2 or not fields[1].isdigit():
                continue
            word = fields[0]
            if len(word) <= MAX_SYLLABLES and _HAN.match(word):
                yield word, int(fields[1])


def read_domain(path: Path) -> Iterator[tuple[str, int, list[str] | None]]:
    """(word, frequency, syllables or None) from the packaged job words."""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        fields = line.split()
        if len(fields) < 2 or not _HAN.match(fields[0]) or not fields[1].isdigit():
            raise ImeError(f"bad line in {path.name}: {raw!r}")
        reading = fields[2].split("'") if len(fields) > 2 else None
        if reading is not None and len(reading) != len(fields[0]):
            raise ImeError(f"reading does not match the word in {path.name}: {raw!r}")
        yield fields[0], int(fields[1]), reading
