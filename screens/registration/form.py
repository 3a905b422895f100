"""Building blocks of the registration forms: a heading and a grid of choices.

The forms are long lists of option sets (education, key groups, occupation
groups...), each drawn from the flow's codes with the catalog's words for
them; a chosen option is shown as the current choice (a selected button), so
one tap chooses and a second tap on a multiple choice takes it back.
"""

from __future__ import annotations

from screens.base import Shell
from screens.widgets import ChoiceButton, KLabel, choices  # noqa: F401 - kv and screens use them


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


def toggle(values: set[str], code: str) -> None:
    """A multiple choice: a tap adds the code, a second one takes it out."""
    if code in values:
        values.discard(code)
    else:
        values.add(code)
