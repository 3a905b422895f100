"""Status with live values and the actions a technician takes at the terminal.

The rows and the actions come from kiosk.flows.technician; this screen lays them
out, refreshes the values every second while it is shown, and goes back to the
attract screen by itself after two minutes without a touch, so a menu left open
is not there for the next visitor.
"""

from __future__ import annotations

from typing import Any

from kivy.clock import Clock
from kivy.graphics.texture import Texture
from kivy.properties import BooleanProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout

from kiosk.flows.technician.flow import TechnicianFlow
from kiosk.i18n import Text
from screens.base import KioskScreen
from screens.widgets import KLabel

LEAVE_AFTER_S = 120.0


class TechMenuScreen(KioskScreen):
    """The technician's menu."""

    flow: TechnicianFlow
    result = StringProperty("")
    out_of_service = BooleanProperty(False)

    def on_kv_post(self, base_widget: object) -> None:
        self.redraw_on_switch(self.redraw)
        self._event: Any = None
        self._last_touch = 0.0

    def on_pre_enter(self, *_: Any) -> None:
        self._last_touch = self.shell.clock.monotonic()
        self.result = ""
        self.redraw()
        self.flow.watch_cards(self._done)       # a card laid now is a test read
        self._event = Clock.schedule_interval(lambda _dt: self._every_second(), 1.0)

    def on_leave(self, *_: Any) -> None:
        self.flow.watch_cards(None)
        self.ids.preview.texture = None
        if self._event is not None:
            self._event.cancel()
            self._event = None

    def test_qr(self) -> None:
        self._last_touch = self.shell.clock.monotonic()
        self.result = self.shell.tr("tech.result.looking")
        self.flow.test_qr(self._done)

    def on_touch_down(self, touch: Any) -> bool:
        self._last_touch = self.shell.clock.monotonic()
        return super().on_touch_down(touch)

    def _every_second(self) -> None:
        if self.shell.clock.monotonic() - self._last_touch > LEAVE_AFTER_S:
            self.close()
            return
        self.redraw()
        self._show_preview()

    def _show_preview(self) -> None:
        """The camera's latest frame, small: is it aimed, focused, lit?"""
        frame = self.flow.preview()
        if frame is None or frame.ndim != 3:
            return
        height, width = frame.shape[:2]
        texture = self.ids.preview.texture
        if texture is None or tuple(texture.size) != (width, height):
            texture = Texture.create(size=(width, height), colorfmt="bgr")
            texture.flip_vertical()
        texture.blit_buffer(frame.tobytes(), colorfmt="bgr", bufferfmt="ubyte")
        self.ids.preview.texture = texture
        self.ids.preview.canvas.ask_update()

    def close(self) -> None:
        """Back to what the terminal shows visitors."""
        self.shell.go("out_of_service" if self.flow.out_of_service() else "attract")

    def redraw(self) -> None:
        app = self.shell
        self.out_of_service = self.flow.out_of_service()
        box = self.ids.rows
        box.clear_widgets()
        for i, (label, value) in enumerate(self.flow.rows()):
            box.add_widget(_row(i, app.say(label), app.say(value)))

    def act(self, action: str) -> None:
        self._last_touch = self.shell.clock.monotonic()
        self.result = self.shell.tr("tech.result.working")
        self.flow.act(action, self._done)

    def _done(self, text: Text) -> None:
        self.result = self.shell.say(text)
        self.redraw()


def _row(i: int, label: str, value: str) -> BoxLayout:
    row = BoxLayout(size_hint_y=None, spacing=8)
    name = KLabel(raw=label, tid=f"tech.menu.label{i}", bold=True, size_hint_x=0.45,
                  size_hint_y=None)
    shown = KLabel(raw=value, tid=f"tech.menu.value{i}", size_hint_x=0.55, size_hint_y=None)
    for w in (name, shown):
        w.bind(texture_size=lambda lbl, size: setattr(lbl, "height", size[1]))
        row.add_widget(w)
    name.bind(height=lambda *_: setattr(row, "height", max(name.height, shown.height)))
    shown.bind(height=lambda *_: setattr(row, "height", max(name.height, shown.height)))
    return row


class TechPairingScreen(KioskScreen):
    """A terminal without a key: its pairing code, large, until a technician confirms it."""

    flow: TechnicianFlow
    code = StringProperty("")

    def on_pre_enter(self, *_: Any) -> None:
        self.code = self.flow.pairing_code()
        self._event = Clock.schedule_interval(lambda _dt: self._refresh(), 1.0)

    def _refresh(self) -> None:
        """An expired request starts over with a new code."""
        self.code = self.flow.pairing_code()

    def on_leave(self, *_: Any) -> None:
        self._event.cancel()
