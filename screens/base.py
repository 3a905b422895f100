"""What every screen is handed, and the base of every screen.

A screen is made by the registry with the app shell (language, theme,
texts, navigation, the tap guard) and its flow object (the rules and state
of what it shows). Screens never reach for the running App: what they may
use of the shell is the Shell protocol below, and the flow is typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from kivy.clock import Clock as KivyClock
from kivy.uix.screenmanager import Screen

if TYPE_CHECKING:
    from kivy.uix.modalview import ModalView

    from kiosk.clock import Clock
    from kiosk.i18n import Text
    from kiosk.ime.loader import EngineLoader
    from screens.theme import Theme


class Shell(Protocol):
    """The app as its screens and widgets see it."""

    lang: str
    elder: bool
    theme: Theme
    staff_desk: str

    @property
    def clock(self) -> Clock: ...

    @property
    def ime(self) -> EngineLoader | None: ...

    def tr(self, key: str, lang: str | None = None, **values: object) -> str: ...

    def say(self, text: Text) -> str: ...

    def has_text(self, key: str) -> bool: ...

    def go(self, name: str) -> None: ...

    def retell(self) -> None:
        """The screen shows new content in place (the next question): say it anew."""

    def screen(self, name: str) -> KioskScreen: ...

    def has_screen(self, name: str) -> bool: ...

    def overlay(self, name: str) -> ModalView: ...

    def tap_allowed(self, tid: str) -> bool: ...

    def bind(self, **handlers: Callable[..., object]) -> None: ...


class KioskScreen(Screen):
    """A screen handed its shell and flow, forgetting the visitor on reset()."""

    def __init__(self, shell: Shell, flow: object = None, **kwargs: object) -> None:
        self.shell = shell
        self.flow = flow
        super().__init__(**kwargs)

    @property
    def shown(self) -> bool:
        """Whether this screen is the one on the glass."""
        return self.manager is not None and self.manager.current == self.name

    def dispatch(self, event_type: str, *args: object, **kwargs: object) -> object:
        """A leave that arrives while this screen is on the glass again is stale: the
        manager finishes a transition away from it after it was switched back to (a quick
        back-and-forth), and acting on it would drop what the screen now shows."""
        if event_type == "on_leave" and self.shown:
            return None
        return super().dispatch(event_type, *args, **kwargs)

    def redraw_on_switch(self, redraw: Callable[[], None]) -> None:
        """Run redraw when the language or the mode (theme) changes while this screen is
        the one on the glass; a hidden screen redraws when it is next shown. A session's
        end changes both at once: they make one redraw, before the next frame."""
        soon = KivyClock.create_trigger(lambda _dt: redraw() if self.shown else None, -1)

        def maybe(*_: object) -> None:
            if self.shown:
                soon()
        self.shell.bind(lang=maybe, theme=maybe)

    def poll_while_shown(self, poll: Callable[[], None], every_s: float) -> None:
        """Run poll every every_s seconds while this screen is on the glass, never while
        it is hidden: for what changes behind it (a cache that syncs in the background)."""
        event = None

        def tick(_dt: float) -> None:
            if self.shown:
                poll()
            else:           # left without an on_leave (a switch within a switch)
                stop()

        def start(*_: object) -> None:
            nonlocal event
            if event is None:
                event = KivyClock.schedule_interval(tick, every_s)

        def stop(*_: object) -> None:
            nonlocal event
            if event is not None:
                event.cancel()
                event = None
        self.bind(on_enter=start, on_leave=stop)

    def reset(self) -> None:
        """Drop visitor data (form fields, search text, scroll positions)."""
        for child in self.walk(restrict=True):
            if child is self:
                continue
            if hasattr(child, "scroll_y"):
                child.scroll_y = 1
            forget = getattr(child, "forget", None)
            if callable(forget):
                forget()          # a KeyField: text, composition and input state


class KioskOverlay:
    """Mixed into overlays: they are handed the shell as screens are."""

    def __init__(self, shell: Shell, **kwargs: object) -> None:
        self.shell = shell
        super().__init__(**kwargs)
