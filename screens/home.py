"""The home screen: large tiles for every service, language and 长辈版 switches."""

from __future__ import annotations

from kivy.app import App

from screens.base import KioskScreen
from screens.services import SERVICES
from screens.widgets import KTile


class HomeScreen(KioskScreen):
    """Service tiles; rebuilt when the language or the mode changes."""

    def on_kv_post(self, base_widget: object) -> None:
        app = App.get_running_app()
        app.bind(lang=lambda *_: self.build_tiles(), theme=lambda *_: self.build_tiles())
        self.build_tiles()

    def build_tiles(self) -> None:
        """One tile per service, marked when the service is not built yet."""
        app = App.get_running_app()
        grid = self.ids.tiles
        grid.clear_widgets()
        for service in SERVICES:
            built = app.has_screen(service.screen)
            tile = KTile(tid=f"home.tile.{service.key}",
                         title=app.tr(f"tile.{service.key}"),
                         hint=app.tr(f"tile.{service.key}.hint"),
                         badge="" if built else app.tr("tile.soon"))
            tile.bind(on_action=lambda _w, s=service: app.open_service(s),
                      minimum_height=lambda *_: self._equalize())
            grid.add_widget(tile)

    def _equalize(self) -> None:
        """All tiles as tall as the tallest, so rows line up in every language."""
        tiles = self.ids.tiles.children
        floor = App.get_running_app().theme.target * 1.5
        tallest = max([floor] + [t.minimum_height for t in tiles])
        for tile in tiles:
            tile.height = tallest
