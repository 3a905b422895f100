"""The visible widget tree as data: what tests and scripts check.

Size and contrast rules are checked against what is really on screen —
font sizes, target sizes and the colour behind each text — measured here
from the live widgets, in design pixels, points and millimetres.

"Visible" means what a visitor can see on the glass, not what a widget's own
box says: each widget is clipped by the window and by every scrolling (stencil)
ancestor, and an open overlay above it covers it — all of the window when it
dims the screen behind, its own box when it does not (the docked keyboard).
A label also records whether it drew all of its text (`elided`) and which of
its lines the visitor can read (`shown_text`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kivy.core.window import Window
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.label import Label
from kivy.uix.modalview import ModalView
from kivy.uix.stencilview import StencilView
from kivy.uix.widget import Widget

from screens.widgets import Painted, ShownRow

Rect = tuple[float, float, float, float]    # left, bottom, right, top in window pixels
_SLACK = 1.5                                 # rounding of layout positions, in pixels
_MARKUP = re.compile(r"\[/?[a-z_]+(=[^\]]*)?\]")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Glass:
    """Where a subtree can be seen: its clip and what lies on top of it."""

    clip: Rect
    covers: tuple[Rect, ...]
    in_scroll: bool = False


def _visible(widget: Widget) -> bool:
    return widget.opacity > 0 and widget.width > 1 and widget.height > 1


def _window_rect() -> Rect:
    return (0.0, 0.0, float(Window.width), float(Window.height))


def _rect(widget: Widget) -> Rect:
    x, y = widget.to_window(widget.x, widget.y)
    return (x, y, x + widget.width, y + widget.height)


def _intersect(a: Rect, b: Rect) -> Rect | None:
    left, bottom, right, top = max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])
    if right - left < 0.5 or top - bottom < 0.5:
        return None
    return (left, bottom, right, top)


def _area(r: Rect | None) -> float:
    return 0.0 if r is None else (r[2] - r[0]) * (r[3] - r[1])


def _inside(inner: Rect, outer: Rect) -> bool:
    return (inner[0] >= outer[0] - _SLACK and inner[1] >= outer[1] - _SLACK
            and inner[2] <= outer[2] + _SLACK and inner[3] <= outer[3] + _SLACK)


def _cover_of(root: Widget) -> Rect | None:
    """What an open overlay hides: the whole window when it dims what is behind
    (touches there never reach it), else its own box."""
    if not isinstance(root, ModalView) or not _visible(root):
        return None
    if root.overlay_color[3] > 0:
        return _window_rect()
    return _rect(root)


def _layers() -> list[tuple[Widget, tuple[Rect, ...]]]:
    """The window's children bottom first, each with the covers of the overlays above it."""
    roots = list(reversed(Window.children))
    out = []
    for i, root in enumerate(roots):
        covers = tuple(c for c in (_cover_of(r) for r in roots[i + 1:]) if c is not None)
        out.append((root, covers))
    return out


def _covered(glass: Rect | None, covers: tuple[Rect, ...]) -> float:
    """Share of the visible part that lies under an overlay (0 to 1)."""
    if glass is None or not covers:
        return 0.0
    area = _area(glass)
    return round(min(1.0, max(_area(_intersect(glass, c)) for c in covers) / area), 3)


def _inner(widget: Widget, here: Glass, rect: Rect) -> Glass:
    """The glass a widget's children are seen through (a stencil clips them)."""
    if not isinstance(widget, StencilView):
        return here
    clip = _intersect(here.clip, rect) or (rect[0], rect[1], rect[0], rect[1])
    return Glass(clip, here.covers, True)


# -- text ----------------------------------------------------------------------------
def _plain(text: str) -> str:
    return _SPACE.sub("", text)


def _lines(label: Label) -> list[Any]:
    core = getattr(label, "_label", None)
    return list(getattr(core, "_cached_lines", None) or [])


def _line_text(line: Any) -> str:
    return "".join(getattr(word, "text", "") for word in line.words)


def _source_text(label: Label) -> str:
    shown = getattr(label, "shown", None)       # the words as drawn, a check mark included
    raw = shown() if callable(shown) else getattr(label, "raw", "")
    if raw:
        return raw
    return _MARKUP.sub("", label.text) if label.markup else label.text


def _elided(label: Label) -> bool:
    """The label drew less than its text: shortened with an ellipsis, cut by
    max_lines or by a fixed height, or a line wider than its room."""
    core = getattr(label, "_label", None)
    if core is None:
        return False
    if getattr(core, "is_shortened", False):
        return True
    drawn = _plain("".join(_line_text(line) for line in _lines(label)))
    if drawn != _plain(_source_text(label)):
        return True
    room = label.width - label.padding[0] - label.padding[2]
    inner = getattr(core, "_internal_size", (0, 0))
    return inner[0] > room + 2


