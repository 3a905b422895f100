"""A finger on the glass for scripted runs: one touch through Kivy's event loop.

A touch goes in where the display's own input provider would put it, so the app's
tap guard, overlays and disabled widgets see it exactly as a visitor's. Kivy ships a
similar class among its test helpers, but importing those loads pytest into every
scripted run of the kiosk.
"""

from __future__ import annotations

from typing import Any

from kivy.input.motionevent import MotionEvent


class Finger(MotionEvent):
    """One touch at window coordinates (x, y), pressed and lifted on request."""

    def __init__(self, x: float, y: float) -> None:
        from kivy.base import EventLoop

        self.loop = EventLoop
        win = EventLoop.window
        super().__init__("script", 99, {"x": x / (win.width - 1.0),
                                        "y": y / (win.height - 1.0)},
                         is_touch=True, type_id="touch")
        self.profile = ["pos"]

    def depack(self, args: dict[str, Any]) -> None:
        """Positions travel as fractions of the window, as real providers send them."""
        self.sx, self.sy = args["x"], args["y"]
        super().depack(args)

    def down(self) -> None:
        self.loop.post_dispatch_input("begin", self)

    def up(self) -> None:
        self.loop.post_dispatch_input("end", self)
