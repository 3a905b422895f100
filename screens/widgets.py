"""Reusable widgets: text that picks its font by script and wraps by the
kiosk's line-breaking rules, big buttons with a test id and a double-tap
guard, and painted containers whose colour the widget-tree checks can read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from kivy.clock import Clock
from kivy.core.text import Label as CoreLabel
from kivy.properties import (
    BooleanProperty,
    ColorProperty,
    NumericProperty,
    ObjectProperty,
    OptionProperty,
    StringProperty,
)
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.gridlayout import GridLayout
from kivy.uix.label import Label
from kivy.utils import escape_markup

from kiosk.fonts import TIBETAN_SCALE
from kiosk.text.linebreak import is_tibetan, wrap
from screens.icons import ICON_FONT, ICON_FONT_IN_TIBETAN, glyph, is_icon

if TYPE_CHECKING:
    from screens.base import Shell

CJK_FONT = "KioskSans"
CJK_FONT_IN_TIBETAN = "KioskSansTibt"      # Han on a Tibetan line's baseline (kiosk/fonts)
TIBETAN_FONT = "KioskTibetan"
CHECK = "\u2713"                 # in the CJK face; a Tibetan line draws it there too


class Painted:
    """A widget with a filled, rounded background (drawn in kv)."""

    bg = ColorProperty((0, 0, 0, 0))
    radius = NumericProperty(0)


class KLabel(Painted, Label):
    """Text in the theme's size for its role, wrapped at allowed breaks only.

    Kivy wraps at spaces; Chinese and Tibetan have none, so the lines are
    broken here (Tibetan only after a tsheg or shad, never inside a stack).
    """

    raw = StringProperty("")
    role = OptionProperty("body", options=["small", "body", "heading", "title", "tile_title",
                                           "display"])
    tid = StringProperty("")
    wrap_text = BooleanProperty(True)
    script_scale = NumericProperty(1.0)
    tibetan = BooleanProperty(False)
    # a meaning in screens/icons.py, drawn before the words in the label's colour
    icon = StringProperty("")
    # a short line sized by its own text (the frame's clock, time left, hotline)
    one_line = BooleanProperty(False)

    def __init__(self, **kwargs: object) -> None:
        # layout changes width and size many times per frame: wrap once, before drawing
        self._wrap_soon = Clock.create_trigger(lambda _dt: self.rewrap(), -1)
        self._drawn: tuple[object, ...] | None = None
        super().__init__(**kwargs)

    def texture_update(self, *largs: object) -> None:
        """Draw the text only when what it is drawn from has changed.

        Kivy draws again on every change of a property it reads, even when the frame
        changes it back: a session's end passes every label on a built screen through
        the default language and mode before the next visitor's, and layout passes
        widths through in-between values. Keeping the texture of the same inputs saves
        about half of all text drawing on a screen change.
        """
        key = _render_key(self)
        if key == self._drawn:
            return
        super().texture_update(*largs)
        self._drawn = key

    def on_raw(self, *_: object) -> None:
        self._pick_font()
        self._wrap_soon()

    def on_width(self, *_: object) -> None:
        self._wrap_soon()

    def on_font_size(self, *_: object) -> None:
        self._wrap_soon()

    def on_icon(self, *_: object) -> None:
        self._wrap_soon()

    def _pick_font(self) -> None:
        tibetan = is_tibetan(self.raw)
        self.font_name = TIBETAN_FONT if tibetan else CJK_FONT
        self.font_script_name = "Tibt" if tibetan else "Zyyy"
        # a Tibetan letter's body is about half its em: drawn larger to match the Han
        self.script_scale = TIBETAN_SCALE if tibetan else 1.0
        self.tibetan = tibetan

    def shown(self) -> str:
        """The words as drawn, the icon first (a chosen button adds its check mark)."""
        return with_icon(self.icon, self.raw)

    def rewrap(self) -> None:
        """Break raw into lines that fit the current width."""
        room = self.width - self.padding[0] - self.padding[2]
        shown = self.shown()
        if not self.wrap_text or self.one_line or room <= 10:
            lines = [shown]
        else:
            measure = _measurer(self.font_name, self.font_size, self.font_script_name,
                                self.bold)
            lines = wrap(shown, room, measure)
        marked = any(is_icon(ch) for ch in shown) or (
            self.tibetan and any(_foreign(ch) for ch in shown))
        self.markup = marked
        size = self.font_size
        self.text = "\n".join(_mark_runs(line, self.tibetan, size) if marked else line
                              for line in lines)


_RENDER_INPUTS = (*Label._font_properties, "disabled")


def _render_key(label: Label) -> tuple[object, ...]:
    """Every input of a label's drawing, as comparable values."""
    return tuple(_frozen(getattr(label, name)) for name in _RENDER_INPUTS)


def _frozen(value: object) -> object:
    if isinstance(value, list | tuple):
        return tuple(value)
    if isinstance(value, dict):
        return tuple(sorted(value.items()))
    return value


def with_icon(icon: str, words: str) -> str:
    """words with the icon's glyph before them (just the words without an icon)."""
    mark = glyph(icon) if icon else ""
    if not mark:
        return words
    return f"{mark} {words}" if words else mark


_TIBETAN_FACE_TOO = frozenset("0123456789:/()-+.,")


