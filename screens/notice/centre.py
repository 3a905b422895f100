"""The centre's opening hours and its complaint channels (on site, letter, phone with
12333, web), and who answers a complaint how soon."""

from __future__ import annotations

from typing import Any

from kiosk.flows.notice.flow import NoticeFlow
from kiosk.flows.notice.present import CentreCard
from screens.base import KioskScreen
from screens.notice import parts


class NoticeCentreScreen(KioskScreen):
    """Hours first (when can I come), then every channel, then the reply promise."""

    flow: NoticeFlow

    def __init__(self, **kwargs: Any) -> None:
        self._shown: tuple[Any, ...] | None = None
        super().__init__(**kwargs)
        self.poll_while_shown(self.refresh, parts.POLL_S)
        self.redraw_on_switch(lambda: self.refresh(force=True))

    def on_pre_enter(self, *_: Any) -> None:
        self.refresh(force=True)
        self.ids.scroll.scroll_y = 1

    def refresh(self, force: bool = False) -> None:
        card = self.flow.centre()
        shown = (self.shell.lang, self.shell.theme, card)
        if force or shown != self._shown:
            self._shown = shown
            self._build(card)

    def _build(self, card: CentreCard | None) -> None:
        app, theme = self.shell, self.shell.theme
        box = self.ids.rows
        box.clear_widgets()
        if card is None:
            box.add_widget(parts.text(app.say(("notice.centre.none", {})), theme,
                                      tid="notice.centre.none"))
            return
        heading = {"role": "heading", "bold": True, "colour": theme.palette.primary}
        box.add_widget(parts.text(app.tr("notice.centre.hours"), theme,
                                  tid="notice.centre.hours", **heading))
        for i, (days, times) in enumerate(card.hours, start=1):
            box.add_widget(parts.text(days, theme, tid=f"notice.centre.days.{i}", bold=True))
            box.add_widget(parts.text(times, theme, tid=f"notice.centre.times.{i}"))
        box.add_widget(parts.text(app.tr("notice.centre.channels"), theme,
                                  tid="notice.centre.channels", **heading))
        for i, channel in enumerate(card.channels, start=1):
            kind = app.tr(channel.kind_key)
            # the centre's own name for it, unless it only repeats the kind ("电话 · 中心电话")
            own = channel.name if channel.name != app.tr(channel.kind_key, "zh") else ""
            label = " · ".join(filter(None, [kind, own]))
            box.add_widget(parts.text(label, theme, tid=f"notice.centre.kind.{i}", bold=True,
                                      colour=theme.palette.muted))
            box.add_widget(parts.text(channel.detail, theme, tid=f"notice.centre.detail.{i}"))
        if card.reply:
            box.add_widget(parts.text(app.tr("notice.centre.reply"), theme,
                                      tid="notice.centre.reply", **heading))
            box.add_widget(parts.text(card.reply, theme, tid="notice.centre.reply.text"))
