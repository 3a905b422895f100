"""The satisfaction rating: one screen after a service, never in the way of leaving.

Five grades with faces and words (非常满意 … 非常不满意); the bottom two ask why
(choices and an optional line on the pinyin keyboard) on the same screen. Skip
goes on at once. The desk entry names the desk and the service first.
"""

from __future__ import annotations

from typing import Any

from kivy.properties import BooleanProperty, StringProperty

from kiosk.flows.complaints.flow import DESK_SERVICES, GRADES, WHY, ComplaintsFlow
from screens.base import KioskScreen
from screens.complaints.parts import FbGrade, choices


class RateScreen(KioskScreen):
    """How was it: five faces; why, for the bottom two; send or skip."""

    flow: ComplaintsFlow
    service = StringProperty("")
    note = StringProperty("")
    asks_why = BooleanProperty(False)
    chosen = BooleanProperty(False)

    def on_kv_post(self, base_widget: object) -> None:
        self.redraw_on_switch(self.refresh)

    def on_pre_enter(self, *_: Any) -> None:
        self.refresh()

    def refresh(self) -> None:
        app, flow = self.shell, self.flow
        offer = flow.visit.offer
        if offer is None:
            return
        name = app.tr(f"fb.service.{offer.service}", app.lang)
        if offer.desk:
            name = app.tr("fb.rate.desk_service", app.lang, desk=offer.desk,
                          service=app.tr(f"fb.desk_service.{offer.ref}", app.lang))
        self.service = name
        self.note = app.say(offer.note) if offer.note else ""
        self.asks_why, self.chosen = flow.asks_why(), bool(flow.visit.score)
        grades = self.ids.grades
        grades.clear_widgets()
        for score in GRADES:
            button = FbGrade(tid=f"fb.rate.grade{score}", grade=score,
                             raw=app.tr(f"fb.grade.{score}", app.lang),
                             selected=flow.visit.score == score)
            button.bind(on_action=lambda _w, s=score: self.grade(s))
            grades.add_widget(button)
        comment, holder = self.ids.comment, self.ids.comment_box
        if self.asks_why and comment.parent is None:
            holder.add_widget(comment)
        elif not self.asks_why and comment.parent is not None:
            comment.forget()
            holder.remove_widget(comment)
        why = self.ids.why
        why.clear_widgets()
        if self.asks_why:
            why.add_widget(choices(app, "fb.why", WHY, lambda c: app.tr(f"fb.why.{c}", app.lang),
                                   lambda c: c in flow.visit.why, self._why))

    def grade(self, score: int) -> None:
        self.flow.choose_grade(score)
        self.refresh()
        if self.asks_why:                   # the question why comes into view
            self.ids.scroll.scroll_to(self.ids.why_title, animate=False)

    def _why(self, code: str) -> None:
        self.flow.toggle_why(code)
        self.refresh()

    def send(self) -> None:
        comment = self.ids.comment.text
        self.ids.comment.forget()
        self.shell.go(self.flow.send_rating(comment))

    def skip(self) -> None:
        self.ids.comment.forget()
        self.shell.go(self.flow.skip_rating())

    def reset(self) -> None:
        super().reset()
        self.service = self.note = ""
        self.asks_why = self.chosen = False


class RateDeskScreen(KioskScreen):
    """Rate a desk's service: the desk number and the service, then the faces."""

    flow: ComplaintsFlow
    message = StringProperty("")

    def on_kv_post(self, base_widget: object) -> None:
        self.redraw_on_switch(self.refresh)

    def on_pre_enter(self, *_: Any) -> None:
        self.message = ""
        self._service = ""
        self.refresh()

    def refresh(self) -> None:
        app = self.shell
        box = self.ids.services
        box.clear_widgets()
        box.add_widget(choices(app, "fb.desk", DESK_SERVICES,
                               lambda c: app.tr(f"fb.desk_service.{c}", app.lang),
                               lambda c: c == getattr(self, "_service", ""), self._choose))

    def _choose(self, code: str) -> None:
        self._service = code
        self.refresh()

    def go_on(self) -> None:
        desk = "".join(c for c in self.ids.desk.text if c.isdigit())
        if not desk or not getattr(self, "_service", ""):
            self.message = self.shell.tr("fb.desk.need", self.shell.lang)
            return
        offered = self.flow.offer("desk", self._service, "home", None, desk)
        self.ids.desk.forget()
        if offered:
            self.shell.go("rate")
        else:
            self.message = self.shell.tr("fb.desk.already", self.shell.lang)

    def reset(self) -> None:
        super().reset()
        self.message = ""
        self._service = ""
