"""The visible widget tree as data: what tests and scripts check.

Size and contrast rules are checked against what is really on screen —
font sizes, target sizes and the colour behind each text — measured here
from the live widgets, in design pixels, points and millimetres.
"""

from __future__ import annotations

from typing import Any

from kivy.core.window import Window
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.label import Label
from kivy.uix.widget import Widget

from screens.widgets import Painted


def _visible(widget: Widget) -> bool:
    return widget.opacity > 0 and widget.width > 1 and widget.height > 1


def _background(widget: Widget, fallback: tuple[float, ...]) -> tuple[float, ...]:
    node: Any = widget
    while node is not None:
        if isinstance(node, Painted) and node.bg[3] > 0.99:
            return tuple(node.bg)
        node = node.parent if node.parent is not node else None
    return fallback


def _entry(widget: Widget, theme: Any) -> dict[str, Any]:
    x, y = widget.to_window(widget.x, widget.y)
    entry: dict[str, Any] = {
        "type": type(widget).__name__,
        "tid": getattr(widget, "tid", ""),
        "box": [round(theme.design(v), 1) for v in
                (x, Window.height - y - widget.height, widget.width, widget.height)],
        "button": isinstance(widget, ButtonBehavior),
    }
    if entry["button"]:
        short = min(widget.width, widget.height)
        entry["target_mm"] = round(theme.millimetres(short), 2)
        entry["target_dp"] = round(theme.dp(short), 1)
    if isinstance(widget, Label) and widget.text.strip():
        entry.update(_text_entry(widget, theme))
    return entry


def _text_entry(label: Label, theme: Any) -> dict[str, Any]:
    return {
        "text": label.text,
        "raw": getattr(label, "raw", label.text),
        "role": getattr(label, "role", ""),
        "font_name": label.font_name,
        "font_pt": round(theme.points(label.font_size), 2),
        "line_height": label.line_height,
        "color": list(label.color),
        "background": list(_background(label, theme.palette.background)),
        "clipped": (label.texture_size[0] > label.width + 2
                    or label.texture_size[1] > label.height + 2),
    }


def _walk(widget: Widget, theme: Any, out: list[dict[str, Any]]) -> None:
    if not _visible(widget):
        return
    out.append(_entry(widget, theme))
    for child in reversed(widget.children):
        _walk(child, theme, out)


def dump(app: Any) -> dict[str, Any]:
    """Every visible widget of the window (screens and overlays)."""
    widgets: list[dict[str, Any]] = []
    for child in reversed(Window.children):
        _walk(child, app.theme, widgets)
    return {"screen": app.root.current, "lang": app.lang, "elder": app.elder,
            "window": [Window.width, Window.height], "widgets": widgets}


def find(app: Any, tid: str) -> Widget | None:
    """The visible widget with this test id, overlays first."""
    for root in list(Window.children):
        for widget in root.walk():
            if getattr(widget, "tid", "") == tid and _visible(widget):
                return widget
    return None
