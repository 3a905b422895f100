"""The built dictionary on disk: one marshal file per source key in a cache directory.

marshal reads plain dicts and strings back in a few tens of milliseconds and, unlike
pickle, cannot run code, so a cache file is only ever data. The file name carries
the source key, so new jieba / pypinyin / job-word versions simply miss the cache.
"""

from __future__ import annotations

import marshal
import os
from dataclasses import dataclass
from pathlib import Path

from kiosk.files import atomic_file
from kiosk.ime.errors import ImeError

DEFAULT_CACHE_DIR = "~/.cache/employment-kiosk/ime"


@dataclass(frozen=True)
class Index:
    """Word blocks by initials, plus what the segmenter needs to prune its search."""

    key: str
    buckets: dict[str, str]
    syllables: frozenset[str]
    prefixes: frozenset[str]
    words: int


def cache_dir_of(cache_dir: str | Path | None) -> Path:
    """The cache directory to use (the per-user default when none is given; under
    XDG_CACHE_HOME when set, as the fonts' and catalogs' cache: a terminal's service
    user has no home, its cache is the release's own folder)."""
    if cache_dir:
        return Path(os.path.expanduser(str(cache_dir)))
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "employment-kiosk" / "ime"
    return Path(os.path.expanduser(DEFAULT_CACHE_DIR))


def index_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / f"pinyin-{key}.marshal"


def write_index(index: Index, cache_dir: Path) -> Path:
    """Write atomically (temp file + rename) and drop files of older source keys."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    target = index_path(cache_dir, index.key)
    data = {"key": index.key, "buckets": index.buckets, "syllables": index.syllables,
            "prefixes": index.prefixes, "words": index.words}
    with atomic_file(target) as out:
        marshal.dump(data, out)
    for old in cache_dir.glob("pinyin-*.marshal"):
        if old != target:
            old.unlink(missing_ok=True)
    return target


def read_index(path: Path) -> Index:
    """Read one cache file; a damaged file is an ImeError (the caller rebuilds)."""
    try:
        data = marshal.loads(path.read_bytes())
        return Index(key=data["key"], buckets=data["buckets"], syllables=data["syllables"],
                     prefixes=data["prefixes"], words=data["words"])
    except (OSError, EOFError, ValueError, TypeError, KeyError) as exc:
        raise ImeError(f"unreadable pinyin dictionary {path}: {exc}") from exc
