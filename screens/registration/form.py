"""Building blocks of the registration forms: a heading and a grid of choices.

The forms are long lists of option sets (education, key groups, occupation
groups...), each drawn from the flow's codes with the catalog's words for
them; a chosen option is shown as the current choice (a selected button), so
one tap chooses and a second tap on a multiple choice takes it back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kivy.properties import BooleanProperty
from kivy.uix.gridlayout import GridLayout

from screens.base import Shell
from screens.widgets import KButton, KLabel


class ChoiceButton(KButton):
    """An option of a set: looks chosen when selected, and a tap on it still counts
    (a multiple choice is taken back by a second tap)."""

    selected = BooleanProperty(False)


def heading(shell: Shell, text: str, tid: str) -> KLabel:
    """A section's heading, as tall as its wrapped text."""
    label = KLabel(raw=text, role="heading", bold=True, size_hint_y=None, tid=tid)
    label.bind(texture_size=lambda w, size: setattr(w, "height", size[1]))
    return label


def note(shell: Shell, text: str, tid: str, accent: bool = False) -> KLabel:
    """A line of explanation (or a problem, in the accent colour)."""
    label = KLabel(raw=text, size_hint_y=None, tid=tid)
    if accent:
        label.color = shell.theme.palette.accent
    label.bind(texture_size=lambda w, size: setattr(w, "height", size[1]))
    return label


def choices(shell: Shell, tid: str, codes: Iterable[str], words: Callable[[str], str],
            chosen: Callable[[str], bool], tap: Callable[[str], None],
            cols: int | None = None) -> GridLayout:
    """A grid with one button per code; tap(code) runs on a tap, then the form redraws."""
    grid = GridLayout(cols=cols or (1 if shell.elder else 2), spacing=shell.theme.gap * 0.5,
                      size_hint_y=None)
    grid.bind(minimum_height=grid.setter("height"))
    for code in codes:
        button = ChoiceButton(tid=f"{tid}.{code}", raw=words(code), selected=chosen(code))
        button.bind(on_action=lambda _w, c=code: tap(c))
        grid.add_widget(button)
    return grid


def toggle(values: set[str], code: str) -> None:
    """A multiple choice: a tap adds the code, a second one takes it out."""
    if code in values:
        values.discard(code)
    else:
        values.add(code)
