"""My page: a registered visitor's own record, after their card was read.

Shown only for the card in the reader and built fresh each time from the
platform's answer; it is gone with the visit. Postings matched to the
visitor's intentions open the job detail, where slips and interest work as
in the job flow.
"""

from __future__ import annotations

from typing import Any

from kivy.properties import BooleanProperty, ListProperty, OptionProperty, StringProperty

from kiosk.flows.registration.flow import MyPage, RegistrationFlow
from screens.base import KioskScreen
from screens.widgets import KButton, KLabel


class MyPageScreen(KioskScreen):
    """Registration, matches, specialist, appointments, complaints, applications."""

    flow: RegistrationFlow
    state = OptionProperty("loading", options=["loading", "shown", "unavailable"])
    registered_at = StringProperty("")
    intentions = StringProperty("")
    specialist = StringProperty("")
    fewer = StringProperty("")
    has_matches = BooleanProperty(False)
    lines = ListProperty([])

    def on_kv_post(self, base_widget: object) -> None:
        self.shell.bind(lang=lambda *_: self._redraw_if_shown())

    def _redraw_if_shown(self) -> None:
        if self.shown and self.flow.visit.lookup is not None:
            self.show(self.flow.visit.lookup)

    def on_pre_enter(self, *_: Any) -> None:
        page = self.flow.visit.lookup
        if page is not None:
            self.show(page)        # at once, then as it stands now (booked meanwhile)
            self.flow.load_my_page(self._refreshed)
            return
        self.state = "loading"
        self.flow.load_my_page(self._loaded)

    def _loaded(self, page: MyPage | None) -> None:
        if page is None:
            self.state = "unavailable"
            self.registered_at = self.shell.say(self.flow.my_page_unavailable())
            return
        self.show(page)

    def _refreshed(self, page: MyPage | None) -> None:
        if page is not None and self.shown:   # unreachable: the page shown stays
            self.show(page)

    def show(self, page: MyPage) -> None:
        app = self.shell
        self.state = "shown"
        self.registered_at = (app.say(page.registered_text) if page.registered_text
                              else app.tr("reg.ui.registered_at", when=page.registered_at))
        self.intentions = app.say(page.intentions_text)
        self.specialist = app.say(page.specialist) if page.specialist else ""
        self.fewer = app.say(page.fewer_note) if page.fewer_note else ""
        box = self.ids.matches
        box.clear_widgets()
        self.has_matches = bool(page.matches)
        for i, job in enumerate(page.matches):
            button = KButton(tid=f"reg.my.match{i}", size_hint_y=None,
                             raw=f"{job.get('title', '')} · {job.get('company', '')}\n"
                                 f"{job.get('pay_text', '')}  {job.get('district', '')}")
            button.bind(on_action=lambda _w, j=job: self.open_job(j))
            box.add_widget(button)
        self.lines = [app.say(t) for t in (*page.appointments, *page.complaints,
                                           *page.unemployment)]
        others = self.ids.others
        others.clear_widgets()
        for i, text in enumerate(self.lines):
            label = KLabel(raw=text, size_hint_y=None, tid=f"reg.my.line{i}")
            label.bind(texture_size=lambda w, size: setattr(w, "height", size[1]))
            others.add_widget(label)
        if page.appointments and self.shell.has_screen("guidance_mine"):
            # cancelled or moved where guidance keeps them: its own page, the card read
            button = KButton(tid="reg.my.appointments", size_hint_y=None,
                             raw=app.tr("reg.ui.my_appointments", app.lang))
            button.bind(on_action=lambda _w: self.shell.go("guidance_mine"))
            others.add_widget(button)
        self.ids.scroll.scroll_y = 1

    def open_job(self, job: dict[str, Any]) -> None:
        """A match opens its posting in the job flow's detail screen (the job flow's
        own rules: slip, QR code, interest)."""
        detail = self.shell.screen("job_detail")
        jobs = detail.flow
        if jobs is not None and jobs.open(str(job.get("id", ""))):
            self.shell.go("job_detail")

    def update_intentions(self) -> None:
        self.shell.go(self.flow.begin_update())

    def reset(self) -> None:
        super().reset()
        self.state, self.registered_at, self.intentions = "loading", "", ""
        self.specialist = self.fewer = ""
        self.lines = []
        if "matches" in self.ids:
            self.ids.matches.clear_widgets()
            self.ids.others.clear_widgets()
