"""Building blocks of the complaints screens: a grid of choices (the current one
shown selected, a second tap on a multiple choice takes it back)."""

from __future__ import annotations

from kivy.properties import NumericProperty

from screens.widgets import ChoiceButton, choices  # noqa: F401 - the flow's screens use choices


class FbGrade(ChoiceButton):
    """A satisfaction grade: a face drawn beside its word (5 smiles … 1 frowns)."""

    grade = NumericProperty(3)


def fill(box: object, *widgets: object) -> None:
    box.clear_widgets()  # type: ignore[attr-defined]
    for w in widgets:
        box.add_widget(w)  # type: ignore[attr-defined]
