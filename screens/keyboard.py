"""The on-screen keyboard: a text field, the keys, and the overlay docked at the bottom.

A screen puts a `KeyField` in its kv; a tap on it opens the shared `KeyboardOverlay`
(`app.overlays["keyboard"]`) for that field. The field owns its text and its pinyin
composition (`kiosk.ime.ImeState`); the keys only forward presses to it, so a key press
costs a lookup (well under a millisecond) and a refill of the candidate bar, nothing else.

Rules the visitor sees:
- letters compose pinyin once the dictionary is loaded (core.extras["ime"]); before,
  they go in as typed and the candidate bar says the Chinese input is still loading;
- a candidate tap inserts that word; the rest of the letters stay composing;
- Done (完成 / 搜索) commits the letters still composing as typed, like Enter on a phone
  keyboard (Latin words, codes and English text need no extra mode), closes the keyboard
  and fires the field's on_submit. The echo line shows exactly that: the text followed
  by the composing letters, underlined;
- Space commits the composing letters as typed, then a space;
- typing keys drop only a finger's bounce (KEY_BOUNCE_S): a second "0" of 13800 is
  meant. Done and Clear keep the app's double-tap guard.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from kivy.clock import Clock
from kivy.core.text import Label as CoreLabel
from kivy.lang import Builder
from kivy.properties import (
    BooleanProperty,
    NumericProperty,
    ObjectProperty,
    OptionProperty,
    StringProperty,
)
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.modalview import ModalView
from kivy.uix.widget import Widget

from kiosk.ime import ImeEngine, ImeState
from kiosk.taps import TapGuard
from screens.base import KioskOverlay, Shell
from screens.widgets import CJK_FONT, KButton, Painted

KEY_BOUNCE_S = 0.15        # a bouncing finger; a deliberate repeat takes longer
CANDIDATES = 20            # candidates in the bar (the first five or six are in view)
MAX_COMPOSING = 32         # letters of one composition
ELDER_DP, ELDER_MM, NORMAL_DP = 60.0, 15.0, 44.0     # the service rules for targets
TARGET_MARGIN = 1.15       # keys stay this much above the rule minimum
SLACK = 4                  # pixels a measured line gets so it never wraps by rounding

PINYIN_ROWS: tuple[tuple[tuple[str, float], ...], ...] = (
    tuple((d, 1) for d in "1234567890"),
    tuple((c, 1) for c in "qwertyuiop"),
    (("", 0.5), *((c, 1) for c in "asdfghjkl"), ("", 0.5)),
    (("'", 1), *((c, 1) for c in "zxcvbnm"), ("backspace", 2)),
    (("clear", 2), ("space", 5), ("done", 3)),
)
DIGIT_ROWS: tuple[tuple[tuple[str, float], ...], ...] = (
    (("1", 1), ("2", 1), ("3", 1)), (("4", 1), ("5", 1), ("6", 1)),
    (("7", 1), ("8", 1), ("9", 1)), (("backspace", 1), ("0", 1), ("done", 1)),
)
# an ID number: digits and the X a check character may be
ID_ROWS: tuple[tuple[tuple[str, float], ...], ...] = (
    *DIGIT_ROWS[:3], (("X", 1), ("0", 1), ("backspace", 1)), (("done", 1),),
)
PADS = ("digits", "id")        # layouts without composition: keys go in as they are
NAMED = {"backspace": "kb.backspace", "clear": "kb.clear", "space": "kb.space"}


_KV = str(Path(__file__).with_name("keyboard.kv").resolve())


def _load_kv() -> None:
    """The keyboard's rules, once, when its first widget is made (any screen may)."""
    if _KV not in Builder.files:
        Builder.load_file(_KV)


# -- sizes ------------------------------------------------------------------
def min_target(theme: Any) -> float:
    """The shortest button side the service rules allow, in window pixels."""
    if theme.elder:
        return max(ELDER_DP / theme.dp(1.0), ELDER_MM / theme.millimetres(1.0))
    return NORMAL_DP / theme.dp(1.0)


@lru_cache(maxsize=32)
def line_px(font_size: float, line_height: float) -> float:
    """Height of one line of Chinese or Latin text at this size."""
    core = CoreLabel(text="Ag中", font_name=CJK_FONT, font_size=font_size,
                     line_height=line_height)
    core.resolve_font_name()
    return core.get_extents("Ag中")[1] * line_height


