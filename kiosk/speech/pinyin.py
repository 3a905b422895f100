"""Chinese text as tone-numbered pinyin for espeak-ng's cmn-latn-pinyin voice.

espeak-ng's own `cmn` voice reads the tone digits of its pinyin aloud in English;
the cmn-latn-pinyin voice takes "ni3 hao3" and says the tones. pypinyin resolves
polyphones (银行 háng, 行长 zhǎng) with its phrase dictionary. Punctuation becomes
a pause (a comma or a full stop that espeak-ng keeps).
"""

from __future__ import annotations

import re

_PAUSES = {"，": ",", "、": ",", "；": ",", "：": ",", "。": ".", "？": "?", "！": ".",
           ",": ",", ";": ",", ":": ",", ".": ".", "?": "?", "!": "."}
_HAN = re.compile(r"[\u3400-\u9fff]")


def to_pinyin(text: str) -> str:
    """"您还在吗？" → "nin2 hai2 zai4 ma5 ?" (Latin words kept whole, other marks dropped)."""
    from pypinyin import Style, lazy_pinyin

    words: list[str] = []
    for piece in lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True,
                             errors=lambda s: _TOKEN.findall(s)):
        piece = piece.strip()
        if not piece:
            continue
        if piece in _PAUSES:
            if words and words[-1] not in _PAUSES.values():
                words.append(_PAUSES[piece])
        elif piece.isalnum() and _HAN.search(piece) is None:
            words.append(piece.lower() if piece.isascii() else piece)
    return " ".join(words)


_TOKEN = re.compile(r"\w+|[^\w\s]")
