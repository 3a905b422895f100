"""The attract screen: shown between visitors.

It also asks the previous visitor to take what a device still holds (their
ID card, their receipt), so nothing of theirs is left for the next person, and
cycles short cards of the public notice while the terminal is idle. Which card
shows is the home flow's rule, on the session's injected clock; the screen only
looks twice a second while it is shown. The card's widgets are made when the
first card is due (the catalog is wired after the first frame), so the first
frame costs what it cost before there were cards.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kivy.clock import Clock
from kivy.properties import StringProperty

from screens.base import KioskScreen

if TYPE_CHECKING:
    from kivy.uix.widget import Widget

    from kiosk.flows.home.flow import HomeFlow
    from kiosk.flows.notice.present import AttractCard

TAKE_KEYS = {"card": "attract.take_card", "receipt": "attract.take_receipt"}
CARD_POLL_S = 0.5


class AttractScreen(KioskScreen):
    """Welcome, touch to start, reminders for left items, and the notice's short cards."""

    flow: HomeFlow | None
    take_text = StringProperty("")

    def __init__(self, **kwargs: Any) -> None:
        self._card_poll = None
        self._card: AttractCard | None = None
        self._card_widget: Widget | None = None
        super().__init__(**kwargs)

    def show_items(self, items: list[str], tr) -> None:
        """Show a reminder for each item a device still holds."""
        self.take_text = "\n".join(tr(TAKE_KEYS[i]) for i in items if i in TAKE_KEYS)

    def on_enter(self, *_: Any) -> None:
        if self._card_poll is None:
            self._card_poll = Clock.schedule_interval(lambda _dt: self.show_card(),
                                                      CARD_POLL_S)

    def on_leave(self, *_: Any) -> None:
        if self._card_poll is not None:
            self._card_poll.cancel()
            self._card_poll = None
        self._put(None)

    def show_card(self) -> None:
        """The notice card the home flow says is due now (none while a visitor is here)."""
        self._put(self.flow.attract_card() if self.flow is not None else None)

    @property
    def card_id(self) -> str:
        """The notice whose card is shown ("" for none)."""
        return self._card.id if self._card is not None else ""

    def _put(self, card: AttractCard | None) -> None:
        if card == self._card:
            return
        self._card = card
        if self._card_widget is None:
            if card is None:
                return
            from kivy.factory import Factory

            self._card_widget = Factory.AttractNoticeCard()
            self.ids.room.add_widget(self._card_widget)
        w = self._card_widget
        w.card_id = card.id if card is not None else ""
        w.card_name = card.name if card is not None else ""
        w.card_summary = card.summary if card is not None else ""
        w.card_limit = card.time_limit if card is not None else ""
