"""Full-screen notices: a service still to come, the failsafe, out of service."""

from __future__ import annotations

from kivy.properties import NumericProperty, StringProperty

from screens.base import KioskScreen


class SoonScreen(KioskScreen):
    """A service that is not available on the terminal yet."""

    service_key = StringProperty("")

    def reset(self) -> None:
        super().reset()
        self.service_key = ""


class FailsafeScreen(KioskScreen):
    """Shown after an unhandled error; returns to the start by itself."""

    seconds = NumericProperty(0)


class OutOfServiceScreen(KioskScreen):
    """The terminal cannot serve visitors; staff can. message: a technician's own
    words for visitors (from the fleet console), shown as given."""

    message = StringProperty("")
