"""One policy: the plain summary first, then the full text in large, spaced type.

Three ways to take it along: print the summary (title, issuer, date, the four
plain answers and a QR code to the full text), the QR code on screen, or ask
a question about it.
"""

from __future__ import annotations

from typing import Any

from kivy.factory import Factory
from kivy.properties import BooleanProperty, StringProperty

from kiosk.flows.policies.flow import PoliciesFlow, PrintOutcome
from screens.base import KioskScreen
from screens.qr import QrImage  # noqa: F401 - kv rules use it


class PolicyScreen(KioskScreen):
    """Title, issuer and date; who, what, bring, where; the full text; print, QR, ask."""

    flow: PoliciesFlow
    title = StringProperty("")
    issuer = StringProperty("")
    issued = StringProperty("")
    ends = StringProperty("")
    message = StringProperty("")
    printing = BooleanProperty(False)
    can_print = BooleanProperty(True)

    def on_kv_post(self, base_widget: object) -> None:
        self.redraw_on_switch(self.refresh)

    def on_pre_enter(self, *_: Any) -> None:
        self.message = ""
        self.refresh()
        self.ids.scroll.scroll_y = 1

    def refresh(self) -> None:
        app, flow = self.shell, self.flow
        self.title = str(flow.policy.get("title", ""))
        issuer, issued = flow.issued_lines()
        self.issuer, self.issued = app.say(issuer), app.say(issued)
        ends = flow.ends_line()
        self.ends = app.say(ends) if ends else ""
        self.can_print = flow.can_print()
        rows = self.ids.summary
        rows.clear_widgets()
        for i, (label, value) in enumerate(flow.summary_rows()):
            rows.add_widget(Factory.PolicyLabel(raw=app.tr(label, app.lang),
                                                tid=f"pol.detail.l{i}"))
            rows.add_widget(Factory.PolicyValue(raw=app.say(value), tid=f"pol.detail.v{i}"))
        body = self.ids.body
        body.clear_widgets()
        for i, paragraph in enumerate(flow.paragraphs()):
            body.add_widget(Factory.PolicyParagraph(raw=paragraph, tid=f"pol.detail.p{i}"))

    def print_summary(self) -> None:
        if self.printing:
            return
        self.printing = True
        self.message = self.shell.tr("pol.print.printing", self.shell.lang)
        self.flow.print_policy(self.shell.lang, self._printed)

    def _printed(self, outcome: PrintOutcome) -> None:
        self.printing = False
        self.message = self.shell.say(outcome.message)

    def ask(self) -> None:
        self.shell.go("policy_ask")

    def reset(self) -> None:
        super().reset()
        self.title = self.issuer = self.issued = self.ends = self.message = ""
        self.printing = False
        if "summary" in self.ids:
            self.ids.summary.clear_widgets()
            self.ids.body.clear_widgets()


class PolicyQrScreen(KioskScreen):
    """A large QR code to the policy's full text, for the visitor's phone."""

    flow: PoliciesFlow
    url = StringProperty("")
    title = StringProperty("")

    def on_pre_enter(self, *_: Any) -> None:
        policy = self.flow.policy
        self.url, self.title = str(policy.get("url", "")), str(policy.get("title", ""))

    def reset(self) -> None:
        super().reset()
        self.url = self.title = ""
