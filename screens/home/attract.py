"""The attract screen: shown between visitors.

It also asks the previous visitor to take what a device still holds (their
ID card, their receipt), so nothing of theirs is left for the next person.
"""

from __future__ import annotations

from kivy.properties import StringProperty

from screens.base import KioskScreen

TAKE_KEYS = {"card": "attract.take_card", "receipt": "attract.take_receipt"}


class AttractScreen(KioskScreen):
    """Welcome, touch to start, and reminders for left items."""

    take_text = StringProperty("")

    def show_items(self, items: list[str], tr) -> None:
        """Show a reminder for each item a device still holds."""
        self.take_text = "\n".join(tr(TAKE_KEYS[i]) for i in items if i in TAKE_KEYS)
