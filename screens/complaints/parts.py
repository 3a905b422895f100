"""Building blocks of the complaints screens: a grid of choices (the current one
shown selected, a second tap on a multiple choice takes it back)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kivy.properties import BooleanProperty, NumericProperty
from kivy.uix.gridlayout import GridLayout

from screens.base import Shell
from screens.widgets import KButton


class FbChoice(KButton):
    """An option of a set: looks chosen when selected."""

    selected = BooleanProperty(False)


class FbGrade(FbChoice):
    """A satisfaction grade: a face drawn beside its word (5 smiles … 1 frowns)."""

    grade = NumericProperty(3)


def choices(shell: Shell, tid: str, codes: Iterable[str], words: Callable[[str], str],
            chosen: Callable[[str], bool], tap: Callable[[str], None],
            cols: int | None = None) -> GridLayout:
    """A grid with one button per code; tap(code) runs on a tap."""
    grid = GridLayout(cols=cols or (1 if shell.elder else 2), spacing=shell.theme.gap * 0.5,
                      size_hint_y=None)
    grid.bind(minimum_height=grid.setter("height"))
    for code in codes:
        button = FbChoice(tid=f"{tid}.{code}", raw=words(code), selected=chosen(code))
        button.bind(on_action=lambda _w, c=code: tap(c))
        grid.add_widget(button)
    return grid


def fill(box: object, *widgets: object) -> None:
    box.clear_widgets()  # type: ignore[attr-defined]
    for w in widgets:
        box.add_widget(w)  # type: ignore[attr-defined]