def _foreign(ch: str) -> bool:
    """A character the Tibetan font lacks or draws badly (Han, Latin, digits)."""
    return not ("\u0f00" <= ch <= "\u0fff" or ch.isspace() or ch in _TIBETAN_FACE_TOO)


def _font_of(ch: str, tibetan: bool) -> str:
    """The face a character of a line is drawn in when it is not the label's own."""
    if is_icon(ch):
        return ICON_FONT_IN_TIBETAN if tibetan else ICON_FONT
    if tibetan and _foreign(ch):
        return CJK_FONT_IN_TIBETAN
    return ""


def _mark_runs(line: str, tibetan: bool, size: float) -> str:
    """Kivy markup putting icons in the icon font and, in a Tibetan line, Han and Latin
    runs in the CJK font at the Han size (the Tibetan is drawn larger, kiosk/fonts);
    the rest stays in the label's own face."""
    out: list[str] = []
    run, face = "", ""
    for ch in line:
        here = _font_of(ch, tibetan)
        if here != face and run:
            out.append(_tagged(run, face, size))
            run = ""
        run, face = run + ch, here
    if run:
        out.append(_tagged(run, face, size))
    return "".join(out)


def _tagged(run: str, face: str, size: float) -> str:
    text = escape_markup(run)
    if face == CJK_FONT_IN_TIBETAN:
        return f"[font={face}][size={size / TIBETAN_SCALE:.1f}px]{text}[/size][/font]"
    return f"[font={face}]{text}[/font]" if face else text


def _measurer(font: str, size: float, script: str, bold: bool):
    core = CoreLabel(font_name=font, font_size=size, font_script_name=script, bold=bold)
    core.resolve_font_name()
    return lambda s: core.get_extents(s)[0]


class KButton(ButtonBehavior, KLabel):
    """A large button; `on_action` fires once per deliberate tap.

    Its shell (the app, set by the widget rules) keeps the double-tap guard.
    """

    enabled = BooleanProperty(True)
    # the current choice of a set (a language, a filter value): drawn filled with a
    # check mark, whether or not a second tap on it does anything
    selected = BooleanProperty(False)
    fixed_height = NumericProperty(0)
    shell = ObjectProperty(None, allownone=True)

    def __init__(self, **kwargs: object) -> None:
        self.register_event_type("on_action")
        super().__init__(**kwargs)

    def shown(self) -> str:
        words = f"{CHECK} {self.raw}" if self.selected and self.raw else self.raw
        return with_icon(self.icon, words)

    def on_selected(self, *_: object) -> None:
        self._wrap_soon()

    def on_release(self) -> None:
        if self.enabled and (self.shell is None or self.shell.tap_allowed(self.tid)):
            self.dispatch("on_action")

    def on_action(self) -> None:
        """Handled by the screen (kv: on_action: ...)."""


class KTile(ButtonBehavior, Painted, BoxLayout):
    """A home-screen service tile: title, one-line hint, and a badge."""

    tid = StringProperty("")
    title = StringProperty("")
    hint = StringProperty("")
    badge = StringProperty("")
    icon = StringProperty("")         # a meaning in screens/icons.py, before the title
    shell = ObjectProperty(None, allownone=True)

    def __init__(self, **kwargs: object) -> None:
        self.register_event_type("on_action")
        super().__init__(**kwargs)

    def on_release(self) -> None:
        if self.shell is None or self.shell.tap_allowed(self.tid):
            self.dispatch("on_action")

    def on_action(self) -> None:
        """Handled by the screen."""


class KPanel(Painted, BoxLayout):
    """A painted vertical or horizontal container."""


class ShownRow(BoxLayout):
    """A row that is there or not (the empty list's way out, the filters' actions).

    Hiding by opacity and a zero height is not enough: the row's buttons keep their own
    height, and Kivy hands a touch to a disabled widget under the finger, so an
    invisible button over a list would eat the taps meant for the list. Out of sight
    this row takes no touch at all and lets it pass to what is shown there."""

    shown = BooleanProperty(True)

    def on_touch_down(self, touch: object) -> bool:
        return bool(self.shown and super().on_touch_down(touch))

    def on_touch_move(self, touch: object) -> bool:
        return bool(self.shown and super().on_touch_move(touch))

    def on_touch_up(self, touch: object) -> bool:
        return bool(self.shown and super().on_touch_up(touch))


class ChoiceButton(KButton):
    """An option of a set: outlined while open to choose, filled with a check mark
    when chosen; a tap on a chosen one still counts (a multiple choice is taken back
    by a second tap)."""


def choices(shell: Shell, tid: str, codes: Iterable[str], words: Callable[[str], str],
            chosen: Callable[[str], bool], tap: Callable[[str], None],
            cols: int | None = None) -> GridLayout:
    """A grid with one button per code (one a row in 长辈版); tap(code) runs on a tap."""
    grid = GridLayout(cols=cols or (1 if shell.elder else 2), spacing=shell.theme.gap * 0.5,
                      size_hint_y=None)
    grid.bind(minimum_height=grid.setter("height"))
    for code in codes:
        button = ChoiceButton(tid=f"{tid}.{code}", raw=words(code), selected=chosen(code))
        button.bind(on_action=lambda _w, c=code: tap(c))
        grid.add_widget(button)
    return grid
