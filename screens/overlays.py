"""Overlays: the idle time-out warning and the technician exit PIN pad."""

from __future__ import annotations

import hashlib
import hmac

from kivy.app import App
from kivy.properties import BooleanProperty, NumericProperty, StringProperty
from kivy.uix.modalview import ModalView

from screens.widgets import KButton


class TimeoutOverlay(ModalView):
    """"Are you still there?" with a countdown and one-tap continue."""

    seconds = NumericProperty(0)


class TechExitOverlay(ModalView):
    """A PIN pad that lets a technician leave the kiosk app."""

    pin = StringProperty("")
    wrong = BooleanProperty(False)

    def on_kv_post(self, base_widget: object) -> None:
        for key in "123456789C0<":
            button = KButton(tid=f"tech.key.{key}", raw=key, role="heading")
            button.bind(on_action=lambda _w, k=key: self.press(k))
            self.ids.pad.add_widget(button)

    def press(self, key: str) -> None:
        """A digit, C (clear) or < (delete)."""
        self.wrong = False
        if key == "C":
            self.pin = ""
        elif key == "<":
            self.pin = self.pin[:-1]
        elif len(self.pin) < 12:
            self.pin += key

    def submit(self) -> None:
        """Leave the app when the PIN's hash matches the configured one."""
        app = App.get_running_app()
        digest = hashlib.sha256(self.pin.encode()).hexdigest()
        self.pin = ""
        if hmac.compare_digest(digest, app.technician_pin_sha256):
            app.technician_exit()
        else:
            self.wrong = True