def key_height(theme: Any, layout: str = "pinyin") -> float:
    """Key height: ten letters a row fit only by width, so size keys by the rule limits.

    The rule minimum (with a margin), the key's text with a little room, and a share
    of the theme's ideal target, whichever is largest.
    """
    font = theme.heading if layout in PADS else theme.body
    share = 0.9 if layout in PADS else (0.65 if theme.elder else 0.75)
    return max(min_target(theme) * TARGET_MARGIN, line_px(font, theme.line_height)
               + theme.pad * 0.25, theme.target * share)


@lru_cache(maxsize=16)
def measurer(font_size: float, bold: bool = False) -> Any:
    """Width in pixels of a line of Chinese or Latin text (the keyboard types no Tibetan)."""
    core = CoreLabel(font_name=CJK_FONT, font_size=font_size, bold=bold)
    core.resolve_font_name()
    return lambda s: core.get_extents(s)[0] if s else 0


def fit_tail(text: str, room: float, measure: Any) -> str:
    """The end of text that fits in room, "…" in front when cut (the caret is at the end)."""
    if measure(text) <= room:
        return text
    lo, hi = 0, len(text)          # lo chars surely fit after "…"; hi do not (yet)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if measure("…" + text[-mid:]) <= room:
            lo = mid
        else:
            hi = mid - 1
    return "…" + text[-lo:] if lo else ""


# -- the field --------------------------------------------------------------
class FieldView(Painted, BoxLayout):
    """A painted text box: text, the composing letters underlined, a caret, or the hint."""

    text = StringProperty("")
    composing = StringProperty("")
    hint = StringProperty("")
    editing = BooleanProperty(False)
    floor = NumericProperty(0)          # the least height (a tappable field: a target)
    shown = StringProperty("")          # the end of text that fits
    shown_composing = StringProperty("")
    shell = ObjectProperty(None, allownone=True)   # the app (widget rules set it)

    def __init__(self, **kwargs: Any) -> None:
        _load_kv()
        self._refit_soon = Clock.create_trigger(lambda _dt: self.refit(), -1)
        super().__init__(**kwargs)
        for name in ("text", "composing", "width", "editing"):
            self.fbind(name, self._refit_soon)

    def on_shell(self, _widget: Any, shell: Any) -> None:
        if shell is not None:
            shell.fbind("theme", self._refit_soon)

    def refit(self) -> None:
        """Cut text from the left so text, composition and caret fit on one line."""
        app = self.shell
        if app is None:
            self.shown, self.shown_composing = self.text, self.composing
            return
        measure = measurer(app.theme.body)
        room = self.width - self.padding[0] - self.padding[2] - app.theme.pad * 0.5
        self.shown_composing = fit_tail(self.composing, room, measure)
        self.shown = fit_tail(self.text, room - measure(self.shown_composing), measure)
        # labels as wide as their text (a label sized by its texture never settles)
        self.ids.comp.width = measure(self.shown_composing) + SLACK if self.composing else 0
        self.ids.shown.width = measure(self.shown) + SLACK if self.shown else 0


