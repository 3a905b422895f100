"""Turn the word lists into the lookup index: pinyin for every word, grouped by initials.

The index is a dict from a word's initials ("fwy" for 服务员) to one text block of
`fu'wu'yuan<TAB>服务员<TAB>freq` lines, most frequent first. A lookup only scans the
blocks whose initials fit the typed letters, with one regular expression, and stops
after the first few matches, so it never has to sort or touch the whole dictionary.
"""

from __future__ import annotations

import importlib.util
import logging
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from kiosk.ime import sources
from kiosk.ime.errors import ImeError
from kiosk.ime.index import Index, cache_dir_of, index_path, read_index, write_index
from kiosk.ime.segment import NOT_TYPED

log = logging.getLogger(__name__)

#: A character's usual reading keeps at least this share of its frequency.
PRIMARY_SHARE = 0.5
#: Share of other readings of a character that no listed word uses.
UNUSED_SHARE = 0.1


def _valid(word: str, syllables: list[str]) -> bool:
    return len(syllables) == len(word) and all(
        s.isascii() and s.isalpha() and s not in NOT_TYPED for s in syllables)


def _jieba_entries(path: Path) -> dict[tuple[str, str], int]:
    """(word, reading) -> frequency; characters get every reading they have."""
    from pypinyin import lazy_pinyin

    entries: dict[tuple[str, str], int] = {}
    usage: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    chars: dict[str, tuple[str, int]] = {}
    for word, freq in sources.read_jieba(path):
        syllables = lazy_pinyin(word, errors="ignore")
        if not _valid(word, syllables):
            continue
        if len(word) == 1:
            chars[word] = (syllables[0], max(freq, chars.get(word, ("", 0))[1]))
            continue
        key = (word, "'".join(syllables))
        entries[key] = max(freq, entries.get(key, 0))
        for char, syllable in zip(word, syllables, strict=True):
            usage[char][syllable] += freq
    for char, (primary, freq) in chars.items():
        for reading, share in _reading_shares(char, primary, usage.get(char, {})).items():
            entries[(char, reading)] = int(freq * share) + 1
    return entries


def _reading_shares(char: str, primary: str, usage: dict[str, int]) -> dict[str, float]:
    """How a character's frequency is split among its readings.

    Weighted by how often listed words read the character each way (长 in 成长 vs
    长期), so 见 does not outrank 先 for "xian"; the usual reading keeps at least
    half, since a character typed alone (的 de) is read differently from in words.
    """
    from pypinyin import Style, pinyin

    readings = [r for r in pinyin(char, heteronym=True, style=Style.NORMAL)[0]
                if _valid(char, [r])]
    total = sum(usage.values())
    shares = {}
    for reading in dict.fromkeys([primary, *readings]):
        share = usage.get(reading, 0) / total if total else UNUSED_SHARE
        shares[reading] = max(share, PRIMARY_SHARE) if reading == primary else share
    return shares


def _add_domain(entries: dict[tuple[str, str], int], path: Path) -> None:
    from pypinyin import lazy_pinyin

    for word, freq, reading in sources.read_domain(path):
        syllables = reading or lazy_pinyin(word, errors="ignore")
        if _valid(word, syllables):
            entries[(word, "'".join(syllables))] = freq


def group_by_initials(entries: Iterable[tuple[tuple[str, str], int]]) -> dict[str, str]:
    """Initials -> newline-framed block of lines, most frequent first."""
    groups: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for (word, py), freq in entries:
        initials = "".join(s[0] for s in py.split("'"))
        groups[initials].append((-freq, word, py))
    return {
        initials: "\n" + "".join(f"{py}\t{word}\t{-neg}\n" for neg, word, py in sorted(rows))
        for initials, rows in groups.items()
    }


def build_index(cache_dir: Path, jieba_path: Path | None = None,
                domain_path: Path | None = None) -> Index:
    """Build the index from the word lists and store it in cache_dir (atomically)."""
    started = time.monotonic()
    if importlib.util.find_spec("pypinyin") is None:
        raise ImeError("pypinyin is not installed; cannot build the pinyin dictionary")
    key = sources.source_key(domain_path, jieba_path)
    entries = _jieba_entries(jieba_path or sources.jieba_dict_path())
    _add_domain(entries, domain_path or sources.domain_words_path())
    buckets = group_by_initials(entries.items())
    syllables = frozenset(s for _, py in entries for s in py.split("'"))
    prefixes = frozenset(k[:n] for k in buckets for n in range(1, len(k) + 1))
    index = Index(key=key, buckets=buckets,
                  syllables=syllables, prefixes=prefixes, words=len(entries))
    path = write_index(index, cache_dir)
    log.info("pinyin dictionary built", extra={"entries": len(entries), "path": str(path),
                                                "seconds": round(time.monotonic() - started, 1)})
    return index


def load_index(cache_dir: str | Path | None = None, *, build: bool = True,
               jieba_path: Path | None = None, domain_path: Path | None = None) -> Index:
    """The current index, building it first when it is missing, stale or damaged."""
    directory = cache_dir_of(cache_dir)
    path = index_path(directory, sources.source_key(domain_path, jieba_path))
    if path.is_file():
        try:
            return read_index(path)
        except ImeError:
            if not build:
                raise
    if not build:
        raise ImeError(f"pinyin dictionary not built yet: run `kiosk ime build` ({path})")
    return build_index(directory, jieba_path=jieba_path, domain_path=domain_path)
