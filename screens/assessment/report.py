"""The report on screen, and keeping the result in the visitor's record.

The report shows what the flow's result says and where it leads: a bar per type,
the code letter by letter, the job groups that fit (a tap opens the job list
filtered to the group), guidance and the staff desk, the printed report, and a QR
code that carries the result to the visitor's phone.
"""

from __future__ import annotations

from typing import Any

from kivy.factory import Factory
from kivy.properties import BooleanProperty, NumericProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.widget import Widget

from kiosk.flows import discover
from kiosk.flows.assessment.flow import AssessmentFlow
from kiosk.flows.assessment.inventory import TYPE_MAX
from kiosk.i18n import listing
from screens.base import KioskScreen, Shell
from screens.qr import QrImage  # noqa: F401 - kv rules use it
from screens.widgets import KButton, KLabel

CARD_POLL_S = 0.25


class ScoreBar(Widget):
    """A bar as long as the full scale, filled as far as the score goes (drawn in kv)."""

    share = NumericProperty(0.0)
    strong = BooleanProperty(False)


def _label(text: str, tid: str, role: str = "body", bold: bool = False,
           colour: Any = None) -> KLabel:
    label = KLabel(raw=text, size_hint_y=None, tid=tid, role=role, bold=bold)
    if colour is not None:
        label.color = colour
    label.bind(texture_size=lambda w, size: setattr(w, "height", size[1]))
    return label


def _quiet(**kwargs: object) -> KButton:
    """The outlined secondary button of the widget rules (a kv-only class)."""
    return Factory.QuietButton(**kwargs)


def guidance_screen(shell: Shell) -> str:
    """Where "book guidance" leads: the guidance flow's entry once it is built; until
    then its tile's "coming soon" notice (which names the staff desk)."""
    flow = next((f for f in discover() if f.name == "guidance"), None)
    if flow is not None and flow.entry and shell.has_screen(flow.entry):
        return flow.entry
    soon = shell.screen("soon")
    soon.service_key = "tile.guidance"      # type: ignore[attr-defined]
    return "soon"


