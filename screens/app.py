"""The kiosk app: shows what the core's visitor session says.

The app is handed a KioskCore by the composition root and holds no business
rules: the session decides when a visitor starts, is warned and is gone; the
app switches screens, keeps visitors inside (Esc, Alt-F4 and back do nothing)
and lets a technician out with a PIN.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kivy.app import App
from kivy.base import ExceptionHandler, ExceptionManager
from kivy.clock import Clock
from kivy.core.text import LabelBase
from kivy.core.window import Window
from kivy.lang import Builder
from kivy.properties import (
    BooleanProperty,
    ListProperty,
    NumericProperty,
    ObjectProperty,
    StringProperty,
)
from kivy.uix.modalview import ModalView
from kivy.uix.screenmanager import NoTransition, ScreenManager

from kiosk.clock import Clock as KioskClock
from kiosk.core import KioskCore
from kiosk.fonts import FontSet
from kiosk.i18n import Text, Translator
from kiosk.ime.loader import EngineLoader
from kiosk.session import SessionState, VisitorSession
from kiosk.taps import TapGuard
from screens import registry
from screens.base import KioskScreen
from screens.icons import ICON_FONT, ICON_FONT_IN_TIBETAN
from screens.theme import Theme, make_theme
from screens.widgets import CJK_FONT, CJK_FONT_IN_TIBETAN, TIBETAN_FONT

log = logging.getLogger(__name__)
KV_DIR = Path(__file__).parent / "kv"
TECH_CORNER_TAPS = 5
TECH_CORNER_WINDOW_S = 3.0
LONG_PRESS_S = 0.8          # a press this long speaks what the control does


class _FailsafeHandler(ExceptionHandler):
    """Sends any unhandled exception to the session's failsafe and keeps running."""

    def __init__(self, session: VisitorSession) -> None:
        super().__init__()
        self.session = session

    def handle_exception(self, inst: BaseException) -> int:
        if isinstance(inst, (KeyboardInterrupt, SystemExit)):
            return ExceptionManager.RAISE
        self.session.fail(inst)
        return ExceptionManager.PASS


class _Overlays(dict):
    """Overlays by name, each built on first use."""

    def __init__(self, shell: KioskApp) -> None:
        super().__init__()
        self.shell = shell

    def __missing__(self, name: str) -> ModalView:
        self[name] = registry.build_overlay(name, self.shell)
        return self[name]


