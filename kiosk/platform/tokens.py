"""Text to index tokens the way Lucene's CJK analyzer does: overlapping bigrams.

Most Chinese job words are two characters (司机, 保安, 会计), which FTS5's
trigram tokenizer cannot match and a LIKE scan finds only by reading every
row. Indexing each run of Han characters as overlapping bigrams (司机员 ->
司机 机员) makes a two-character word one token and a longer word a phrase of
bigrams; single characters go to a separate index of the distinct characters
of each posting. Runs of ASCII letters and digits are whole lower-case words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_RUNS = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+)"
                   r"|([0-9a-z]+)")


GAP = "、"  # a token no query produces: keeps phrases from running across punctuation


def normalise(text: str) -> str:
    """Full-width letters and digits to ASCII, lower case (ＣＡＤ -> cad)."""
    return unicodedata.normalize("NFKC", text).lower()


def runs(text: str) -> list[tuple[bool, str]]:
    """(is_han, run) pairs in order; everything else separates runs."""
    return [(bool(m.group(1)), m.group(0)) for m in _RUNS.finditer(normalise(text))]


def bigrams(run: str) -> list[str]:
    """Overlapping bigrams of a Han run; a lone character stands for itself."""
    if len(run) < 2:
        return [run]
    return [run[i:i + 2] for i in range(len(run) - 1)]


def index_tokens(text: str | None) -> str:
    """The space-separated tokens stored in the bigram index for one field."""
    out: list[str] = []
    after_han = False
    for han, run in runs(text or ""):
        if han and after_han:
            out.append(GAP)  # 收银，银员 must not match the phrase 收银 银员
        out.extend(bigrams(run) if han else [run])
        after_han = han
    return " ".join(out)


def index_chars(*texts: str | None) -> str:
    """The distinct Han characters of a posting, for one-character queries."""
    seen = {ch for text in texts for han, run in runs(text or "") if han for ch in run}
    return " ".join(sorted(seen))


@dataclass(frozen=True)
class Query:
    """A parsed search: FTS5 expressions for the bigram and character indexes."""

    bigram_expr: str | None
    char_expr: str | None

    @property
    def empty(self) -> bool:
        return self.bigram_expr is None and self.char_expr is None


def parse_query(text: str) -> Query:
    """Every part must match: Han runs as bigram phrases, lone Han characters
    through the character index, ASCII words as prefixes."""
    phrases: list[str] = []
    chars: list[str] = []
    for han, run in runs(text):
        if han and len(run) == 1:
            chars.append(run)
        elif han:
            phrases.append('"' + " ".join(bigrams(run)) + '"')
        else:
            phrases.append(f'"{run}"*')
    return Query(" AND ".join(phrases) or None, " AND ".join(sorted(set(chars))) or None)
