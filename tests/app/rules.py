"""The rules of the service standards, checked on a widget tree as a visitor sees it.

Sizes and contrast (WCAG, 长辈版 minimums), Tibetan line breaks, and what is
on the glass: every fixed widget and every scroll container inside the window
(content inside a scroll container may run past it: the visitor scrolls),
no fixed tap target half under an overlay (a scrolling one can be scrolled
out from under the docked keyboard), and no text cut off or shortened except
where a widget shortens on purpose (`shorten` / `may_elide`, recorded only).
"""

from __future__ import annotations

import re
from typing import Any

from kiosk.fonts import CJK_LINE_EM, TIBETAN_LINE_EM
from kiosk.text.linebreak import is_tibetan, units


def _luminance(rgba: list[float]) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgba[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg: list[float], bg: list[float]) -> float:
    """WCAG contrast ratio of two opaque colours."""
    hi, lo = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def violations(tree: dict[str, Any]) -> list[str]:
    """Every broken rule, as readable lines naming the widget."""
    elder = tree["elder"]
    out: list[str] = []
    for w in tree["widgets"]:
        name = f"{tree['screen']}/{w['tid'] or w['type']}"
        out += _glass_rules(name, w)
        if w["button"]:
            out += _target_rules(name, w, elder)
        if "text" in w:
            out += _text_rules(name, w, elder)
    return out


def shortened(tree: dict[str, Any]) -> list[str]:
    """Texts shortened on purpose (allowed, listed so a report can show them)."""
    return [w["raw"] for w in tree["widgets"]
            if "text" in w and w["may_elide"] and (w["elided"] or w["clipped"])]


def _glass_rules(name: str, w: dict[str, Any]) -> list[str]:
    out = []
    if not w["in_scroll"] and not w["in_window"]:
        out.append(f"{name}: outside the window at {w['box']}")
    if w["button"] and not w["in_scroll"] and 0 < w["covered"] < 1:
        out.append(f"{name}: target {w['covered']:.0%} under an overlay")
    if w["button"] and w.get("taken_by"):
        out.append(f"{name}: its taps go to the disabled {w['taken_by']} over it")
    return out


def _target_rules(name: str, w: dict[str, Any], elder: bool) -> list[str]:
    out = []
    if elder and (w["target_dp"] < 60 or w["target_mm"] < 15):
        out.append(f"{name}: target {w['target_dp']} dp / {w['target_mm']} mm")
    if not elder and w["target_dp"] < 44:
        out.append(f"{name}: target {w['target_dp']} dp")
    return out


def _text_rules(name: str, w: dict[str, Any], elder: bool) -> list[str]:
    out = []
    if (w["elided"] or w["clipped"]) and not w["may_elide"]:
        cut = "clipped" if w["clipped"] else "cut short"
        out.append(f"{name}: text {cut}: {w['raw']!r}")
    ratio = contrast(w["color"], w["background"])
    if ratio < (7.0 if elder else 4.5):
        out.append(f"{name}: contrast {ratio:.2f} for {w['raw']!r}")
    if elder:
        minimum = 30 if w["role"] in ("heading", "title", "tile_title") else 18
        if w["font_pt"] < minimum:
            out.append(f"{name}: {w['font_pt']} pt < {minimum} for {w['raw']!r}")
        # 1.3 lines of Han; Kivy's line_height multiplies the face's own line box, and
        # a Tibetan face's is taller for the same size
        box = TIBETAN_LINE_EM if "Tibetan" in str(w["font_name"]) else CJK_LINE_EM
        if w["line_height"] * box < 1.3 * CJK_LINE_EM:
            out.append(f"{name}: line height {w['line_height']}")
    if is_tibetan(w["raw"]):
        out += _tibetan_rules(name, w)
    return out


_FONT_TAGS = re.compile(r"\[/?(font|size)[^\]]*\]")


def _tibetan_rules(name: str, w: dict[str, Any]) -> list[str]:
    out = []
    if "Tibetan" not in w["font_name"] and "Tibetan" not in str(w.get("font_name")):
        out.append(f"{name}: Tibetan text without the Tibetan font")
    pieces = units(w["raw"])
    ends, pos = set(), 0
    for piece in pieces:
        pos += len(piece)
        ends.add(pos)
    ends |= {i for i, c in enumerate(w["raw"]) if c == "\n"}     # the text's own breaks
    pos = 0
    for line in w["text"].split("\n")[:-1]:
        line = _FONT_TAGS.sub("", line)      # other scripts' runs are marked up by font and size
        pos = w["raw"].index(line, pos) + len(line)
        rest = w["raw"][pos:]
        boundary = pos + (len(rest) - len(rest.lstrip(" ")))
        if pos not in ends and boundary not in ends:
            out.append(f"{name}: Tibetan line broken inside a syllable: {line!r}")
    return out
