"""Split typed letters into pinyin syllables, every way the dictionary allows.

"xian" is one syllable (先) or two (西安); "fwyuan" is three initials-or-syllables
(服务员). A token is either a whole syllable, an initial standing for any syllable
that starts with it (f, zh), or - only at the very end - any beginning of a syllable
the visitor has not finished typing (fuwuy). The walk is pruned by the initials of
the words that exist, so even long inputs only try a few dozen splits.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Letters that may stand for a whole syllable in the middle of the input.
INITIALS = frozenset("bcdfghjklmnpqrstwxyz") | {"zh", "ch", "sh"}
#: Interjection readings (嗯 ng, 呣 m) that would let any n, m or ng split off.
NOT_TYPED = frozenset({"m", "n", "ng", "hm", "hng"})
#: Spellings of ü syllables people type besides the v form the dictionary uses.
ALIASES = {"lue": "lve", "nue": "nve"}
MAX_SYLLABLE_LETTERS = 6


@dataclass(frozen=True)
class Split:
    """One way to read the first `consumed` characters of the input.

    loose[i] is True when tokens[i] may be the start of a longer syllable.
    complete is True when some split starting like this one covers the whole input.
    """

    tokens: tuple[str, ...]
    loose: tuple[bool, ...]
    consumed: int
    complete: bool

    @property
    def initials(self) -> str:
        return "".join(t[0] for t in self.tokens)

    @property
    def tier(self) -> int:
        """How many tokens are not whole syllables (fewer means a closer match)."""
        return sum(self.loose)

    def pattern(self) -> str:
        """Regular expression for the apostrophe-joined syllables of matching words."""
        pairs = zip(self.tokens, self.loose, strict=True)
        return "'".join(t + "[a-z]*" if lo else t for t, lo in pairs)


class Segmenter:
    """Enumerates the splits of an input that could match dictionary words."""

    def __init__(self, syllables: frozenset[str], key_prefixes: frozenset[str],
                 max_tokens: int = 8) -> None:
        self.syllables = syllables - NOT_TYPED
        self.key_prefixes = key_prefixes
        self.max_tokens = max_tokens
        starts = {s[:n] for s in self.syllables for n in range(1, len(s))}
        self.open_prefixes = frozenset(starts)  # beginnings that a longer syllable continues

    def splits(self, text: str) -> list[Split]:
        """All splits of text (lower-case letters and apostrophes), whole or partial."""
        found: list[Split] = []
        self._walk(text, 0, (), (), "", found)
        return found

    def _walk(self, text: str, pos: int, tokens: tuple[str, ...], loose: tuple[bool, ...],
              key: str, found: list[Split]) -> bool:
        while pos < len(text) and text[pos] == "'":
            pos += 1
        if pos == len(text):
            if tokens:
                found.append(Split(tokens, loose, pos, True))
            return bool(tokens)
        reached = False
        if len(tokens) < self.max_tokens and key + text[pos] in self.key_prefixes:
            for token, is_loose in self._tokens_at(text, pos):
                reached |= self._walk(text, pos + len(token), tokens + (token,),
                                      loose + (is_loose,), key + token[0], found)
        if tokens:
            found.append(Split(tokens, loose, pos, reached))
        return reached

    def _tokens_at(self, text: str, pos: int) -> list[tuple[str, bool]]:
        """(token, loose) pairs that may start at pos."""
        out = []
        for end in range(pos + 1, min(len(text), pos + MAX_SYLLABLE_LETTERS) + 1):
            piece = text[pos:end]
            if "'" in piece:
                break
            whole = piece in self.syllables
            if whole:
                out.append((piece, False))
            elif piece in ALIASES:  # same length, so positions in the input still add up
                out.append((ALIASES[piece], False))
            if end == len(text):
                if piece in self.open_prefixes:
                    out.append((piece, True))
            elif piece in INITIALS and not whole and text[pos:end + 1] not in INITIALS:
                out.append((piece, True))  # "zh" is always zh, never z + h
        return out
