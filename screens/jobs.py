"""Find a job: search, browse by occupation group and district, filter, sort, scroll.

The list is a RecycleView of equally tall cards: only the cards on the glass
exist as widgets, so 100,000 cached postings scroll as smoothly as 20. Pages
of 20 are fetched from the local catalog as the visitor scrolls; every
keystroke of the search field re-queries it (the catalog answers in a few
milliseconds), so the list follows what is typed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from kivy.app import App
from kivy.clock import Clock
from kivy.properties import BooleanProperty, ListProperty, NumericProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.recycleview.views import RecycleDataViewBehavior

from kiosk.jobs.present import posted_text
from kiosk.jobs.query import JobQuery, choice_key
from kiosk.platform.catalog_store import CHINA
from screens.base import KioskScreen
from screens.keyboard import KeyField  # noqa: F401 - kv rules use it
from screens.qr import QrImage  # noqa: F401 - kv rules use it
from screens.widgets import Painted

PAGE = 20
WATCH_S = 1.0


def translate(app: Any, text: tuple[str, dict[str, Any]]) -> str:
    """A (key, values) pair from kiosk.jobs in the visitor's language."""
    key, values = text
    if key == "jobs.raw":
        return str(values.get("text", ""))
    if "date_key" in values:
        inner = {k: v for k, v in values.items() if k != "date_key"}
        return app.tr(key, app.lang, date=app.tr(values["date_key"], app.lang, **inner))
    return app.tr(key, app.lang, **values)


def as_of_text(app: Any, stamp: float | None) -> str:
    """"Data as of" with the time of the last sync, in China time."""
    if stamp is None:
        return app.tr("jobs.never_synced", app.lang, desk=app.staff_desk)
    when = dt.datetime.fromtimestamp(stamp, CHINA)
    return app.tr("jobs.as_of", app.lang, m=f"{when.month:02d}", d=f"{when.day:02d}",
                  time=when.strftime("%H:%M"))


class JobCard(RecycleDataViewBehavior, ButtonBehavior, Painted, BoxLayout):
    """One posting in the list; a tap opens its detail."""

    tid = StringProperty("")
    job_id = StringProperty("")
    title = StringProperty("")
    company = StringProperty("")
    pay = StringProperty("")
    district = StringProperty("")
    posted = StringProperty("")

    def on_release(self) -> None:
        app = App.get_running_app()
        if app.tap_allowed(self.tid):
            app.screen("jobs").open_job(self.job_id)


