"""Wrapping by printed width: in Chinese mode every non-ASCII character is double width.

A Chinese-font printer prints ASCII from its 12x24 font and everything else
(Han, full-width punctuation, '￥', '·') from its 24x24 font, so counting code
points, or even East Asian Width alone, would overflow lines.
"""

from __future__ import annotations

TSHEG_SHAD = "\u0f0b\u0f0d\u0f0e\u0f11\u0f14"
NO_BREAK_BEFORE = "，。、；：！？）》」』”’,.;:!?)%\u0f0d\u0f0e\u0f11\u0f14"
NO_BREAK_AFTER = "（《「『“‘(￥¥$"


def cell_width(ch: str) -> int:
    """Columns one character takes on the printer."""
    return 1 if ord(ch) < 0x80 else 2


def display_width(text: str) -> int:
    """Columns a string takes on the printer."""
    return sum(cell_width(ch) for ch in text)


def is_tibetan(text: str) -> bool:
    """True when text holds a Tibetan letter (printed as a picture: no printer font has it)."""
    return any("\u0f00" <= ch <= "\u0fff" for ch in text)


def _may_break(ch: str, nxt: str) -> bool:
    if is_tibetan(ch) or is_tibetan(nxt):   # only after a syllable, never inside a stack
        return ch in TSHEG_SHAD + " " and nxt not in NO_BREAK_BEFORE
    if nxt in NO_BREAK_BEFORE or ch in NO_BREAK_AFTER:
        return False
    if ch == " ":
        return True
    return cell_width(ch) == 2 or (cell_width(nxt) == 2 and nxt != " ")


def units(text: str) -> list[str]:
    """Unbreakable pieces: Latin words (with their trailing space), single CJK characters."""
    out, start = [], 0
    for i, ch in enumerate(text):
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if nxt and _may_break(ch, nxt):
            out.append(text[start:i + 1])
            start = i + 1
    if start < len(text):
        out.append(text[start:])
    return out


def _split_long(unit: str, width: int) -> list[str]:
    """Hard-split a piece wider than a whole line (a URL, a long number)."""
    out, cur = [], ""
    for ch in unit:
        if cur and display_width(cur + ch) > width:
            out.append(cur)
            cur = ""
        cur += ch
    return [*out, cur] if cur else out


def wrap(text: str, width: int) -> list[str]:
    """Greedy wrap into lines of at most width columns; explicit newlines are kept."""
    lines: list[str] = []
    for para in text.split("\n"):
        cur = ""
        for unit in units(para):
            if display_width(cur + unit.rstrip(" ")) <= width:
                cur += unit
                continue
            if cur:
                lines.append(cur.rstrip(" "))
            pieces = _split_long(unit.rstrip(" "), width) or [""]
            lines.extend(pieces[:-1])
            cur = pieces[-1] + (" " if unit.endswith(" ") else "")
        lines.append(cur.rstrip(" "))
    return lines


def pad(text: str, width: int, align: str) -> str:
    """Text aligned within width columns with spaces (for two-column layouts)."""
    gap = max(0, width - display_width(text))
    if align == "right":
        return " " * gap + text
    if align == "center":
        return " " * (gap // 2) + text
    return text
