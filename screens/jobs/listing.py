"""Find a job: search, browse by occupation group and district, filter, sort, scroll.

The list is a RecycleView of equally tall cards: only the cards on the glass
exist as widgets, so 100,000 cached postings scroll as smoothly as 20. Pages
of 20 are fetched from the local catalog as the visitor scrolls; every
keystroke of the search field re-queries it (the catalog answers in a few
milliseconds), so the list follows what is typed.
"""

from __future__ import annotations

from typing import Any

from kivy.clock import Clock
from kivy.properties import (
    BooleanProperty,
    ListProperty,
    NumericProperty,
    ObjectProperty,
    StringProperty,
)
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.recycleview.views import RecycleDataViewBehavior

from kiosk.flows.jobs.flow import JobsFlow
from kiosk.flows.jobs.query import JobQuery, choice_key
from kiosk.fonts import TIBETAN_LINE_EM, TIBETAN_SCALE
from kiosk.platform.search import SearchResult
from screens.base import KioskScreen
from screens.keyboard import KeyField  # noqa: F401 - kv rules use it
from screens.qr import QrImage  # noqa: F401 - kv rules use it
from screens.widgets import Painted

WATCH_S = 1.0


class JobCard(RecycleDataViewBehavior, ButtonBehavior, Painted, BoxLayout):
    """One posting in the list; a tap opens its detail (through the list's `opener`)."""

    tid = StringProperty("")
    job_id = StringProperty("")
    title = StringProperty("")
    company = StringProperty("")
    pay = StringProperty("")
    district = StringProperty("")
    posted = StringProperty("")
    opener = ObjectProperty(None, allownone=True)

    def on_release(self) -> None:
        if self.opener is not None:
            self.opener(self.tid, self.job_id)


class JobsScreen(KioskScreen):
    """The job list and the controls that narrow it."""

    flow: JobsFlow
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
        self._watch: Any = None
        self._seen_as_of: float | None = None
        self._shown = 0
        self._total = 0
        super().__init__(**kwargs)

    def on_kv_post(self, base_widget: object) -> None:
        # a hidden list is refreshed when it is entered: only redo the one on the glass
        self.shell.bind(lang=lambda *_: self._refresh_if_shown(),
                        theme=lambda *_: self._refresh_if_shown())

    def _refresh_if_shown(self) -> None:
        if self.shown:
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
    @property
    def query(self) -> JobQuery:
        return self.flow.query

    def search(self, text: str) -> None:
        """The search field changed (every keystroke)."""
        if text.strip() != self.query.text:
            self.set_query(self.query.with_text(text))

    def set_query(self, query: JobQuery) -> None:
        self.flow.set_query(query)
        self.refresh()

    def clear(self) -> None:
        """Drop every filter and the search text."""
        self.ids.search.forget()
        self.set_query(self.query.cleared())

    def choose(self, section: str) -> None:
        """Open the chooser for occupation group, district, or the other filters."""
        self.shell.screen("job_filters").section = section
        self.shell.go("job_filters")

    def open_job(self, job_id: str) -> None:
        if self.flow.open(job_id):
            self.shell.go("job_detail")

    def _open_card(self, tid: str, job_id: str) -> None:
        if self.shell.tap_allowed(tid):
            self.open_job(job_id)

    # -- the list -----------------------------------------------------------
    def refresh(self) -> None:
        """Re-run the query from the first page and redraw the list and labels."""
        self._labels()
        found = self.flow.search()
        if found is None:
            self._show(SearchResult([], 0, False, None), fresh=True)
            note = self.flow.note(None)
            self.as_of = self.shell.say(note) if note is not None else ""
            return
        self._show(found, fresh=True)
        self._update_as_of(found.data_as_of)
        if "results" in self.ids:
            self.ids.results.scroll_y = 1

    def _update_as_of(self, stamp: float | None = None) -> None:
        """Say how old the list is when the platform is away or never answered."""
        if self.flow.platform is None:
            return
        stamp = self.flow.data_as_of() if stamp is None else stamp
        first_data = self._seen_as_of is None and stamp is not None
        self._seen_as_of = stamp
        if first_data and not self._shown:
            self.refresh()                  # the first sync finished while the list was shown
            return
        note = self.flow.note(stamp)
        text = self.shell.say(note) if note is not None else ""
        if text != self.as_of:
            self.as_of = text

    def more(self) -> None:
        """The visitor scrolled near the end: fetch the next page."""
        if self._shown >= self._total:
            return
        found = self.flow.search(offset=self._shown)
        if found is not None and found.items:
            self._show(found, fresh=False)

    def on_scroll(self, view: Any) -> None:
        if view.scroll_y < 0.15 and view.height < view.children[0].height:
            self.more()

    def _show(self, found: SearchResult, fresh: bool) -> None:
        start = 0 if fresh else len(self.results)
        cards = [self._card(job, start + i) for i, job in enumerate(found.items)]
        self.results = cards if fresh else self.results + cards
        self._shown = len(self.results)
        if not fresh:
            return
        app = self.shell
        self._total = found.total
        self.card_height = self._card_height()
        self.empty = not found.items
        self.count_short = app.say(self.flow.count_text(found.total, found.total_capped))
        sort = app.say(choice_key("sort", self.query.sort))
        self.count_text = app.tr("jobs.count", app.lang, n=self.count_short, sort=sort)

    def _card(self, job: dict[str, Any], index: int) -> dict[str, Any]:
        return {"tid": f"jobs.card.{index}", "job_id": job["id"], "title": job["title"],
                "company": job.get("company", ""), "pay": job.get("pay_text", ""),
                "district": job.get("district", ""),
                "posted": self.shell.say(self.flow.posted(job)), "opener": self._open_card}

    def _card_height(self) -> float:
        """Four one-line rows; Tibetan draws the 'posted' line taller.

        Noto Sans CJK's line box is about 1.45 em; the Tibetan face's, at the larger
        size Tibetan is drawn, is taller still and padded for stacks.
        """
        t = self.shell.theme
        em = 1.45 * t.line_height
        tibetan = TIBETAN_SCALE * TIBETAN_LINE_EM * t.line_height + 0.3
        last = t.body * (tibetan if self.shell.lang == "bo" else em)
        return (t.heading + t.body * 2) * em + last + t.pad * 1.2 + t.gap * 0.75

    def _labels(self) -> None:
        app, f = self.shell, self.query.filters
        self.group_label = f.occupation_group or app.tr("jobs.group_any", app.lang)
        self.district_label = f.district or app.tr("jobs.district_any", app.lang)
        n = self.query.more_count()
        self.more_label = (app.tr("jobs.more_n", app.lang, n=n) if n
                           else app.tr("jobs.more", app.lang))

    def reset(self) -> None:
        super().reset()
        self._shown = 0
        self.results = []