class JobsScreen(KioskScreen):
    """The job list and the controls that narrow it."""

    count_text = StringProperty("")
    count_short = StringProperty("")
    as_of = StringProperty("")
    group_label = StringProperty("")
    district_label = StringProperty("")
    more_label = StringProperty("")
    empty = BooleanProperty(False)
    card_height = NumericProperty(100)
    results = ListProperty([])

    def __init__(self, **kwargs: Any) -> None:
        self.query = JobQuery()
        self._watch: Any = None
        self._seen_as_of: float | None = None
        self._jobs: list[dict[str, Any]] = []
        self._total = 0
        super().__init__(**kwargs)

    def on_kv_post(self, base_widget: object) -> None:
        app = App.get_running_app()
        # a hidden list is refreshed when it is entered: only redo the one on the glass
        app.bind(lang=lambda *_: self._refresh_if_shown(),
                 theme=lambda *_: self._refresh_if_shown())

    def _refresh_if_shown(self) -> None:
        if self.manager is not None and self.manager.current == self.name:
            self.refresh()

    def on_pre_enter(self, *_: Any) -> None:
        self.refresh()

    def on_enter(self, *_: Any) -> None:
        # the link can drop (or come back) while the visitor reads the list
        self._watch = Clock.schedule_interval(lambda _dt: self._update_as_of(), WATCH_S)

    def on_leave(self, *_: Any) -> None:
        if self._watch is not None:
            self._watch.cancel()

    # -- what the controls call ---------------------------------------------
    def search(self, text: str) -> None:
        """The search field changed (every keystroke)."""
        if text.strip() != self.query.text:
            self.set_query(self.query.with_text(text))

    def set_query(self, query: JobQuery) -> None:
        self.query = query
        self.refresh()

    def clear(self) -> None:
        """Drop every filter and the search text."""
        self.ids.search.forget()
        self.set_query(self.query.cleared())

    def choose(self, section: str) -> None:
        """Open the chooser for occupation group, district, or the other filters."""
        app = App.get_running_app()
        app.screen("job_filters").section = section
        app.go("job_filters")

    def open_job(self, job_id: str) -> None:
        app = App.get_running_app()
        job = app.core.platform.catalog.job(job_id) if app.core.platform else None
        if job is not None:
            app.screen("job_detail").show(job)
            app.go("job_detail")

    # -- the list -----------------------------------------------------------
    def refresh(self) -> None:
        """Re-run the query from the first page and redraw the list and labels."""
        app = App.get_running_app()
        self._labels(app)
        platform = app.core.platform
        if platform is None:
            self._show([], 0, False, app)
            self.as_of = app.tr("jobs.unavailable", app.lang, desk=app.staff_desk)
            return
        found = platform.search(self.query.text, self.query.filters, self.query.sort, PAGE)
        self._jobs = list(found.items)
        self._show(self._jobs, found.total, found.total_capped, app)
        self._update_as_of(found.data_as_of)
        if "results" in self.ids:
            self.ids.results.scroll_y = 1

    def _update_as_of(self, stamp: float | None = None) -> None:
        """Say how old the list is when the platform is away or never answered."""
        app = App.get_running_app()
        platform = app.core.platform
        if platform is None:
            return
        stamp = platform.catalog.data_as_of() if stamp is None else stamp
        first_data = self._seen_as_of is None and stamp is not None
        self._seen_as_of = stamp
        if first_data and not self._jobs:
            self.refresh()                  # the first sync finished while the list was shown
            return
        stale = stamp is None or platform.status.snapshot().get("reachable") is False
        text = as_of_text(app, stamp) if stale else ""
        if text != self.as_of:
            self.as_of = text

    def more(self) -> None:
        """The visitor scrolled near the end: fetch the next page."""
        app = App.get_running_app()
        platform = app.core.platform
        if platform is None or len(self._jobs) >= self._total:
            return
        found = platform.search(self.query.text, self.query.filters, self.query.sort, PAGE,
                                offset=len(self._jobs))
        if found.items:
            self._jobs.extend(found.items)
            self.results = self.results + [self._card(j, app, len(self.results) + i)
                                            for i, j in enumerate(found.items)]

    def on_scroll(self, view: Any) -> None:
        if view.scroll_y < 0.15 and view.height < view.children[0].height:
            self.more()

    def _show(self, jobs: list[dict[str, Any]], total: int, capped: bool, app: Any) -> None:
        self._total = total
        self.card_height = self._card_height(app)
        self.results = [self._card(j, app, i) for i, j in enumerate(jobs)]
        self.empty = not jobs
        self.count_short = (app.tr("jobs.at_least", app.lang, n=total) if capped
                            else app.tr("jobs.raw_n", app.lang, n=total))
        sort = translate(app, choice_key("sort", self.query.sort))
        self.count_text = app.tr("jobs.count", app.lang, n=self.count_short, sort=sort)

    def _card(self, job: dict[str, Any], app: Any, index: int) -> dict[str, Any]:
        today = app.core.clock.now().astimezone(CHINA).date()
        return {"tid": f"jobs.card.{index}", "job_id": job["id"], "title": job["title"],
                "company": job.get("company", ""), "pay": job.get("pay_text", ""),
                "district": job.get("district", ""),
                "posted": translate(app, posted_text(job, today))}

    @staticmethod
    def _card_height(app: Any) -> float:
        """Four one-line rows; Tibetan draws the 'posted' line taller.

        Noto Sans CJK's line box is about 1.45 em; Tibetan Machine Uni's, at the
        1.4× size Tibetan is drawn, is taller still and padded for stacks.
        """
        t = app.theme
        em = 1.45 * t.line_height
        last = t.body * (1.4 * 1.6 * t.line_height + 0.3) if app.lang == "bo" else t.body * em
        return (t.heading + t.body * 2) * em + last + t.pad * 1.2 + t.gap * 0.75

    def _labels(self, app: Any) -> None:
        f = self.query.filters
        self.group_label = f.occupation_group or app.tr("jobs.group_any", app.lang)
        self.district_label = f.district or app.tr("jobs.district_any", app.lang)
        n = self.query.more_count()
        self.more_label = (app.tr("jobs.more_n", app.lang, n=n) if n
                           else app.tr("jobs.more", app.lang))

    def reset(self) -> None:
        super().reset()
        self.query = JobQuery()
        self._jobs = []
        self.results = []
