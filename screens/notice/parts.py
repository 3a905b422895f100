"""Widgets the notice screens build from the flow's cards: a text that is as tall as
its lines, a bulleted line and a numbered step (the number in a badge, the step's own
words beside it)."""

from __future__ import annotations

from typing import Any

from kivy.uix.boxlayout import BoxLayout

from screens.theme import Theme
from screens.widgets import KLabel

POLL_S = 1.0            # how often an open notice screen looks for a sync's change


def text(raw: str, theme: Theme, *, tid: str, role: str = "body", bold: bool = False,
         colour: Any = None, **kwargs: Any) -> KLabel:
    """A wrapped label as tall as its text."""
    label = KLabel(raw=raw, role=role, bold=bold, tid=tid, size_hint_y=None, **kwargs)
    label.color = colour or theme.palette.text      # after the kv rule, which sets the text's
    label.bind(texture_size=lambda w, size: setattr(w, "height", size[1]))
    return label


def marked(mark: str, raw: str, theme: Theme, *, tid: str, badge: bool = False) -> BoxLayout:
    """A line led by a mark: a bullet, or a step's number in a round filled badge."""
    row = BoxLayout(size_hint_y=None, spacing=theme.gap * 0.5)
    # a badge a little taller than a line; a bullet one line, so it sits on the first
    base = theme.body * (1.7 if badge else theme.line_height)
    head = KLabel(raw=mark, role="body", bold=True, tid=f"{tid}.mark", halign="center",
                  size_hint=(None, None), width=base, height=base,
                  bg=theme.palette.primary if badge else (0, 0, 0, 0))
    head.color = theme.palette.on_primary if badge else theme.palette.primary
    if badge:
        head.script_scale = 1.0     # a Tibetan digit at the Tibetan scale swells the badge
    body = text(raw, theme, tid=tid)
    holder = BoxLayout(orientation="vertical", size_hint=(None, None), width=base)
    holder.add_widget(head)
    row.add_widget(holder)
    row.add_widget(body)

    def fit(*_: Any) -> None:
        # as tall as the font's line box at least (its ascent and descent are deep)
        tall = max(base, head.texture_size[1])
        head.height = tall
        if badge:
            head.width = holder.width = tall
            head.radius = tall / 2
        row.height = max(tall, body.height)
        holder.height = row.height
        holder.padding = (0, 0, 0, row.height - tall)      # the mark on the first line
    body.bind(height=fit)
    head.bind(texture_size=fit)
    fit()
    return row
