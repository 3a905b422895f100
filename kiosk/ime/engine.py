"""Pinyin to ranked candidates: what the keyboard's candidate bar shows.

Ranking, in order: words covering the whole input before words covering only its
beginning (pick one, the rest stays to be converted); among the latter, longer cover
first; then frequency, divided by ten for every syllable given only by its initial or
left unfinished, so whole syllables win unless the other word is far more common.
Scanning stops as soon as enough candidates are found at the best ranks, so common
inputs touch only a handful of short frequency-sorted blocks.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from kiosk.ime.build import load_index
from kiosk.ime.index import Index
from kiosk.ime.segment import Segmenter, Split

#: Score factor per token not typed as a whole syllable: "xian" means 先 before 想
#: (xiang, far more frequent), yet "zhonggu" already means 中国 more than 中古.
LOOSE_WEIGHT = 0.1
_PINYIN = re.compile(r"[a-z']+")
_NOT_LETTERS = re.compile(r"[^A-Za-z']+")


@dataclass(frozen=True)
class Candidate:
    """One choice: text to commit, its reading, and how many input characters it uses."""

    text: str
    pinyin: str
    consumed: int


class ImeEngine:
    """Looks words up in a built index; pure and thread-safe once constructed."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.segmenter = Segmenter(index.syllables, index.prefixes)

    @classmethod
    def load(cls, cache_dir: str | Path | None = None, *, build: bool = True) -> ImeEngine:
        """Engine over the cached dictionary, building it first if it is missing."""
        return cls(load_index(cache_dir, build=build))

    def lookup(self, typed: str, limit: int = 10) -> list[Candidate]:
        """Ranked candidates for typed, ending with the input itself as typed."""
        if not typed or limit <= 0:
            return []
        leading_other = _NOT_LETTERS.match(typed)
        if leading_other:  # digits and symbols pass through one run at a time
            run = leading_other.group()
            return [Candidate(run, "", len(run))]
        letters = _PINYIN.match(typed.lower())
        words = self._words(letters.group() if letters else "", max(limit - 1, 1))
        return [*words, Candidate(typed, "", len(typed))][:limit]

    def _words(self, text: str, limit: int) -> list[Candidate]:
        found: dict[str, Candidate] = {}
        for rank in _ranked_groups(self.segmenter.splits(text), len(text)):
            scored: list[tuple[float, Candidate]] = []
            for (initials, tier), splits in rank.items():
                weight = LOOSE_WEIGHT ** tier
                scored += [(freq * weight, c) for freq, c in self._scan(initials, splits, limit)]
            for _, cand in sorted(scored, key=lambda item: -item[0]):
                found.setdefault(cand.text, cand)
            if len(found) >= limit:
                break
        return list(found.values())[:limit]

    def _scan(self, initials: str, splits: list[Split], limit: int) -> list[tuple[int, Candidate]]:
        """The `limit` most frequent words with these initials that fit one of splits."""
        block = self.index.buckets.get(initials)
        if block is None:
            return []
        consumed = splits[0].consumed
        patterns = "|".join(sorted({s.pattern() for s in splits}))
        regex = re.compile(f"\n((?:{patterns}))\t([^\t\n]+)\t([0-9]+)")
        out = []
        for match in regex.finditer(block):
            out.append((int(match[3]), Candidate(match[2], match[1], consumed)))
            if len(out) >= limit:
                break
        return out


def _ranked_groups(splits: list[Split], length: int) -> list[dict[tuple[str, int], list[Split]]]:
    """Splits by rank (whole input, then longer cover first), then by initials and tier.

    Within one (initials, tier) group frequency order is score order, so scanning
    each group for its first `limit` matches is enough to rank the whole rank.
    """
    whole = [s for s in splits if s.consumed == length]
    partial = [s for s in splits if s.consumed < length and _worth_picking(s, bool(whole))]
    ranks: dict[int, dict[tuple[str, int], list[Split]]] = defaultdict(lambda: defaultdict(list))
    for split in whole + partial:
        ranks[-split.consumed][(split.initials, split.tier)].append(split)
    return [ranks[key] for key in sorted(ranks)]


def _worth_picking(split: Split, whole_exists: bool) -> bool:
    """A word for the start of the input helps only if the rest can still be typed on.

    It must end on a whole syllable (zhang of zhangsan), unless it is all initials
    (fw of fwyuan); and when the whole input can be read, the rest must be readable.
    """
    ends_well = not split.loose[-1] or all(split.loose)
    return ends_well and (split.complete or not whole_exists)