class KeyField(ButtonBehavior, FieldView):
    """A tappable input box edited with the on-screen keyboard.

    kv:  KeyField:
             tid: "jobs.search"
             hint: app.tr("jobs.search_hint", app.lang)
             title: app.tr("jobs.search_title", app.lang)
             done_key: "kb.search"
             on_preview: root.search(self.preview)     # live, every keystroke
             on_submit: root.search(self.text)         # Done pressed
    """

    tid = StringProperty("")
    preview = StringProperty("")    # text + the top candidate while composing
    layout = OptionProperty("pinyin", options=["pinyin", *PADS])
    max_length = NumericProperty(0)     # 0: unlimited
    title = StringProperty("")      # what the keyboard's echo line names the field
    done_key = StringProperty("kb.done")
    # a search field: Done takes the top candidate, which the live results already show
    done_picks_top = BooleanProperty(False)

    def __init__(self, **kwargs: Any) -> None:
        self.register_event_type("on_submit")
        self._ime: ImeState | None = None
        super().__init__(**kwargs)

    def on_release(self) -> None:
        app = self.shell
        if app is not None and not self.disabled and app.tap_allowed(self.tid):
            app.overlay("keyboard").edit(self)

    def on_submit(self) -> None:
        """Done was pressed (kv: on_submit: ...)."""

    def on_text(self, *_: Any) -> None:
        self._sync()

    @property
    def candidates(self) -> list[Any]:
        """What the candidate bar shows, best first (empty when nothing is composing)."""
        return self._ime.candidates if self._ime is not None else []

    # -- editing (called by the keyboard) -----------------------------------
    def type_key(self, key: str, engine: Any = None) -> None:
        """A letter, digit or apostrophe: composed when there is an engine, else inserted."""
        if self.layout == "pinyin" and self._ime is None and engine is not None:
            self._ime = ImeState(engine, limit=CANDIDATES)
        state = self._ime if self.layout == "pinyin" else None
        if state is None:
            self._insert(key)
        elif len(state.composing) < MAX_COMPOSING or not (state.composing or key.isalpha()):
            self._insert(state.type(key))
        self._sync()

    def pick(self, index: int) -> None:
        if self._ime is not None:
            self._insert(self._ime.pick(index))
        self._sync()

    def backspace(self) -> None:
        if self._ime is None or not self._ime.backspace():
            self.text = self.text[:-1]
        self._sync()

    def space(self) -> None:
        self.commit()
        if self.text:
            self._insert(" ")

    def clear(self) -> None:
        self.text = ""
        if self._ime is not None:
            self._ime.clear()
        self._sync()

    def commit(self) -> None:
        """The composing letters go into the text as typed."""
        if self._ime is not None:
            self._insert(self._ime.commit_raw())
        self._sync()

    def submit(self) -> None:
        if self.done_picks_top and self.candidates:
            self.pick(0)
        self.commit()
        self.dispatch("on_submit")

    def forget(self) -> None:
        """Wipe text, composition and input state (the visitor's session ended)."""
        if self._ime is not None:
            self._ime.clear()
        self._ime = None
        self.text = ""
        self._sync()

    def _insert(self, text: str) -> None:
        if self.max_length:
            text = text[:max(0, int(self.max_length) - len(self.text))]
        if text:
            self.text += text

    def _sync(self) -> None:
        self.composing = self._ime.composing if self._ime is not None else ""
        cands = self.candidates if self.composing else []
        self.preview = self.text + cands[0].text if cands else self.text


# -- the keys ---------------------------------------------------------------
class KeyButton(KButton):
    """One key. Typing keys (guard set) drop only a bounce; the others use the app guard."""

    kind = OptionProperty("key", options=["key", "fn", "go", "cand", "best"])
    guard: TapGuard | None = None

    def on_release(self) -> None:
        if not self.enabled:
            return
        if self.guard is not None:
            allowed = self.guard.allow(self.tid)
        else:
            allowed = self.shell is None or self.shell.tap_allowed(self.tid)
        if allowed:
            self.dispatch("on_action")