def _line_boxes(label: Label, rect: Rect) -> list[tuple[Rect, str]]:
    """Each drawn line of a label with its box in the window, placed the way Kivy
    places them in the texture (the text providers do not all record it)."""
    core = getattr(label, "_label", None)
    lines = _lines(label)
    if core is None or not lines:
        return []
    tw, th = label.texture_size
    left = (rect[0] + rect[2]) / 2 - tw / 2
    top = (rect[1] + rect[3]) / 2 + th / 2
    inner_h = getattr(core, "_internal_size", (0, th))[1]
    pad_left, pad_top, pad_right = label.padding[0], label.padding[1], label.padding[2]
    y = {"top": pad_top, "bottom": th - inner_h + pad_top}.get(
        label.valign, (th - inner_h + 2 * pad_top) / 2)
    out = []
    for line in lines:
        x = {"left": pad_left, "right": tw - line.w - pad_right}.get(
            label.halign, (tw - line.w) / 2)
        out.append(((left + x, top - y - line.h, left + x + line.w, top - y), _line_text(line)))
        y += line.h
    return out


def _shown_text(label: Label, rect: Rect, clip: Rect, covers: tuple[Rect, ...]) -> str:
    """The label's lines a visitor can read: on the glass and under no overlay."""
    shown = []
    for box, text in _line_boxes(label, rect):
        middle = (box[1] + box[3]) / 2
        readable = (clip[0] - _SLACK <= box[0] and box[2] <= clip[2] + _SLACK
                    and clip[1] <= middle <= clip[3])
        if readable and not any(_intersect(box, c) for c in covers):
            shown.append(text)
    return "\n".join(shown)


# -- entries -------------------------------------------------------------------------
def _background(widget: Widget, fallback: tuple[float, ...]) -> tuple[float, ...]:
    node: Any = widget
    while node is not None:
        if isinstance(node, Painted) and node.bg[3] > 0.99:
            return tuple(node.bg)
        node = node.parent if node.parent is not node else None
    return fallback


def _design_box(theme: Any, r: Rect | None) -> list[float] | None:
    if r is None:
        return None
    return [round(theme.design(v), 1) for v in
            (r[0], Window.height - r[3], r[2] - r[0], r[3] - r[1])]


def _entry(widget: Widget, theme: Any, rect: Rect, here: Glass) -> dict[str, Any]:
    glass = _intersect(rect, here.clip)
    covered = _covered(glass, here.covers)
    area = _area(rect)
    entry: dict[str, Any] = {
        "type": type(widget).__name__,
        "tid": getattr(widget, "tid", ""),
        "box": _design_box(theme, rect),
        "button": isinstance(widget, ButtonBehavior),
        "in_window": _inside(rect, _window_rect()),
        "in_scroll": here.in_scroll,
        "on_glass": _design_box(theme, glass),
        "shown": round(_area(glass) / area * (1 - covered), 3) if area else 0.0,
        "covered": covered,
    }
    if entry["button"]:
        short = min(widget.width, widget.height)
        entry["target_mm"] = round(theme.millimetres(short), 2)
        entry["target_dp"] = round(theme.dp(short), 1)
        entry["disabled"] = bool(widget.disabled)
        cx, cy = widget.to_window(*widget.center)
        if not widget.disabled and _intersect((cx - 0.5, cy - 0.5, cx + 0.5, cy + 0.5),
                                              here.clip):
            # a target scrolled away is tapped after a swipe, not where it is now
            taker = touch_taker(widget)
            entry["taken_by"] = "" if taker is None else (
                getattr(taker, "tid", "") or type(taker).__name__)
    if isinstance(widget, Label) and widget.text.strip():
        entry.update(_text_entry(widget, theme))
        entry["shown_text"] = _shown_text(widget, rect, here.clip, here.covers)
    return entry


def _text_entry(label: Label, theme: Any) -> dict[str, Any]:
    return {
        "text": label.text,
        "raw": _source_text(label) if getattr(label, "raw", "") else label.text,
        "role": getattr(label, "role", ""),
        "font_name": label.font_name,
        "font_pt": round(theme.points(label.font_size), 2),
        "line_height": label.line_height,
        "color": list(label.color),
        "background": list(_background(label, theme.palette.background)),
        "clipped": (label.texture_size[0] > label.width + 2
                    or label.texture_size[1] > label.height + 2),
        "elided": _elided(label),
        # a widget that shortens on purpose (a job card's one-line title) says so
        "may_elide": bool(label.shorten or getattr(label, "may_elide", False)),
    }