class AsReportScreen(KioskScreen):
    """The code, the bars, the letters, the groups that fit, next steps, paper and QR."""

    flow: AssessmentFlow
    code = StringProperty("")
    names = StringProperty("")
    printed = StringProperty("")
    can_print = BooleanProperty(True)
    qr = StringProperty("")
    bars_title = StringProperty("")
    desk = StringProperty("")

    def on_kv_post(self, base_widget: object) -> None:
        self.redraw_on_switch(self.fill)

    def on_pre_enter(self, *_: Any) -> None:
        self.printed = ""
        self.fill()
        self.ids.scroll.scroll_y = 1

    def fill(self) -> None:
        """Everything the result says, in the visitor's language."""
        if self.flow.result() is None:
            return
        app, flow = self.shell, self.flow
        pal = app.theme.palette
        self.code = flow.result().code           # type: ignore[union-attr]
        self.names = app.say(listing(name for _t, name, _w in flow.letters()))
        self.can_print = flow.can_print()
        self.qr = flow.qr_text(app.lang)
        self.bars_title = app.tr("as.ui.bars", app.lang, top=TYPE_MAX)
        self.desk = app.say(flow.desk_text())
        notes = self.ids.notes
        notes.clear_widgets()
        # a flat profile is said first: its ties say little
        for i, text in enumerate(flow.summary()):
            notes.add_widget(_label(app.say(text), f"as.report.note{i}", colour=pal.accent))
        for i, (names, codes) in enumerate(flow.ties()):
            notes.add_widget(_label(app.tr("as.tie", app.lang, names=app.say(listing(names))),
                                    f"as.report.tie{i}", colour=pal.accent))
            notes.add_widget(_label(codes, f"as.report.codes{i}", role="heading", bold=True,
                                    colour=pal.accent))
        bars = self.ids.bars
        bars.clear_widgets()
        for letter, name, total, strong in flow.bars():
            row = BoxLayout(orientation="vertical", size_hint_y=None,
                            spacing=app.theme.gap * 0.25)
            row.bind(minimum_height=row.setter("height"))
            words = BoxLayout(size_hint_y=None, spacing=app.theme.gap)
            label = _label(app.say(name), f"as.report.bar.{letter}", bold=strong)
            # as tall as its row, centred beside the name (a Tibetan name stands taller)
            score = KLabel(raw=f"{letter}  {total}/{TYPE_MAX}", tid=f"as.report.score.{letter}",
                           bold=strong, halign="right")
            label.bind(height=lambda _w, h, box=words: setattr(box, "height", h))
            words.add_widget(label)
            words.add_widget(score)
            row.add_widget(words)
            row.add_widget(ScoreBar(share=total / TYPE_MAX, strong=strong, size_hint_y=None,
                                    height=app.theme.body * 0.9))
            bars.add_widget(row)
        letters = self.ids.letters
        letters.clear_widgets()
        for letter, name, words in flow.letters():
            head = BoxLayout(size_hint_y=None, spacing=app.theme.gap)
            mark = KLabel(raw=letter, tid=f"as.report.letter.{letter}", role="heading",
                          bold=True, color=pal.primary, size_hint_x=0.15)
            said = _label(app.say(name), f"as.report.name.{letter}", role="heading",
                          bold=True, colour=pal.primary)
            said.bind(height=lambda _w, h, box=head: setattr(box, "height", h))
            head.add_widget(mark)
            head.add_widget(said)
            letters.add_widget(head)
            letters.add_widget(_label(app.say(words), f"as.report.explain.{letter}"))
        groups = self.ids.groups
        groups.clear_widgets()
        for i, (group, name, samples) in enumerate(flow.suggested_groups()):
            button = _quiet(tid=f"as.report.group.{i}", raw=app.say(name))
            button.bind(on_action=lambda _w, g=group: self.open_group(g))
            groups.add_widget(button)
            said = app.say(samples)
            if said:
                groups.add_widget(_label(said, f"as.report.samples.{i}", role="small",
                                         colour=pal.muted))

    def open_group(self, group: str) -> None:
        self.shell.go(self.flow.open_group(group))

    def guidance(self) -> None:
        """Book a counsellor to read the report with: the guidance triage opens on the
        assessment topic, its services (the assessment session first) one tap away."""
        target = guidance_screen(self.shell)
        if target != "soon":
            from kiosk.flows.guidance.flow import GuidanceFlow

            self.flow.core.flow("guidance", GuidanceFlow).ask_about("assessment")
        self.shell.go(target)

    def change(self) -> None:
        """Back to the last question (and from there, question by question)."""
        self.shell.go(self.flow.back())

    def print_report(self) -> None:
        self.printed = self.shell.tr("as.ui.printing")
        self.flow.print_report(self.shell.lang, self._printed)

    def _printed(self, outcome: Any) -> None:
        self.printed = self.shell.say(outcome.message)
        if not outcome.printed:
            self.can_print = False

    def reset(self) -> None:
        super().reset()
        self.code = self.names = self.printed = self.qr = self.bars_title = self.desk = ""
        for box in ("notes", "bars", "letters", "groups"):
            self.ids[box].clear_widgets()


class AsSaveScreen(KioskScreen):
    """Keep the result in the record: the card, the consent line, how it went."""

    flow: AssessmentFlow
    state = StringProperty("no_card")
    words = StringProperty("")

    def on_kv_post(self, base_widget: object) -> None:
        self.redraw_on_switch(self.fill)

    def on_pre_enter(self, *_: Any) -> None:
        self.fill()

    def on_enter(self, *_: Any) -> None:
        from kivy.clock import Clock

        # a card laid down while this screen shows is taken at once
        self._watch = Clock.schedule_interval(lambda _dt: self._check(), CARD_POLL_S)

    def on_leave(self, *_: Any) -> None:
        if getattr(self, "_watch", None) is not None:
            self._watch.cancel()

    def _check(self) -> None:
        if self.flow.save_state() != self.state:
            self.fill()

    def fill(self) -> None:
        app = self.shell
        self.state = self.flow.save_state()
        self.words = (app.tr("as.ui.lay_card", app.lang) if self.state == "no_card"
                      else app.say(self.flow.save_text()))

    def agree(self) -> None:
        if self.flow.save(self.delivered):
            self.fill()

    def delivered(self, _state: str) -> None:
        if self.shown:
            self.fill()

    def reset(self) -> None:
        super().reset()
        self.state, self.words = "no_card", ""
