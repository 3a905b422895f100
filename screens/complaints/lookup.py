"""Where a complaint stands, by tracking number and the phone given when filing:
received → being handled (by which department) → answered (the reply) → closed;
one past its promised date says it is overdue."""

from __future__ import annotations

from typing import Any

from kivy.properties import OptionProperty, StringProperty

from kiosk.flows.complaints.flow import ComplaintsFlow, Found
from screens.base import KioskScreen
from screens.widgets import KLabel


class ComplaintLookupScreen(KioskScreen):
    """Number and phone on the digit pad; the steps, the department, the reply."""

    flow: ComplaintsFlow
    state = OptionProperty("ask", options=["ask", "looking", "shown"])
    result = StringProperty("")
    number = StringProperty("")
    department = StringProperty("")
    reply = StringProperty("")
    overdue = StringProperty("")

    def on_kv_post(self, base_widget: object) -> None:
        self.redraw_on_switch(self._redraw)

    def _redraw(self) -> None:
        if self.flow.visit.found is not None:
            self.show(self.flow.visit.found)

    def on_pre_enter(self, *_: Any) -> None:
        if self.state == "shown" and self.flow.visit.found is None:
            self.again()

    def look_up(self) -> None:
        refused = self.flow.look_up(self.ids.number.text, self.ids.phone.text, self.show)
        if refused is not None:
            self.result = self.shell.say(refused)
            return
        self.state, self.result = "looking", self.shell.tr("fb.lookup.looking",
                                                           self.shell.lang)

    def show(self, found: Found) -> None:
        app = self.shell
        self.state, self.result = "shown", app.say(found.words)
        self.number, self.reply = found.number, found.reply
        self.department = (app.tr("fb.lookup.department", app.lang, name=found.department)
                           if found.department else "")
        self.overdue = app.tr("fb.lookup.overdue_mark", app.lang) if found.overdue else ""
        box = self.ids.steps
        box.clear_widgets()
        palette = app.theme.palette
        for n, (step, reached) in enumerate(self.flow.steps(found), start=1):
            line = KLabel(tid=f"fb.lookup.step.{step}", size_hint_y=None, role="heading",
                          raw=f"{n}. " + app.tr(f"fb.step.{step}", app.lang),
                          bold=step == found.status)
            line.color = palette.primary if reached else palette.muted
            line.bind(texture_size=lambda w, size: setattr(w, "height", size[1]))
            box.add_widget(line)

    def again(self) -> None:
        self.flow.visit.found = None
        self.ids.number.forget()
        self.ids.phone.forget()
        self.ids.steps.clear_widgets()
        self.state = "ask"
        self.result = self.number = self.department = self.reply = self.overdue = ""

    def reset(self) -> None:
        super().reset()
        self.ids.steps.clear_widgets()
        self.state = "ask"
        self.result = self.number = self.department = self.reply = self.overdue = ""
