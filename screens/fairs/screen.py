"""Job fairs (招聘会): on-site, online and live-stream, each with a QR code.

The list comes from the terminal's catalog cache, so it keeps showing while
the platform is away (with the time the data is from). The texts of a card
are made by kiosk.flows.fairs; this screen only lays them out.
"""

from __future__ import annotations

from typing import Any

from kivy.clock import Clock
from kivy.core.text import Label as CoreLabel
from kivy.properties import StringProperty

from kiosk.flows.fairs import cards as fairs
from kiosk.flows.fairs.flow import FairsData, FairsFlow
from screens.base import KioskScreen
from screens.qr import QrImage
from screens.widgets import KPanel

__all__ = ["FairCard", "FairsScreen", "QrImage"]   # QrImage: fairs.kv draws the codes with it

POLL_S = 1.0                # how often an open list looks for new data or a lost link
QR_DESIGN_PX = 250          # about 6 cm on the terminal's glass: phones read it at arm's length


class FairCard(KPanel):
    """One fair: theme, kind, time, place, counts and the QR code to take it along."""

    kind = StringProperty("")
    theme_text = StringProperty("")
    badge = StringProperty("")
    when = StringProperty("")
    duration = StringProperty("")
    where_label = StringProperty("")
    where = StringProperty("")
    counts = StringProperty("")
    url = StringProperty("")

    @staticmethod
    def text_width(raw: str, font_name: str, font_size: float, script: str,
                   bold: bool) -> float:
        """How wide a text is on one line (the kind badge is as wide as its word).

        A KLabel's texture is as wide as the label itself, so sizing a label by its
        texture would feed back into itself; the text is measured on its own instead.
        """
        if not raw:
            return 0
        core = CoreLabel(font_name=font_name, font_size=font_size, font_script_name=script,
                         bold=bold)
        core.resolve_font_name()
        return core.get_extents(raw)[0]


class FairsScreen(KioskScreen):
    """Upcoming fairs, soonest first, filtered by kind."""

    flow: FairsFlow
    kind = StringProperty("all")
    back_to = StringProperty("home")
    state = StringProperty("ok")            # ok | not_synced | unavailable
    message = StringProperty("")
    as_of = StringProperty("")

    def __init__(self, **kwargs: Any) -> None:
        self._docs: list[dict[str, Any]] = []
        self._shown: tuple[Any, ...] | None = None
        # a session's end changes language and mode together: rebuild once, next frame
        self._rebuild_soon = Clock.create_trigger(lambda _dt: self.refresh(force=True), -1)
        super().__init__(**kwargs)
        self.poll_while_shown(self.refresh, POLL_S)

    def on_kv_post(self, base_widget: Any) -> None:
        self.shell.bind(lang=lambda *_: self._restyle(), theme=lambda *_: self._restyle())

    def _restyle(self) -> None:
        """New language or mode: redo the cards now if shown, else on the next visit."""
        if self.shown:
            self._rebuild_soon()
        else:
            self._shown = None

    # -- entering and leaving ---------------------------------------------
    def on_pre_enter(self, *_: Any) -> None:
        self.back_to = self.back_target()
        self.refresh()

    def back_target(self) -> str:
        """Back to the job search when the terminal has it, else home."""
        return "jobs" if self.shell.has_screen("jobs") else "home"

    def set_kind(self, kind: str) -> None:
        self.kind = kind
        self.refresh(force=True)
        self.ids.scroll.scroll_y = 1

    def reset(self) -> None:
        super().reset()
        self.kind = "all"
        self._shown = None

    # -- reading the cache --------------------------------------------------
    def refresh(self, force: bool = False) -> None:
        """Re-read the cache; rebuild the cards only when what they show changed."""
        app = self.shell
        data = self.flow.look()
        self.state = data.state
        self.as_of = fairs.as_of_text(data.data_as_of, data.reachable, app.lang, app.tr)
        shown = (self.kind, app.lang, app.theme, data.data_as_of, len(data.fairs))
        if force or shown != self._shown or data.fairs != self._docs:
            self._docs, self._shown = data.fairs, shown
            self._build(data)

    def _build(self, data: FairsData) -> None:
        app = self.shell
        chosen = self.flow.cards(data, self.kind, app.lang, app.tr)
        box = self.ids.cards
        box.clear_widgets()
        for text in chosen:
            box.add_widget(FairCard(kind=text.kind, theme_text=text.theme, badge=text.badge,
                                    when=text.when, duration=text.duration,
                                    where_label=text.where_label, where=text.where,
                                    counts=text.counts, url=text.url))
        message = self.flow.message(data, self.kind, len(chosen))
        self.message = app.say(message) if message is not None else ""
