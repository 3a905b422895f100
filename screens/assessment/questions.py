"""The questions: an introduction, one question a screen with five worded answers,
and the pause.

The question screen shows what the flow says is asked now and the answer held for it
(after "previous"); a tap on an answer records it and moves on at once, so a visitor
needs one tap a question and never a "next".
"""

from __future__ import annotations

from typing import Any

from kivy.properties import BooleanProperty, NumericProperty, StringProperty

from kiosk.flows.assessment.flow import AssessmentFlow
from kiosk.flows.assessment.inventory import ITEMS
from screens.base import KioskScreen
from screens.widgets import KButton

MINUTES = 6                    # about how long the questions take, said on the intro


class AnswerButton(KButton):
    """One of the five answers; the one held for the question is drawn chosen."""

    selected = BooleanProperty(False)


class AsIntroScreen(KioskScreen):
    """What the self-check is (and is not), how long it takes, what is kept."""

    flow: AssessmentFlow
    intro = StringProperty("")
    progress = StringProperty("")
    held = BooleanProperty(False)
    finished = BooleanProperty(False)

    def on_kv_post(self, base_widget: object) -> None:
        self.redraw_on_switch(self.fill)

    def on_pre_enter(self, *_: Any) -> None:
        self.fill()

    def fill(self) -> None:
        app = self.shell
        self.intro = app.tr("as.ui.intro", app.lang, activities=len(ITEMS) // 2,
                            count=len(ITEMS), minutes=MINUTES)
        self.held = self.flow.in_progress()
        self.finished = self.flow.visit.finished
        n = len(self.flow.visit.answers)
        self.progress = app.tr("as.ui.in_progress", app.lang, n=n) if self.held else ""

    def start(self) -> None:
        self.shell.go(self.flow.begin())

    def resume(self) -> None:
        self.shell.go(self.flow.resume())

    def reset(self) -> None:
        super().reset()
        self.progress, self.held, self.finished = "", False, False


class AsItemScreen(KioskScreen):
    """One question: the activity, what is asked about it, five answers, progress."""

    flow: AssessmentFlow
    activity = StringProperty("")
    asks = StringProperty("")
    part = StringProperty("")
    progress = StringProperty("")
    share = NumericProperty(0.0)

    def on_kv_post(self, base_widget: object) -> None:
        self.redraw_on_switch(self.show)

    def on_pre_enter(self, *_: Any) -> None:
        self.show()

    def show(self) -> None:
        """Draw the question the flow holds now, its held answer chosen."""
        app, q = self.shell, self.flow.question()
        self.activity = app.say(q.activity)
        self.asks = app.say(q.asks)
        self.part = app.say(q.part)
        self.progress = app.say(q.progress)
        self.share = q.index / q.count
        box = self.ids.answers
        # the strongest answer on top, as people read a scale from "very much" down; the
        # five buttons are made once and only their words and choice change (a question
        # comes up in a frame, not after five buttons are built and wrapped again)
        steps = list(reversed(q.answers()))
        if len(box.children) != len(steps):
            box.clear_widgets()
            for value, _words in steps:
                button = AnswerButton(tid=f"as.answer.{value}")
                button.bind(on_action=lambda _w, v=value: self.choose(v))
                box.add_widget(button)
        for button, (value, words) in zip(reversed(box.children), steps, strict=True):
            button.raw = app.say(words)
            button.selected = q.chosen == value

    def choose(self, value: int) -> None:
        following = self.flow.answer(value)
        if following == self.name:
            self.show()                 # the next question on the same screen
            self.shell.retell()
        else:
            self.shell.go(following)

    def previous(self) -> None:
        following = self.flow.back()
        if following == self.name:
            self.show()
            self.shell.retell()
        else:
            self.shell.go(following)

    def pause(self) -> None:
        self.shell.go(self.flow.pause())

    def reset(self) -> None:
        super().reset()
        self.activity = self.asks = self.part = self.progress = ""
        self.share = 0.0
        self.ids.answers.clear_widgets()


class AsPauseScreen(KioskScreen):
    """Paused: the answers are kept while the visitor stays, and can be dropped now."""

    flow: AssessmentFlow
    words = StringProperty("")

    def on_kv_post(self, base_widget: object) -> None:
        self.redraw_on_switch(self.fill)

    def on_pre_enter(self, *_: Any) -> None:
        self.fill()

    def fill(self) -> None:
        self.words = self.shell.say(self.flow.pause_text())

    def resume(self) -> None:
        self.shell.go(self.flow.resume())

    def end(self) -> None:
        self.shell.go(self.flow.end())

    def reset(self) -> None:
        super().reset()
        self.words = ""