class KioskApp(App):
    """The touch-screen application of one terminal."""

    lang = StringProperty("zh")
    elder = BooleanProperty(False)
    theme = ObjectProperty(None, rebind=True)
    hall_name = StringProperty("")
    staff_desk = StringProperty("")
    languages = ListProperty(["zh", "en", "bo"])
    visitor_name = StringProperty("")       # masked, from the ID card; "" when none
    visitor_card_expired = BooleanProperty(False)
    staff_call = StringProperty("")         # the footer's call: "", calling, called, unreached
    # the frame around every screen (the home flow says what it shows)
    in_session = BooleanProperty(False)     # a visitor is being served: home and finish
    clock_text = StringProperty("")
    time_left = NumericProperty(-1)         # whole seconds until the visit ends; -1 between
    hotline = StringProperty("")
    # voice guidance (kiosk/speech): read aloud, loudness step 1–3, slower speech, and
    # whether the screen's words could not all be said in the visitor's language
    voice_on = BooleanProperty(False)
    voice_volume = NumericProperty(2)
    voice_slow = BooleanProperty(False)
    voice_unavailable = BooleanProperty(False)

    def __init__(self, core: KioskCore, translator: Translator, fonts: FontSet,
                 after_first_frame: Callable[[], None] | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.core = core
        core.leave = self.leave          # a restart asked by the fleet ends the app here
        core.settings_listeners.append(self._on_settings)
        self._after_first_frame = after_first_frame
        self.session: VisitorSession = core.session
        self.translator = translator
        self.fonts = fonts
        k = core.settings.kiosk
        self.hall_name, self.staff_desk = k.hall_name, k.staff_desk
        self.languages = [lang for lang in k.languages if lang in ("zh", "en", "bo")]
        self.technician_pin_sha256 = k.technician_pin_sha256
        self.lang = self.session.language
        self.guard = TapGuard(core.clock, k.double_tap_guard_s)
        # a terminal makes every screen soon after its first frame, so a visitor's first
        # tap on each is instant; a scripted run makes each as it is reached (the same
        # code, on demand) and spends its seconds on the steps instead
        self.prebuild = True
        self.overlays: dict[str, ModalView] = {}
        self._corner_taps: list[float] = []
        self.theme = self._make_theme()
        self._voice_defaults()
        self._long_press: tuple[str, float, Any] | None = None
        self.long_pressed = ""       # the control a press held long just explained

    def open_settings(self, *largs: Any) -> bool:
        """Never: Kivy opens its settings panel on F1 or the menu key of any keyboard.

        A visitor must not reach it, and its widgets' rules are not even loaded
        (kiosk_command/kivy_data.py).
        """
        return False

    # -- building ---------------------------------------------------------
    def build(self) -> ScreenManager:
        self.title = "employment-kiosk"
        LabelBase.register(CJK_FONT, str(self.fonts.cjk_regular),
                           fn_bold=str(self.fonts.cjk_bold))
        LabelBase.register(TIBETAN_FONT, str(self.fonts.tibetan))
        LabelBase.register(ICON_FONT, str(self.fonts.icons))
        LabelBase.register(ICON_FONT_IN_TIBETAN, str(self.fonts.icons_in_tibetan))
        LabelBase.register(CJK_FONT_IN_TIBETAN, str(self.fonts.cjk_in_tibetan),
                           fn_bold=str(self.fonts.cjk_bold_in_tibetan))
        Builder.load_file(str(KV_DIR / "widgets.kv"))
        manager = ScreenManager(transition=NoTransition())
        first = "home" if self.session.state is SessionState.ACTIVE else "attract"
        manager.add_widget(registry.build_screen(first, self, self.core.flows))
        manager.bind(current=lambda *_: self._screen_changed())
        # a new screen, or the same one in another language, is said once, before the frame
        self._speak_soon = Clock.create_trigger(lambda _dt: self._speak_screen(), -1)
        self.bind(lang=lambda *_: self._speak_soon())
        self.overlays = _Overlays(self)
        # devices and the rest of the screens come just after the first frame
        Window.bind(on_flip=self._first_flip)
        ExceptionManager.add_handler(_FailsafeHandler(self.session))
        self.session.on_change(self._on_session)
        self.session.on_end(self._on_session_end)
        Window.bind(on_keyboard=self._on_key, on_request_close=self._on_request_close,
                    on_touch_down=self._on_touch, on_resize=lambda *_: self._retheme())
        Clock.schedule_interval(lambda _dt: self.tick(), 0.25)
        # a session's end resets the mode that the next visitor may set again at once:
        # the new theme (which re-evaluates every kv rule) is made once, before the frame
        self._retheme_soon = Clock.create_trigger(lambda _dt: self._retheme(), -1)
        # the one place where other threads' work (card reads, deliveries) joins the UI
        Clock.schedule_interval(lambda _dt: self.core.ui.run_pending(), 0)
        return manager

    def _first_flip(self, *_: Any) -> None:
        Window.unbind(on_flip=self._first_flip)
        if self._after_first_frame is not None:
            Clock.schedule_once(lambda _dt: self._after_first_frame(), 0)
        if self.prebuild:
            Clock.schedule_once(lambda _dt: self._build_remaining(), 0.1)

    def _build_remaining(self) -> None:
        """Every other screen and overlay now; a stop asked meanwhile (prebuild turned
        off by the signal) ends it between two screens, so the stop need not wait."""
        for name in registry.screens():
            if not self.prebuild:
                return
            self.screen(name)
        for name in registry.overlays():
            if not self.prebuild:
                return
            self.overlay(name)

    def retell(self) -> None:
        """A screen's content changed in place (the next question): read it aloud anew."""
        self._speak_soon()

    def _screen_changed(self) -> None:
        if "keyboard" in self.overlays:      # the keyboard belongs to the screen it typed on
            self.overlays["keyboard"].dismiss(animation=False)
        self._speak_soon()

    # -- voice guidance ----------------------------------------------------
    @property
    def speech(self) -> Any:
        """The speech service (None when the terminal has no voice wired)."""
        return self.core.speech

    def _voice_defaults(self, elder: bool = False) -> None:
        """What a visit starts with: read aloud per the terminal's setting (in 长辈版 by
        default), its loudness and speed."""
        v = self.core.settings.voice
        self.voice_on = self._reads_aloud(elder)
        self.voice_volume, self.voice_slow = v.volume, v.slow
        self._voice_options()

    def _reads_aloud(self, elder: bool) -> bool:
        mode = self.core.settings.voice.read_aloud
        return mode == "always" or (mode == "elder" and elder)

    def _voice_options(self) -> None:
        if self.speech is not None:
            self.speech.options.volume = int(self.voice_volume)
            self.speech.options.slow = self.voice_slow

    def _speak_screen(self, first: tuple[str, ...] = ()) -> None:
        speech = self.speech
        if speech is None or not self.voice_on or self.root is None:
            return
        speech.on_unavailable = self._voice_missing
        speech.screen(self.root.current, self.lang, first)

    def _voice_missing(self, missing: bool) -> None:
        """From the speech worker: some words had no voice in this language."""
        self.core.ui.post(lambda: setattr(self, "voice_unavailable", missing))

    def toggle_voice(self) -> None:
        """Read aloud on or off; switched on, it says so and reads the screen."""
        self.voice_on = not self.voice_on
        if self.voice_on:
            self._speak_screen(first=("voice.on",))
        elif self.speech is not None:
            self.speech.stop()
            self.voice_unavailable = False

    def voice_button(self) -> None:
        """The frame's read-aloud button: on with one tap; once on, its controls."""
        if not self.voice_on:
            self.toggle_voice()
        else:
            self.overlays["voice"].open(animation=False)

    def repeat_voice(self) -> None:
        """Say the last words again (turns reading aloud on if it was off)."""
        if self.speech is None:
            return
        if not self.voice_on:
            self.voice_on = True
            self._speak_screen()
        else:
            self.speech.repeat()

    def set_voice_volume(self, step: int | None = None) -> None:
        """One of three loudness steps; without a step, the next one (3 wraps to 1)."""
        self.voice_volume = step if step in (1, 2, 3) else int(self.voice_volume) % 3 + 1
        self._voice_options()
        if self.voice_on and self.speech is not None:
            self.speech.repeat()

    def toggle_slow_voice(self) -> None:
        """Slower speech on or off, heard at once."""
        self.voice_slow = not self.voice_slow
        self._voice_options()
        if self.voice_on and self.speech is not None:
            self.speech.repeat()

    def long_press(self, tid: str) -> bool:
        """A long press on a control: say what it does, as its screen declares (also
        when reading aloud is off: the press itself asks)."""
        if self.speech is None or self.root is None:
            return False
        return bool(self.speech.control(self.root.current, tid, self.lang))

    def _start_long_press(self, touch: Any) -> None:
        """Remember which control a finger came down on, and when (the injected clock:
        tick() decides, so scripts hold a press by advancing time)."""
        tid = self._tid_under(touch)
        self.long_pressed = ""
        self._long_press = (tid, self.core.clock.monotonic(), touch) if tid else None

    def _check_long_press(self) -> None:
        if self._long_press is None:
            return
        tid, since, touch = self._long_press
        if touch.time_end >= 0:                   # lifted: it was a tap
            self._long_press = None
        elif self.core.clock.monotonic() - since >= LONG_PRESS_S - 1e-6:
            self._long_press = None
            if self.long_press(tid):
                self.long_pressed = tid           # its release explains, it does not act

    def _tid_under(self, touch: Any) -> str:
        """The test id of the topmost control under a touch on the current screen."""
        found = ""
        for widget in self.root.current_screen.walk():
            tid = getattr(widget, "tid", "")
            if tid and widget.collide_point(*widget.to_widget(*touch.pos)):
                found = tid
        return found

    def screen(self, name: str) -> KioskScreen:
        """The named screen, built on first use."""
        if not self.root.has_screen(name):
            self.root.add_widget(registry.build_screen(name, self, self.core.flows))
        return self.root.get_screen(name)

    def overlay(self, name: str) -> ModalView:
        """The named overlay, built on first use."""
        return self.overlays[name]

    @property
    def clock(self) -> KioskClock:
        return self.core.clock

    @property
    def ime(self) -> EngineLoader | None:
        return self.core.ime

    def on_start(self) -> None:
        self._retheme()
        self._on_session(self.session)

    def _make_theme(self) -> Theme:
        d = self.core.settings.display
        width = Window.width if Window else d.width
        return make_theme(self.elder, width, d.width, d.dpi)

    def _retheme(self) -> None:
        theme = self._make_theme()
        if theme != self.theme:      # a new theme object re-evaluates every kv rule
            self.theme = theme

    # -- what kv calls ----------------------------------------------------
    def tr(self, key: str, lang: str | None = None, **values: Any) -> str:
        """Translated text; kv passes app.lang so it re-evaluates on a switch."""
        return self.translator.text(key, lang or self.lang, **values)

    def say(self, text: Text) -> str:
        """A flow's Text in the visitor's language (the staff desk filled in)."""
        key, values = text
        return self.translator.say((key, {"desk": self.staff_desk, **values}), self.lang)

    def has_text(self, key: str) -> bool:
        """Whether the catalogs have words of their own for key."""
        return self.translator.has(key, "zh")

    def tap_allowed(self, tid: str) -> bool:
        """The double-tap guard: one action per tap, per button; a press held long
        enough to be explained is not also a tap."""
        if tid and tid == self.long_pressed:
            self.long_pressed = ""
            return False
        return self.guard.allow(tid or "anonymous")

    def has_screen(self, name: str) -> bool:
        """Whether a flow declares the screen (asked before its package is imported)."""
        return registry.declared(name)

    def go(self, name: str) -> None:
        """Switch to a screen by name."""
        self.screen(name)
        self.root.current = name

    def call_staff(self) -> None:
        """The footer's button: the home flow calls the desk's staff and says how it went."""
        home = self.core.flows.get("home")
        if home is not None:
            self.staff_call = home.call_staff(lambda state: setattr(self, "staff_call", state))

    def staff_help(self, lang: str, call: str, desk: str, elder: bool = False) -> str:
        """The footer's words; kv passes the language, the call, the desk and the mode
        so that it re-evaluates when any of them changes."""
        home = self.core.flows.get("home")
        text = home.help_text() if home is not None else ("common.staff_help", {})
        if self.elder and text[0] == "common.staff_help":
            # 长辈版 has no room for the desk in the frame: a tap names it
            text = ("frame.help", {})
        return self.say(text)

    def time_left_text(self, lang: str, seconds: float) -> str:
        """The frame's "time left" in lang ("" between visits); kv passes both so that
        it re-evaluates as either changes."""
        home = self.core.flows.get("home")
        if home is None or seconds < 0:
            return ""
        return self.tr("frame.left", lang, time=home.time_left_text(int(seconds)))

    def go_home(self) -> None:
        """The frame's home button: the service tiles, the visit and its data kept."""
        self.go("home")

    def start_session(self) -> None:
        self.session.touch()

    def continue_session(self) -> None:
        self.session.touch()

    def end_session(self) -> None:
        self.session.end("done")

    def recover(self) -> None:
        self.session.recover()

    def set_language(self, lang: str) -> None:
        self.session.set_language(lang)

    def set_elder(self, elder: bool) -> None:
        self.session.set_elder(elder)

    # -- session ----------------------------------------------------------
    def tick(self) -> None:
        """Advance the session and refresh the countdowns."""
        self.session.tick()
        state = self.session.state
        self._speak_warning(state)
        self._check_long_press()
        if state is SessionState.WARNING:
            self.overlays["timeout"].seconds = math.ceil(self.session.seconds_left())
        elif state is SessionState.FAILSAFE:
            left = self.session.timings.failsafe_return_s - self.session.seconds_in_state()
            self.screen("failsafe").seconds = max(0, math.ceil(left))
        elif state is SessionState.IDLE:
            self.screen("attract").show_items(self.session.items_to_take(), self.tr)
        self._frame()

    def _frame(self) -> None:
        """Refresh what the frame shows; properties change only when their value does,
        so four ticks a second redraw nothing between minutes and seconds."""
        home = self.core.flows.get("home")
        if home is None:
            return
        in_session = self.session.state in (SessionState.ACTIVE, SessionState.WARNING)
        left = home.time_left()
        values = {"in_session": in_session, "clock_text": home.clock_text(self.lang),
                  "time_left": -1 if left is None else left, "hotline": home.hotline()}
        for name, value in values.items():
            if getattr(self, name) != value:
                setattr(self, name, value)

    def _speak_warning(self, state: SessionState) -> None:
        """The time-out warning is said, then counted down aloud (kiosk/speech decides
        which seconds), or with reading aloud off a chime sounds once; it falls silent
        when the visitor continues or leaves."""
        if self.speech is None:
            return
        if state is SessionState.WARNING and self.voice_on:
            self.speech.warn(math.ceil(self.session.seconds_left()), self.lang)
        elif state is SessionState.WARNING:
            self.speech.warn_tone()        # voice off: a chime, not words
        else:
            self.speech.warn_over()

    def _on_session(self, session: VisitorSession) -> None:
        visit = session.visit
        if self.visitor_name != visit.masked_name():
            self.visitor_name = visit.masked_name()
        self.visitor_card_expired = visit.card is not None and visit.card_expired
        if self.lang != session.language:
            self.lang = session.language
        if self.elder != session.elder:
            self.elder = session.elder
            self._retheme_soon()
            self.voice_on = self._reads_aloud(self.elder)   # 长辈版 reads aloud by default
            self._speak_soon()
        state = session.state
        if state is not SessionState.WARNING and "timeout" in self.overlays:
            self.overlays["timeout"].dismiss(animation=False)
        if state is not SessionState.ACTIVE and "voice" in self.overlays:
            self.overlays["voice"].dismiss(animation=False)
        if state is SessionState.WARNING:
            self.overlays["timeout"].seconds = math.ceil(session.seconds_left())
            self.overlays["timeout"].open(animation=False)
        elif state is SessionState.ACTIVE and self.root.current in _OUTSIDE_SESSION:
            self.go("home")
        elif state is not SessionState.ACTIVE:
            if state is SessionState.OUT_OF_SERVICE:
                self.screen("out_of_service").message = session.service_message
            target = _STATE_SCREENS[state]
            if state is SessionState.OUT_OF_SERVICE and session.failure == "pairing":
                target = "tech_pairing"          # no key yet: the code to confirm
            if not (self.root.current == "tech_menu" and state in _MENU_STAYS):
                self.go(target)
        self.tick()

    def _on_settings(self, settings: Any) -> None:
        """Configuration from the fleet, applied while nobody is served: the texts the
        shell shows from it (the first screen redraws on the next visit)."""
        k = settings.kiosk
        self.hall_name, self.staff_desk = k.hall_name, k.staff_desk
        self.languages = [lang for lang in k.languages if lang in ("zh", "en", "bo")]
        self.session.default_language = k.language

    def _on_session_end(self) -> None:
        self._voice_defaults(self.session.elder)
        self.voice_unavailable = False
        self.visitor_name = ""
        self.staff_call = ""
        self.visitor_card_expired = False
        if "tech_exit" in self.overlays:
            self.overlays["tech_exit"].dismiss(animation=False)
        if "keyboard" in self.overlays:
            self.overlays["keyboard"].forget()     # closes it and wipes the field it edited
        for screen in self.root.screens:
            screen.reset()
        self.guard.reset()

    # -- keeping visitors in ----------------------------------------------
    def _on_touch(self, _window: Any, touch: Any) -> bool:
        self._count_corner_tap(touch)
        if self.speech is not None:
            self.speech.stop()           # a tap cuts off what is being said
        state = self.session.state
        pad = self.overlays.get("tech_exit")
        if self.root.current == "tech_menu" or (pad is not None and pad.get_parent_window()):
            return False         # the technician's taps reach the pad or menu: no visit
        if state is SessionState.IDLE:
            self.session.touch()
            choice = self._attract_choice_under(touch)
            if choice.startswith("lang."):
                self.session.set_language(choice.removeprefix("lang."))
            elif choice == "attract.elder":
                self.session.set_elder(True)
            elif choice == "attract.voice":
                self.voice_on = True          # home, shown next, is read aloud
            return True          # the wake-up tap only starts (and may pick a language
            #                      or the mode)
        if state is SessionState.WARNING:
            box = self.overlays["timeout"].ids.box
            if not box.collide_point(*touch.pos):
                self.session.touch()
                return True
            return False
        if state is SessionState.ACTIVE:
            self.session.touch()
            self._start_long_press(touch)
        return False

    def _attract_choice_under(self, touch: Any) -> str:
        """The attract screen's language or 长辈版 button under a touch ("" for none): the
        wake-up tap is taken by the session, so the choice it lands on is read here."""
        for widget in self.screen("attract").walk():
            tid = getattr(widget, "tid", "")
            choice = tid.startswith("lang.") or tid in ("attract.elder", "attract.voice")
            usable = choice and not widget.disabled and widget.opacity > 0
            if usable and widget.collide_point(*widget.to_widget(*touch.pos)):
                return tid
        return ""

    def _count_corner_tap(self, touch: Any) -> None:
        """Five quick taps in the top-left corner open the technician PIN pad."""
        corner = self.theme.target
        if touch.x > corner or touch.y < Window.height - corner:
            return
        now = self.core.clock.monotonic()
        self._corner_taps = [t for t in self._corner_taps if now - t < TECH_CORNER_WINDOW_S]
        self._corner_taps.append(now)
        if len(self._corner_taps) >= TECH_CORNER_TAPS:
            self._corner_taps.clear()
            self.open_tech_exit()

    def open_tech_exit(self) -> None:
        self.overlays["tech_exit"].open(animation=False)

    def technician_sign_in(self, pin: str) -> str:
        """Open the technician's menu when pin is right: "ok", "wrong" or "locked"
        (the pad locks for a growing time after wrong PINs)."""
        flow = self.core.flows.get("technician")
        outcome = flow.sign_in(pin) if flow is not None else "wrong"
        if outcome == "ok":
            self.overlays["tech_exit"].dismiss(animation=False)
            self.go("tech_menu")
            if self.session.state in (SessionState.ACTIVE, SessionState.WARNING):
                self.session.end("technician")   # the touch that opened the pad: no visit
        return outcome

    def leave(self, reason: str) -> None:
        """Close the app (the only way out besides the technician's PIN is a script's end)."""
        log.warning("kiosk app closing", extra={"reason": reason})
        self._leaving = True
        self.stop()

    def _on_key(self, _window: Any, key: int, _scancode: int, _codepoint: str | None,
                modifiers: list[str]) -> bool:
        if key == ord("q") and {"ctrl", "alt"} <= set(modifiers):
            self.open_tech_exit()
        return key in (27, 1001) or "alt" in modifiers   # Esc, Android back, Alt-F4

    def _on_request_close(self, *_: Any, **__: Any) -> bool:
        refuse = not getattr(self, "_leaving", False)
        if refuse:        # a window manager's close (Alt-F4, a close button): never
            log.info("window close request refused")
        return refuse


_OUTSIDE_SESSION = {"attract", "failsafe", "out_of_service", "tech_menu", "tech_pairing"}
# the technician's menu stays while the technician takes the terminal out of service
# and back (its close goes to the screen of the state)
_MENU_STAYS = {SessionState.IDLE, SessionState.OUT_OF_SERVICE}
_STATE_SCREENS = {
    SessionState.IDLE: "attract",
    SessionState.FAILSAFE: "failsafe",
    SessionState.OUT_OF_SERVICE: "out_of_service",
}
