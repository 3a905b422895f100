"""Overlays: the idle time-out warning, the read-aloud controls and the technician exit
PIN pad."""

from __future__ import annotations

from typing import Protocol

from kivy.properties import NumericProperty, StringProperty
from kivy.uix.modalview import ModalView

from screens.base import KioskOverlay, Shell
from screens.widgets import KButton


class TechShell(Shell, Protocol):
    """The shell's way into the technician's menu, which checks the PIN: "ok",
    "wrong" or "locked"."""

    def technician_sign_in(self, pin: str) -> str: ...


class TimeoutOverlay(KioskOverlay, ModalView):
    """"Are you still there?" with a countdown and one-tap continue."""

    seconds = NumericProperty(0)


class VoiceOverlay(KioskOverlay, ModalView):
    """The read-aloud controls, opened from the frame while reading aloud is on: stop,
    hear again, three loudness steps and slower speech, each heard at once; and a line
    saying when some words on this screen have no voice in the visitor's language."""


class TechExitOverlay(KioskOverlay, ModalView):
    """A PIN pad that lets a technician into the terminal's menu (refusal: "wrong"
    or "locked", said on the pad)."""

    pin = StringProperty("")
    refusal = StringProperty("")

    def on_kv_post(self, base_widget: object) -> None:
        for key in "123456789C0<":
            button = KButton(tid=f"tech.key.{key}", raw=key, role="heading")
            button.bind(on_action=lambda _w, k=key: self.press(k))
            self.ids.pad.add_widget(button)

    def press(self, key: str) -> None:
        """A digit, C (clear) or < (delete)."""
        self.refusal = ""
        if key == "C":
            self.pin = ""
        elif key == "<":
            self.pin = self.pin[:-1]
        elif len(self.pin) < 12:
            self.pin += key

    shell: TechShell

    def submit(self) -> None:
        """Into the menu when the PIN is right; say why not when it is not."""
        pin, self.pin = self.pin, ""
        outcome = self.shell.technician_sign_in(pin)
        self.refusal = "" if outcome == "ok" else outcome
