"""How often a scripted run draws: on a screen nobody watches, only when pixels are read.

A run on its private virtual display is checked through the widget tree (what is
laid out, what a tap reaches, what text is shown), which Kivy keeps up to date on
every clock tick whether or not a frame is drawn. Drawing is the costly part of a
frame under software GL (rasterising and swapping a 1080×1920 buffer, tens of
milliseconds), so such a run lays out every frame but draws only the app's first
frame, which starts the devices and the rest of the screens, and whatever a
screenshot reads (screens.capture draws the frame it reads itself). Nor does it
wait for the display's frame rate: it runs as fast as the steps allow.

A run shown on a real display (`kiosk script --display`) draws every frame at
the normal rate, so a technician sees the visit as a visitor would.
"""

from __future__ import annotations

from typing import Any


class DrawOnDemand:
    """Skips the window's draw and flip once its first frame is on the glass."""

    def __init__(self) -> None:
        self._first_shown = False

    def attach(self, window: Any) -> None:
        """Bound last, so called first: returning True stops the draw and the swap."""
        window.bind(on_draw=self._on_draw, on_flip=self._on_flip)

    def _on_draw(self, *_: object) -> bool:
        return self._first_shown

    def _on_flip(self, *_: object) -> bool:
        if self._first_shown:
            return True
        self._first_shown = True
        return False
