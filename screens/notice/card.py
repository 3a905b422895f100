"""One service's public notice: what it is, how long it takes, the numbered process,
who may use it and what to bring, its basis, norms and commitments, where it is
served; and, where this terminal offers the service, the way to it.

The card is read again from the cache while it is shown, so a change staff make on
the platform appears after the terminal's next sync without the visitor going back.
"""

from __future__ import annotations

from typing import Any

from kivy.properties import StringProperty

from kiosk.flows.notice.flow import NoticeFlow
from kiosk.flows.notice.present import ServiceCard
from screens.base import KioskScreen
from screens.notice import parts


class NoticeServiceScreen(KioskScreen):
    """The chosen service's card, section by section."""

    flow: NoticeFlow
    name_text = StringProperty("")
    summary = StringProperty("")
    go_to = StringProperty("")          # the screen of the service itself, if built
    missing = StringProperty("")

    def __init__(self, **kwargs: Any) -> None:
        self._card: ServiceCard | None = None
        self._shown: tuple[Any, ...] | None = None
        super().__init__(**kwargs)
        self.poll_while_shown(self.refresh, parts.POLL_S)
        self.redraw_on_switch(lambda: self.refresh(force=True))

    def on_pre_enter(self, *_: Any) -> None:
        self.refresh(force=True)
        self.ids.scroll.scroll_y = 1

    def reset(self) -> None:
        super().reset()
        self._card, self._shown = None, None
        self.name_text = self.summary = self.go_to = self.missing = ""
        self.ids.sections.clear_widgets()

    def refresh(self, force: bool = False) -> None:
        card = self.flow.card()
        shown = (self.shell.lang, self.shell.theme, card)
        if force or shown != self._shown:
            self._shown, self._card = shown, card
            self._build(card)

    def _build(self, card: ServiceCard | None) -> None:
        app, theme = self.shell, self.shell.theme
        box = self.ids.sections
        box.clear_widgets()
        self.missing = "" if card is not None else app.say(("notice.withdrawn", {}))
        self.name_text = card.name if card else ""
        self.summary = card.summary if card else ""
        target = self.flow.service_screen(card) if card else None
        self.go_to = target if target and app.has_screen(target) else ""
        for section in card.sections if card else ():
            tid = f"notice.card.{section.name}"
            box.add_widget(parts.text(app.tr(section.title_key), theme, tid=f"{tid}.title",
                                      role="heading", bold=True, colour=theme.palette.primary))
            for i, line in enumerate(section.lines, start=1):
                if section.layout == "steps":
                    box.add_widget(parts.marked(app.say(self.flow.step_number(i)), line, theme,
                                                tid=f"{tid}.{i}", badge=True))
                elif section.layout == "list":
                    box.add_widget(parts.marked("•", line, theme, tid=f"{tid}.{i}"))
                else:
                    urgent = section.name == "time_limit"
                    box.add_widget(parts.text(line, theme, tid=f"{tid}.{i}", bold=urgent,
                                              colour=theme.palette.accent if urgent else None))

    def go_to_service(self) -> None:
        if self.go_to:
            self.shell.go(self.go_to)
