"""Who is registering: the ID card (or the number typed), then the notice and consent.

Nothing is asked before the visitor has agreed to the notice; "not now" ends
the registration politely and the flow forgets what it held.
"""

from __future__ import annotations

from typing import Any

from kivy.clock import Clock
from kivy.properties import BooleanProperty, StringProperty

from kiosk.flows.registration.flow import RegistrationFlow
from screens.base import KioskScreen
from screens.keyboard import KeyField  # noqa: F401 - kv rules use it
from screens.registration.form import heading, note


class RegStartScreen(KioskScreen):
    """"Lay your ID card on the reader", or type the number instead."""

    flow: RegistrationFlow
    problem = StringProperty("")
    checking = BooleanProperty(False)      # asking the platform whether the card is known
    _asked = False

    def on_pre_enter(self, *_: Any) -> None:
        problem = self.flow.card_problem()
        self.problem = self.shell.say(problem) if problem is not None else ""
        # a card already on the reader is asked about now, not at the first poll: the
        # first frame says "checking", never "lay your card" to someone who has
        if not self._asked and self.flow.start() == "reg_consent":
            self._ask()

    def on_enter(self, *_: Any) -> None:
        # a card laid down while this screen shows starts the registration with it
        self._watch = Clock.schedule_interval(lambda _dt: self._check_card(), 0.25)

    def on_leave(self, *_: Any) -> None:
        if getattr(self, "_watch", None) is not None:
            self._watch.cancel()

    def _check_card(self) -> None:
        problem = self.flow.card_problem()
        self.problem = self.shell.say(problem) if problem is not None else ""
        if self.checking:
            return
        following = self.flow.start()
        if following == self.name or not self.shown:
            return
        if following == "reg_consent" and not self._asked:
            self._ask()
            return
        self.shell.go(following)

    def _ask(self) -> None:
        """A card holder may be registered already: their page, not a second registration."""
        self._asked = self.checking = True
        self.flow.load_my_page(self._looked_up)

    def _looked_up(self, _page: object) -> None:
        """The platform answered (or could not): the page, or the registration."""
        self.checking = False
        if self.shown:
            self.shell.go(self.flow.start())

    def reset(self) -> None:
        super().reset()
        self.problem = ""
        self.checking = self._asked = False


class RegManualScreen(KioskScreen):
    """ID number and name on the keyboard, checked before going on."""

    flow: RegistrationFlow
    problem = StringProperty("")
    help = StringProperty("")

    def on_pre_enter(self, *_: Any) -> None:
        self.help = self.shell.say(self.flow.manual_help())

    def go_on(self) -> None:
        problem = self.flow.identify_typed(self.ids.number.text.strip(),
                                           self.ids.name.text.strip())
        if problem is not None:
            self.problem = self.shell.say(problem)       # what was typed stays
            return
        self.problem = ""
        self.shell.go("reg_consent")

    def reset(self) -> None:
        super().reset()
        self.problem = ""


class RegConsentScreen(KioskScreen):
    """What is collected and why, and a separate choice about the photo."""

    flow: RegistrationFlow
    photo = BooleanProperty(False)
    declined = BooleanProperty(False)
    declined_text = StringProperty("")

    def on_kv_post(self, base_widget: object) -> None:
        self.redraw_on_switch(self.fill)

    def on_pre_enter(self, *_: Any) -> None:
        self.declined = False
        self.photo = self.flow.visit.photo_consent
        self.fill()
        self.ids.scroll.scroll_y = 1

    def fill(self) -> None:
        """The notice, part by part: a heading and its plain words."""
        box = self.ids.notice
        box.clear_widgets()
        if self.declined:
            return
        for i, (title, words) in enumerate(self.flow.consent_notice()):
            box.add_widget(heading(self.shell, self.shell.say(title), f"reg.consent.h{i}"))
            box.add_widget(note(self.shell, self.shell.say(words), f"reg.consent.p{i}"))

    def agree(self) -> None:
        self.flow.agree(photo=self.photo)
        # an update of intentions goes straight to them; the rest can be changed on review
        self.shell.go("reg_wants" if self.flow.visit.updating else "reg_about")

    def not_now(self) -> None:
        self.flow.decline()
        self.declined_text = self.shell.say(self.flow.declined_text())
        self.declined = True
        self.fill()

    def reset(self) -> None:
        super().reset()
        self.photo = self.declined = False
