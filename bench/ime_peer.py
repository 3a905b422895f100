"""The naive peer: a linear scan over every dictionary entry for each lookup.

It reads the same built dictionary and applies the same reading of the input (each
syllable typed whole or by a beginning, the word covering the whole input or its
start), but tests every entry one by one instead of going through the initials
groups, then sorts what it found: whole-input words, then longer cover, then frequency.
"""

from __future__ import annotations

import heapq

from kiosk.ime.index import Index


class NaivePeer:
    """Every entry as (syllables, word, frequency) in one flat list."""

    def __init__(self, index: Index) -> None:
        self.entries = [
            (tuple(py.split("'")), word, int(freq))
            for block in index.buckets.values()
            for py, word, freq in (line.split("\t") for line in block.strip("\n").split("\n"))
        ]

    def lookup(self, typed: str, limit: int = 10) -> list[tuple[str, int]]:
        """(word, letters covered) for the best `limit` entries."""
        text = typed.lower().replace("'", "")
        found = []
        for syllables, word, freq in self.entries:
            if syllables[0][0] != text[0]:
                continue
            covered = _cover(text, 0, syllables, 0)
            if covered:
                found.append((covered == len(text), covered, freq, word))
        best = heapq.nlargest(limit * 3, found)
        out: dict[str, int] = {}
        for _, covered, _, word in best:
            out.setdefault(word, covered)
        return list(out.items())[:limit]


def _cover(text: str, pos: int, syllables: tuple[str, ...], i: int) -> int:
    """Letters of text covered when syllables[i:] start at pos (0 when they cannot)."""
    if i == len(syllables):
        return pos
    syllable = syllables[i]
    best = 0
    for n in range(min(len(syllable), len(text) - pos), 0, -1):
        if text[pos:pos + n] == syllable[:n]:
            best = max(best, _cover(text, pos + n, syllables, i + 1))
    return best
