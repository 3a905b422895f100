"""Line breaking for Tibetan, Chinese and Latin text, by one set of rules.

Tibetan: only at syllable boundaries, never inside a stack.

Tibetan has no spaces between words; a line may break after the tsheg (་)
that ends a syllable or after a shad (།) and the spaces that follow it.
Breaking anywhere else would split a syllable or tear a consonant stack
apart. The width measure is injected so the same rule serves the screens
(Kivy text extents) and the receipts (Pillow text length).

Chinese may break between any two characters, except before closing
punctuation (，。、) or after opening punctuation (（《“); Latin words break
at spaces.
"""

from __future__ import annotations

from collections.abc import Callable

TSHEG = "\u0f0b"
SHADS = "\u0f0d\u0f0e\u0f11\u0f14"
_BREAK_AFTER = TSHEG + SHADS + " "
_NO_BREAK_BEFORE = "，。、；：！？）》」』”’,.;:!?)%"
_NO_BREAK_AFTER = "（《「『“‘(¥$"


def is_tibetan(text: str) -> bool:
    """True when text contains any Tibetan letter."""
    return any("\u0f00" <= ch <= "\u0fff" for ch in text)


def _is_wide(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\uffef" or "\u3000" <= ch <= "\u303f"


def _may_break(ch: str, nxt: str) -> bool:
    """True when a line may end between ch and nxt."""
    if not nxt or nxt in _NO_BREAK_BEFORE or ch in _NO_BREAK_AFTER:
        return False
    if ch in _BREAK_AFTER:
        return nxt not in SHADS + " "
    return _is_wide(ch) or (_is_wide(nxt) and ch != " " and not is_tibetan(ch))


def units(text: str) -> list[str]:
    """Split text into unbreakable units, each ending where a break is allowed."""
    out: list[str] = []
    start = 0
    for i, ch in enumerate(text):
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if _may_break(ch, nxt):
            out.append(text[start:i + 1])
            start = i + 1
    if start < len(text):
        out.append(text[start:])
    return out


def wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Greedy wrap of text into lines no wider than width where a break allows.

    A single unit wider than the line stays whole on its own line: a clipped
    syllable is better than a torn one. Explicit newlines are kept.
    """
    lines: list[str] = []
    for para in text.split("\n"):
        lines.extend(_wrap_paragraph(para, width, measure))
    return lines


def _wrap_paragraph(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    lines: list[str] = []
    current = ""
    for unit in units(text):
        candidate = current + unit
        if current and measure(candidate.rstrip()) > width:
            lines.append(current.rstrip())
            current = unit.lstrip(" ")
        else:
            current = candidate
    lines.append(current.rstrip())
    return lines
