"""公示公告: the centre's services, each opening its public notice, and the way to the
complaint channels and opening hours. The list comes from the catalog cache, so it
keeps showing while the platform is away (saying how old it is)."""

from __future__ import annotations

from typing import Any

from kivy.properties import StringProperty

from kiosk.flows.notice.flow import NoticeData, NoticeFlow
from screens.base import KioskScreen
from screens.notice.parts import POLL_S
from screens.widgets import KTile


class NoticeListScreen(KioskScreen):
    """One tile per service notice, in the centre's order."""

    flow: NoticeFlow
    state = StringProperty("ok")
    message = StringProperty("")
    as_of = StringProperty("")

    def __init__(self, **kwargs: Any) -> None:
        self._shown: tuple[Any, ...] | None = None
        super().__init__(**kwargs)
        self.poll_while_shown(self.refresh, POLL_S)
        self.redraw_on_switch(lambda: self.refresh(force=True))

    def on_pre_enter(self, *_: Any) -> None:
        self.refresh()

    def reset(self) -> None:
        super().reset()
        self._shown = None

    def refresh(self, force: bool = False) -> None:
        """Re-read the cache; rebuild the tiles only when what they show changed."""
        app = self.shell
        data = self.flow.look()
        self.state = data.state
        as_of = self.flow.as_of(data)
        self.as_of = app.say(as_of) if as_of is not None else ""
        message = self.flow.message(data)
        self.message = app.say(message) if message is not None else ""
        shown = (app.lang, app.theme, data.data_as_of,
                 tuple((d.get("id"), d.get("name"), d.get("summary")) for d in data.services))
        if force or shown != self._shown:
            self._shown = shown
            self._build(data)

    def _build(self, data: NoticeData) -> None:
        box = self.ids.services
        box.clear_widgets()
        for doc in data.services:
            notice_id = str(doc.get("id") or "")
            tile = KTile(tid=f"notice.item.{notice_id}", title=str(doc.get("name") or ""),
                         hint=str(doc.get("summary") or ""))
            tile.bind(on_action=lambda _w, n=notice_id: self.open(n),
                      minimum_height=lambda w, h: setattr(w, "height", h))
            box.add_widget(tile)

    def open(self, notice_id: str) -> None:
        """Show a service's card (it may have been withdrawn since the list was drawn)."""
        if self.flow.choose(notice_id) is not None:
            self.shell.go("notice_service")
        else:
            self.refresh(force=True)
