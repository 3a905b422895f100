"""Choosing what the job list shows: an occupation group, a district, or the rest.

Groups and districts come with the number of live postings each has under the
visitor's other choices, so nobody taps into an empty list. The other filters
(pay, kind of work, education, how recent) and the order are option rows; the
button at the bottom says how many postings the choices leave.
"""

from __future__ import annotations

from typing import Any

from kivy.properties import OptionProperty, StringProperty

from kiosk.flows.jobs.flow import JobsFlow
from kiosk.flows.jobs.query import CHOICES, MORE_FILTERS, JobQuery, choice_key
from screens.base import KioskScreen, Shell
from screens.jobs.listing import JobsScreen
from screens.widgets import ChoiceButton, KButton, KLabel

SECTIONS = ("occupation_group", "district", "more")


class JobFiltersScreen(KioskScreen):
    """One chooser screen, in three sections."""

    flow: JobsFlow
    section = OptionProperty("more", options=list(SECTIONS))
    heading = StringProperty("")
    done_text = StringProperty("")

    def on_kv_post(self, base_widget: object) -> None:
        self.redraw_on_switch(self.build)

    def on_pre_enter(self, *_: Any) -> None:
        self.build()

    @property
    def jobs(self) -> JobsScreen:
        """The list these choices narrow (it re-queries as they change)."""
        screen = self.shell.screen("jobs")
        assert isinstance(screen, JobsScreen)
        return screen

    def build(self) -> None:
        """Lay out the options of the current section for the current query."""
        app = self.shell
        box = self.ids.options
        box.clear_widgets()
        self.heading = app.tr(f"jobs.choose.{self.section}", app.lang)
        if self.section == "more":
            for name in (*MORE_FILTERS, "sort"):
                self._option_row(box, app, name)
        else:
            self._counted(box, app, self.section)
        self._done_text(app)
        self.ids.scroll.scroll_y = 1

    def _counted(self, box: Any, app: Shell, column: str) -> None:
        """Every group (or district) with its live postings, most first."""
        counts = self.flow.counts(column)
        current = getattr(self.flow.query.filters, column)
        grid = _grid(app, 1 if app.elder else 2)
        total = sum(counts.values())
        grid.add_widget(self._button(app, f"jobs.pick.{column}.all",
                                     app.tr("jobs.all_n", app.lang,
                                            n=app.say(self.flow.count_text(total))),
                                     current is None, lambda: self._pick(column, None)))
        for i, (value, n) in enumerate(counts.items()):
            grid.add_widget(self._button(app, f"jobs.pick.{column}.{i}",
                                         app.tr("jobs.value_n", app.lang, value=value, n=n),
                                         current == value,
                                         lambda v=value: self._pick(column, v)))
        box.add_widget(grid)

    def _option_row(self, box: Any, app: Shell, name: str) -> None:
        heading = KLabel(raw=app.tr(f"jobs.filter.{name}", app.lang), role="heading",
                         bold=True, size_hint_y=None, tid=f"jobs.filter.{name}")
        heading.bind(texture_size=lambda w, size: setattr(w, "height", size[1]))
        box.add_widget(heading)
        grid = _grid(app, 2 if app.elder else 3)
        query = self.flow.query
        chosen = query.sort if name == "sort" else getattr(query.filters, name)
        for i, value in enumerate(CHOICES[name]):
            grid.add_widget(self._button(app, f"jobs.opt.{name}.{i}",
                                         app.say(choice_key(name, value)),
                                         chosen == value,
                                         lambda v=value, n=name: self._set(n, v)))
        box.add_widget(grid)

    @staticmethod
    def _button(app: Shell, tid: str, text: str, selected: bool, action: Any) -> KButton:
        button = ChoiceButton(tid=tid, raw=text, enabled=not selected, selected=selected)
        button.bind(on_action=lambda *_: action())
        return button

    def _pick(self, column: str, value: Any) -> None:
        """A group or district was chosen: back to the list at once."""
        self.jobs.set_query(self.flow.query.with_filter(column, value))
        self.shell.go("jobs")

    def _set(self, name: str, value: Any) -> None:
        query: JobQuery = self.flow.query
        query = query.with_sort(value) if name == "sort" else query.with_filter(name, value)
        self.jobs.set_query(query)
        self.build()

    def _done_text(self, app: Shell) -> None:
        self.done_text = app.tr("jobs.show", app.lang, n=self.jobs.count_short)

    def clear_more(self) -> None:
        """Clear pay, kind, education, recency and the order; keep group, district, text."""
        query = self.flow.query
        for name in MORE_FILTERS:
            query = query.with_filter(name, None)
        self.jobs.set_query(query.with_sort("newest"))
        self.build()

    def reset(self) -> None:
        super().reset()
        self.section = "more"


def _grid(app: Shell, cols: int) -> Any:
    from kivy.uix.gridlayout import GridLayout

    grid = GridLayout(cols=cols, spacing=app.theme.gap * 0.5, size_hint_y=None)
    grid.bind(minimum_height=grid.setter("height"))
    return grid
