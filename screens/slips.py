"""Screens that hand the visitor a slip (a filed complaint's, a guidance ticket): print it,
or show its code on the glass when there is no paper.

The printer can run out (or be fixed) while the visitor reads, so the print button is
polled and greyed; a slip that cannot be printed turns into a QR code at once rather
than a refusal; and the line about printing is kept as words to say again after a
language switch.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from kivy.clock import Clock
from kivy.properties import BooleanProperty, StringProperty

from kiosk.i18n import Text
from screens.base import KioskScreen


class SlipFlow(Protocol):
    """What such a screen asks of its flow."""

    def can_print(self) -> bool: ...

    def qr_text(self) -> str: ...


class SlipOutcome(Protocol):
    printed: bool
    message: Text


class SlipScreen(KioskScreen):
    """The printing half of a slip screen; a screen gives its catalog prefix (`texts`:
    `<texts>.print.unavailable`, `.printing`, `.qr`), `show()` and `start_print()`."""

    flow: SlipFlow
    texts = ""
    print_message = StringProperty("")
    qr = StringProperty("")
    can_print = BooleanProperty(True)   # grey while the printer is out (a tap says why)

    def on_kv_post(self, base_widget: object) -> None:
        self._said: Text | None = None      # the print line, said again on a language switch
        self.redraw_on_switch(self.show)
        self.poll_while_shown(self._check_printer, 1.0)

    def _check_printer(self) -> None:
        ready = self.flow.can_print()
        if ready != self.can_print:
            self.can_print = ready

    def on_pre_enter(self, *_: Any) -> None:
        self.print_message = self.qr = ""
        self._said = None
        self.show()
        self.ids.scroll.scroll_y = 1

    def show(self) -> None:
        raise NotImplementedError

    def start_print(self, done: Callable[[SlipOutcome], None]) -> None:
        raise NotImplementedError

    def paper_or_code(self) -> None:
        """After show(): the code at once when there is no paper, else the print line."""
        self.can_print = self.flow.can_print()
        if not self.can_print and not self.qr:
            self.show_qr((f"{self.texts}.print.unavailable", {}))
        elif self._said is not None:
            self._say(self._said)

    def _say(self, text: Text) -> None:
        self._said = text
        self.print_message = self.shell.say(text)

    def print_slip(self) -> None:
        if not self.flow.can_print():
            self.show_qr((f"{self.texts}.print.unavailable", {}))
            return
        self._say((f"{self.texts}.print.printing", {}))
        self.start_print(self._printed)

    def _printed(self, outcome: SlipOutcome) -> None:
        if outcome.printed:
            self._say(outcome.message)
        else:                       # why not, and the code instead ("scan the code…")
            self.show_qr(outcome.message)

    def show_qr(self, why: Text | None = None) -> None:
        """No paper: the slip's code on the glass, to take on a phone."""
        self.qr = self.flow.qr_text()
        self._say(why or (f"{self.texts}.print.qr", {}))
        # once laid out at its size, bring the code onto the glass (长辈版 scrolls)
        Clock.schedule_once(lambda _dt: self.ids.scroll.scroll_to(self.ids.qr, animate=False))
