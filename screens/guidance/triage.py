"""Self-service general guidance: "what do you need help with?" for job seekers and
employers; for the chosen topic, what this terminal offers now (buttons into those
services) and what a counsellor offers, with booking one tap away."""

from __future__ import annotations

from typing import Any

from kivy.properties import StringProperty

from kiosk.flows.guidance import topics
from kiosk.flows.guidance.flow import GuidanceFlow
from screens.base import KioskScreen
from screens.guidance.parts import fill
from screens.widgets import KButton, choices

HERE_WORDS = {"as_intro": "gd.here.assessment", "jobs": "gd.here.jobs",
              "policies": "gd.here.policies", "fairs": "gd.here.fairs"}


class GuidanceScreen(KioskScreen):
    """Who is asking, the topics, and the chosen topic's two ways of help."""

    flow: GuidanceFlow
    topic = StringProperty("")
    person = StringProperty("")

    def on_kv_post(self, base_widget: object) -> None:
        self.redraw_on_switch(self.refresh)

    def on_pre_enter(self, *_: Any) -> None:
        self.refresh()

    def refresh(self) -> None:
        app, flow, visit = self.shell, self.flow, self.flow.visit
        tr = app.tr

        def redraw(act: Any) -> Any:
            return lambda code: (act(code), self.refresh())
        fill(self.ids.audiences, [choices(
            app, "gd.audience", topics.AUDIENCES, lambda c: tr(f"gd.audience.{c}", app.lang),
            lambda c: visit.audience == c, redraw(flow.choose_audience), cols=2)])
        fill(self.ids.topics, [choices(
            app, "gd.topic", flow.topics(), lambda c: tr(f"gd.topic.{c}", app.lang),
            lambda c: visit.topic == c, redraw(flow.choose_topic))])
        self.topic = tr(f"gd.topic.{visit.topic}", app.lang) if visit.topic else ""
        self.person = tr(f"gd.person.{visit.topic}", app.lang) if visit.topic else ""
        here = [code for code in flow.offers_here() if app.has_screen(code)]
        buttons = []
        for code in here:
            button = KButton(tid=f"gd.here.{code}", raw=tr(HERE_WORDS[code], app.lang))
            button.bind(on_action=lambda _w, c=code: app.go(c))
            buttons.append(button)
        fill(self.ids.here, buttons)
        self.ids.here_title.raw = (tr("gd.triage.here", app.lang) if here else
                                   tr("gd.triage.here_none", app.lang) if visit.topic else "")

    def book(self) -> None:
        self.shell.go("guidance_book")

    def reset(self) -> None:
        super().reset()
        self.topic = self.person = ""
