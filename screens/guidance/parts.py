"""Building blocks of the guidance screens: refill a box with widgets."""

from __future__ import annotations

from typing import Any


def fill(box: Any, widgets: list[Any]) -> None:
    """Replace what a box shows (the flow decides what; the kv rule how it looks)."""
    box.clear_widgets()
    for w in widgets:
        box.add_widget(w)