def _walk(widget: Widget, theme: Any, here: Glass, out: list[dict[str, Any]]) -> None:
    if not _visible(widget):
        return
    rect = _rect(widget)
    out.append(_entry(widget, theme, rect, here))
    inner = _inner(widget, here, rect)
    for child in reversed(widget.children):
        _walk(child, theme, inner, out)


def dump(app: Any) -> dict[str, Any]:
    """Every visible widget of the window (screens and overlays), with what of it
    a visitor really sees."""
    widgets: list[dict[str, Any]] = []
    for root, covers in _layers():
        _walk(root, app.theme, Glass(_window_rect(), covers), widgets)
    return {"screen": app.root.current, "lang": app.lang, "elder": app.elder,
            "window": [Window.width, Window.height], "widgets": widgets}


def _texts(widget: Widget, here: Glass, out: list[str]) -> None:
    if not _visible(widget):
        return
    rect = _rect(widget)
    if isinstance(widget, Label) and widget.text.strip():
        text = _shown_text(widget, rect, here.clip, here.covers)
        if text:
            out.append(text)
    inner = _inner(widget, here, rect)
    for child in widget.children:
        _texts(child, inner, out)


def shown_texts() -> list[str]:
    """Every text a visitor can read now, line by line as drawn (cheaper than dump)."""
    out: list[str] = []
    for root, covers in _layers():
        _texts(root, Glass(_window_rect(), covers), out)
    return out


def readable(text: str, shown: list[str]) -> str:
    """The shown text that contains text (spaces and line breaks ignored), or ""."""
    wanted = _plain(text)
    return next((s for s in shown if wanted in _plain(s)), "")


def find(app: Any, tid: str, *, visible: bool = True) -> Widget | None:
    """The widget with this test id, overlays first (visible: only a drawn one)."""
    for root in list(Window.children):
        for widget in root.walk():
            if getattr(widget, "tid", "") == tid and (not visible or _visible(widget)):
                return widget
    return None


def find_text(text: str) -> Label | None:
    """The drawn label whose source text contains text, overlays first."""
    wanted = _plain(text)
    for root in list(Window.children):
        for widget in root.walk():
            if isinstance(widget, Label) and _visible(widget) \
                    and wanted in _plain(_source_text(widget)):
                return widget
    return None


def _collides(widget: Widget, x: float, y: float) -> bool:
    left, bottom, right, top = _rect(widget)
    return left <= x <= right and bottom <= y <= top


def _first_taker(node: Widget, target: Widget, x: float, y: float) -> Widget | None:
    """Kivy's touch order from node down: children last added first, and a disabled
    widget under the finger keeps the touch. Returns the disabled widget that would
    keep a touch at (x, y) before it reaches target, the target itself when it gets
    there first, or None. Clipping views are only entered where the point is inside."""
    if node is target:
        return target
    if isinstance(node, ShownRow) and not node.shown:
        return None
    if isinstance(node, StencilView) and not _collides(node, x, y):
        return None
    if node.disabled and _collides(node, x, y):
        return node
    for child in node.children[:]:
        found = _first_taker(child, target, x, y)
        if found is not None:
            return found
    return None


def touch_taker(widget: Widget) -> Widget | None:
    """The disabled widget (hidden or not) that would keep a tap on this widget's
    middle, or None when the tap reaches it: Kivy gives a touch to a disabled widget
    under the finger even when it is transparent, so a widget hidden only by opacity
    over a list silently eats the taps meant for the list."""
    x, y = widget.to_window(*widget.center)
    for root in Window.children[:]:
        found = _first_taker(root, widget, x, y)
        if found is not None:
            return None if found is widget else found
    return None


def unreachable(widget: Widget) -> str:
    """Why no finger could tap the widget's middle now, or "" when one could."""
    if widget.disabled:
        return "it is disabled"
    if widget.width <= 1 or widget.height <= 1:
        return "it has no size"
    chain, node = [], widget
    while node is not None and node is not Window:
        chain.append(node)
        if node.opacity <= 0:
            return "it is transparent" if node is widget else "it is inside a hidden widget"
        node = node.parent
    x, y = widget.to_window(*widget.center)
    point = (x - 0.5, y - 0.5, x + 0.5, y + 0.5)
    for node in chain:
        if isinstance(node, StencilView) and node is not widget \
                and _intersect(point, _rect(node)) is None:
            return "its middle is scrolled out of view"
    if _intersect(point, _window_rect()) is None:
        return "its middle is outside the window"
    for root, covers in _layers():
        if root in chain and any(_intersect(point, c) for c in covers):
            return "an overlay covers it"
    taker = touch_taker(widget)
    if taker is not None:
        return f"a disabled {type(taker).__name__} {getattr(taker, 'tid', '')!r} keeps its touches"
    return ""
