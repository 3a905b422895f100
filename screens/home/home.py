"""The home screen: large tiles for every service, language and 长辈版 switches."""

from __future__ import annotations

from kiosk.flows import FlowInfo, tiles
from screens.base import KioskScreen
from screens.widgets import KTile


class HomeScreen(KioskScreen):
    """Service tiles, one per flow that declares one; rebuilt on a language or mode change
    while shown, or when next shown (a session's end resets both behind the attract loop)."""

    def on_kv_post(self, base_widget: object) -> None:
        self._tiles_for: tuple[object, ...] = ()
        self.redraw_on_switch(self.build_tiles)
        self.build_tiles()

    def on_pre_enter(self, *_: object) -> None:
        if self._tiles_for != (self.shell.lang, self.shell.theme):
            self.build_tiles()

    def build_tiles(self) -> None:
        """One tile per service, marked when the service is not built yet."""
        app = self.shell
        self._tiles_for = (app.lang, app.theme)
        grid = self.ids.tiles
        grid.clear_widgets()
        for flow in tiles():
            key = flow.tile.key if flow.tile else flow.name
            tile = KTile(tid=f"home.tile.{key}", title=app.tr(f"tile.{key}"), icon=f"tile.{key}",
                         hint=app.tr(f"tile.{key}.hint"),
                         badge="" if self.built(flow) else app.tr("tile.soon"))
            tile.bind(on_action=lambda _w, f=flow: self.open_tile(f),
                      minimum_height=lambda *_: self._equalize())
            grid.add_widget(tile)

    def built(self, flow: FlowInfo) -> bool:
        """Whether the flow's screens are on this terminal."""
        return bool(flow.entry) and self.shell.has_screen(flow.entry or "")

    def open_tile(self, flow: FlowInfo) -> None:
        """Open a service's screen, or say politely that it is coming."""
        if self.built(flow):
            self.shell.go(flow.entry or "")
            return
        soon = self.shell.screen("soon")
        soon.service_key = f"tile.{flow.tile.key if flow.tile else flow.name}"
        self.shell.go("soon")

    def _equalize(self) -> None:
        """The tiles of a row as tall as the row's tallest, so a row lines up in every
        language; each row only as tall as its own texts need, so one long Tibetan
        title does not push the other rows off the glass."""
        grid = self.ids.tiles
        order = list(reversed(grid.children))          # Kivy keeps children last-first
        floor = self.shell.theme.target * 1.5
        cols = max(1, int(grid.cols or 1))
        for start in range(0, len(order), cols):
            row = order[start:start + cols]
            tallest = max([floor] + [t.minimum_height for t in row])
            for tile in row:
                tile.height = tallest