class CandidateButton(KeyButton):
    """A word in the candidate bar: as wide as its text (the bar scrolls sideways)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.fbind("raw", self._size)
        self.fbind("font_size", self._size)

    def _size(self, *_: Any) -> None:
        if self.shell is None:
            return
        theme = self.shell.theme
        text = measurer(self.font_size, self.bold)(self.raw)
        self.width = max(text + theme.pad + SLACK, min_target(theme) * TARGET_MARGIN * 1.4)


class KeyboardPanel(BoxLayout):
    """The keys for `field`: pinyin (candidate bar, letters, digits) or a phone pad.

    Both layouts are built once; a key press changes the field and refills the
    candidate bar only. `on_done` fires when Done is pressed, before the field's
    on_submit (the overlay closes itself on it).
    """

    field = ObjectProperty(None, allownone=True)
    layout = OptionProperty("pinyin", options=["pinyin", *PADS])
    key_h = NumericProperty(100)
    shell = ObjectProperty(None, allownone=True)   # the app (widget rules set it)

    def __init__(self, **kwargs: Any) -> None:
        _load_kv()
        self.register_event_type("on_done")
        self.bounce: TapGuard | None = None
        self._rows: dict[str, list[BoxLayout]] = {}
        self._named: list[tuple[KeyButton, str]] = []
        self._pool: list[KeyButton] = []
        self._watch: Any = None
        self._fit_soon = Clock.create_trigger(lambda _dt: self._fit_rows(), -1)
        super().__init__(**kwargs)

    def on_kv_post(self, base_widget: Any) -> None:
        app = self.shell
        self.bounce = TapGuard(app.clock, KEY_BOUNCE_S)
        for layout, rows in (("pinyin", PINYIN_ROWS), ("digits", DIGIT_ROWS), ("id", ID_ROWS)):
            self._rows[layout] = [self._row(row, layout) for row in rows]
        app.fbind("lang", self._relabel)
        self.fbind("key_h", self._fit_soon)
        self._show_layout()
        self._relabel()

    def on_done(self) -> None:
        """Done was pressed."""

    def _row(self, keys: tuple[tuple[str, float], ...], layout: str) -> BoxLayout:
        row = BoxLayout(size_hint_y=None, height=self.key_h)
        for key, units in keys:
            row.add_widget(self._key(key, layout, units) if key else
                           Widget(size_hint_x=units))
        return row

    def _key(self, key: str, layout: str, units: float) -> KeyButton:
        named = key in NAMED or key == "done"
        tid = f"kb.{key}" if named else "kb.key." + ("apostrophe" if key == "'" else key.lower())
        kind = "go" if key == "done" else "fn" if named else "key"
        role = "heading" if layout in PADS and not named else "body"
        button = KeyButton(tid=tid, raw="" if named else key, kind=kind, role=role,
                           size_hint_x=units, size_hint_y=1)
        if key not in ("done", "clear"):
            button.guard = self.bounce
        if named:
            self._named.append((button, key))
        button.bind(on_action=lambda _w: self.press(key),
                    texture_size=self._fit_soon)
        return button

    def _fit_rows(self) -> None:
        """Every row as tall as key_h, or as its tallest label needs (wrapped Tibetan)."""
        pad = self.shell.theme.pad * 0.3
        for row in self._rows.get(self.layout, []):
            row.spacing = self.ids.rows.spacing
            labels = [k.texture_size[1] + pad for k in row.children if isinstance(k, KButton)]
            row.height = max([self.key_h, *labels])

    def _relabel(self, *_: Any) -> None:
        app = self.shell
        done = self.field.done_key if self.field is not None else "kb.done"
        for button, key in self._named:
            button.raw = app.tr(done if key == "done" else NAMED[key], app.lang)
        self.refresh()

    def on_field(self, *_: Any) -> None:
        if self.field is not None:
            self.layout = self.field.layout
        self._relabel()

    def on_layout(self, *_: Any) -> None:
        if self._rows:
            self._show_layout()

    def _show_layout(self) -> None:
        keys = self.ids.rows
        keys.clear_widgets()
        for row in self._rows[self.layout]:
            keys.add_widget(row)
        self._fit_soon()
        self.refresh()

    # -- pressing ---------------------------------------------------------
    def engine(self) -> ImeEngine | None:
        loader = self.shell.ime if self.shell is not None else None
        return loader.engine if loader is not None else None

    def press(self, key: str) -> None:
        """A key of the current layout was tapped."""
        field = self.field
        if field is None:
            return
        if key == "done":
            self.dispatch("on_done")
            field.submit()
            return
        actions = {"backspace": field.backspace, "clear": field.clear, "space": field.space}
        if key in actions:
            actions[key]()
        else:
            field.type_key(key, self.engine())
        self.refresh()

    def pick(self, index: int) -> None:
        if self.field is not None:
            self.field.pick(index)
        self.refresh()

    # -- the candidate bar --------------------------------------------------
    def refresh(self) -> None:
        """Refill the candidate bar from the field (reusing its buttons)."""
        if self.layout != "pinyin":
            return
        cands = self.field.candidates if self.field is not None else []
        row = self.ids.cands
        row.clear_widgets()
        for index, cand in enumerate(cands):
            button = self._candidate(index)
            button.raw = cand.text
            row.add_widget(button)
        self.ids.scroll.scroll_x = 0
        self._show_bar_hint(not cands)

    def _candidate(self, index: int) -> KeyButton:
        while len(self._pool) <= index:
            i = len(self._pool)
            button = CandidateButton(tid=f"kb.cand.{i}", kind="best" if i == 0 else "cand")
            button.guard = self.bounce
            button.bind(on_action=lambda _w, i=i: self.pick(i))
            self._pool.append(button)
        return self._pool[index]

    def _show_bar_hint(self, show: bool) -> None:
        hint, scroll = self.ids.bar_hint, self.ids.scroll
        hint.raw = self._bar_text() if show else ""
        hint.opacity, scroll.opacity = (1, 0) if show else (0, 1)
        hint.size_hint_x, scroll.size_hint_x = (1, None) if show else (None, 1)
        if show:
            scroll.width = 0
        else:
            hint.width = 0

    def _bar_text(self) -> str:
        app = self.shell
        if self.engine() is not None:
            return app.tr("kb.pinyin_hint", app.lang)
        loader = app.ime
        if loader is not None and loader.failed:
            return app.tr("kb.unavailable", app.lang)
        if self._watch is None:
            self._watch = Clock.schedule_interval(self._check_engine, 0.5)
        return app.tr("kb.loading", app.lang)

    def _check_engine(self, _dt: float) -> bool | None:
        loader = self.shell.ime
        if self.engine() is None and not (loader is not None and loader.failed):
            return None
        self._watch = None
        self.refresh()
        return False


# -- the overlay --------------------------------------------------------------
class KeyboardOverlay(KioskOverlay, ModalView):
    """The keyboard docked at the bottom, with an echo line of the field being edited.

    The screen above stays visible and usable (a touch outside the keyboard goes to
    it: the visitor can scroll live results); the keyboard closes on Done, when the
    screen changes, and when the session ends (forget()).
    """

    field = ObjectProperty(None, allownone=True)

    def __init__(self, shell: Shell, **kwargs: Any) -> None:
        _load_kv()
        super().__init__(shell, **kwargs)

    def on_kv_post(self, base_widget: Any) -> None:
        self.ids.panel.bind(on_done=lambda *_: self.dismiss(animation=False))

    def edit(self, field: KeyField) -> None:
        """Open the keyboard for field (the field's tap calls this)."""
        if self.field is not field:
            self._release()
            self.field = field
            field.fbind("text", self._echo)
            field.fbind("composing", self._echo)
            field.fbind("title", self._echo)
            field.fbind("hint", self._echo)
        field.editing = True
        self.ids.panel.field = field
        self._echo()
        self.open(animation=False)

    def forget(self) -> None:
        """Close and wipe the field it edited (the visitor's session ended)."""
        self.dismiss(animation=False)
        field = self.field
        self._release()
        if field is not None:
            field.forget()

    def on_dismiss(self) -> None:
        if self.field is not None:
            self.field.editing = False

    def _release(self) -> None:
        field, self.field = self.field, None
        self.ids.panel.field = None
        if field is not None:
            for name in ("text", "composing", "title", "hint"):
                field.funbind(name, self._echo)
            field.editing = False
        self._echo()

    def _echo(self, *_: Any) -> None:
        field, echo = self.field, self.ids.echo
        self.ids.title.raw = field.title if field is not None else ""
        echo.text = field.text if field is not None else ""
        echo.composing = field.composing if field is not None else ""
        echo.hint = field.hint if field is not None else ""
        if field is not None and not field.hint and field.layout in PADS:
            echo.hint = self.shell.tr("kb.digits_hint", self.shell.lang)

    # -- docked at the bottom, touches above it pass through ---------------
    def _align_center(self, *_args: Any) -> None:
        # ModalView re-centres itself through this method on open and on every resize
        if self._is_open:
            self.pos = (self._window.width - self.width) / 2, 0

    def on_open(self) -> None:
        self._align_center()

    def on_touch_down(self, touch: Any) -> bool:
        if not self.collide_point(*touch.pos):
            touch.ud["kb.outside"] = True
            return False
        return super().on_touch_down(touch)

    def on_touch_move(self, touch: Any) -> bool:
        return False if touch.ud.get("kb.outside") else super().on_touch_move(touch)

    def on_touch_up(self, touch: Any) -> bool:
        return False if touch.ud.get("kb.outside") else super().on_touch_up(touch)
