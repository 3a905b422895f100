"""The app's own script steps: taps, text, screens, time, pictures."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.session import SessionState
from kiosk_command.script.context import ScriptContext, ScriptFailure


def _find(ctx: ScriptContext, tid: str) -> Any:
    from screens.tree import find

    widget = find(ctx.app, tid)
    if widget is None:
        raise ScriptFailure(f"no visible widget with test id {tid!r} on screen "
                            f"{ctx.app.root.current!r}")
    return widget


def _scrollers(widget: Any) -> list[Any]:
    """The ScrollViews around a widget (a RecycleView only has widgets for the rows
    already on the glass, so it never needs scrolling to reach one)."""
    from kivy.uix.scrollview import ScrollView

    found, node = [], widget.parent
    while node is not None and node is not node.parent:
        # Kivy's factory loads the RecycleView module under a second name: test by name
        recycled = any(c.__name__ == "RecycleViewBehavior" for c in type(node).__mro__)
        if isinstance(node, ScrollView) and not recycled:
            found.append(node)
        node = node.parent
    return found


_SCROLL_REASONS = ("its middle is scrolled out of view", "its middle is outside the window")
_SCROLL_FRAMES = 3


def tap(ctx: ScriptContext, tid: str) -> Any:
    """Touch the middle of the widget with this test id, through the window; a widget
    scrolled out of sight is scrolled into view first, as a visitor would. A widget
    no finger could reach (disabled, transparent, without size, covered by an overlay
    it is not part of, or still off the glass after scrolling) fails the step."""
    from screens.tree import find, unreachable

    widget = find(ctx.app, tid) or find(ctx.app, tid, visible=False)
    if widget is None:
        raise ScriptFailure(f"no widget with test id {tid!r} on screen "
                            f"{ctx.app.root.current!r}")
    scrollers = _scrollers(widget)
    frames = [0]

    def when_reachable() -> bool:
        reason = unreachable(widget)
        if not reason:
            _touch(widget)
            return True
        if reason not in _SCROLL_REASONS or not scrollers or frames[0] >= _SCROLL_FRAMES:
            raise ScriptFailure(f"cannot tap {tid!r} on screen {ctx.app.root.current!r}: "
                                f"{reason}")
        frames[0] += 1
        for view in scrollers:       # takes effect on a later frame; then we look again
            view.scroll_to(widget, padding=0, animate=False)
        return False
    if when_reachable():
        return None
    return when_reachable


def _touch(widget: Any) -> None:
    from kiosk_command.script.finger import Finger

    touch = Finger(*widget.to_window(*widget.center))
    touch.down()
    touch.up()


def scroll_to(ctx: ScriptContext, text: str) -> Any:
    """Scroll the list holding a text until a visitor can read it, as a visitor
    would swipe; a text still on its way (an answer from the platform) is waited for
    within the step's time-out."""
    from screens.tree import find_text

    def when_readable() -> bool:
        if _readable(text):
            return True
        label = find_text(text)
        for view in _scrollers(label) if label is not None else ():
            view.scroll_to(label, padding=0, animate=False)
        return False
    return None if when_readable() else when_readable


def type_text(ctx: ScriptContext, arg: dict[str, str]) -> None:
    """{"tid": ..., "text": ...}: type into a text field."""
    widget = _find(ctx, arg["tid"])
    if hasattr(widget, "insert_text"):
        widget.insert_text(arg["text"])
    else:
        widget.text = arg["text"]


def _readable(text: str) -> str:
    """The text on the glass containing text (not scrolled away, not under an
    overlay, not cut off by an ellipsis), or ""."""
    from screens.tree import readable, shown_texts

    return readable(text, shown_texts())


def see(ctx: ScriptContext, text: str):
    """Wait until a visitor can read text on the glass."""
    return lambda: bool(_readable(text))


def not_see(ctx: ScriptContext, text: str):
    """Wait until a visitor can no longer read text anywhere on the glass."""
    def gone_now() -> bool:
        found = _readable(text)
        gone_now.detail = f"{text!r} is still visible: {found!r}"   # type: ignore[attr-defined]
        return not found
    return gone_now


gone = not_see


def wait_screen(ctx: ScriptContext, name: str):
    """Wait until the named screen is current."""
    return lambda: ctx.app.root.current == name


def expect_state(ctx: ScriptContext, name: str) -> None:
    """Fail unless the visitor session is in the named state."""
    state = ctx.core.session.state
    if state is not SessionState(name):
        raise ScriptFailure(f"session is {state.value!r}, expected {name!r}")


def advance(ctx: ScriptContext, seconds: float) -> None:
    """Move the injected clock forward and let the app notice."""
    ctx.clock.advance(float(seconds))
    ctx.app.tick()


def _out_path(ctx: ScriptContext, name: str) -> Path:
    path = Path(name)
    return path if path.is_absolute() else ctx.workdir / path


def screenshot(ctx: ScriptContext, name: str) -> None:
    """Save the window as a PNG (relative paths go to the run's work directory)."""
    from screens.capture import save_png

    print(f"screenshot: {save_png(_out_path(ctx, name))}")


def tree(ctx: ScriptContext, name: str) -> None:
    """Save the visible widget tree as JSON (for size and contrast checks)."""
    from screens.tree import dump

    path = _out_path(ctx, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(dump(ctx.app), ensure_ascii=False, indent=1), encoding="utf-8")


def raise_error(ctx: ScriptContext, message: str) -> None:
    """Raise an unhandled error inside the app's event loop (tests the failsafe)."""
    from kivy.clock import Clock

    def boom(_dt: float) -> None:
        raise RuntimeError(message)

    ctx.failsafe_armed = True
    Clock.schedule_once(boom, 0)


def expect_failsafe(ctx: ScriptContext, _arg: Any) -> None:
    """The next fall into the failsafe is what the script means to test (a device
    fault, say); any other one fails the run."""
    ctx.failsafe_armed = True


@dataclass
class ScriptForm:
    """A form's worth of visitor data a script puts into the visit."""

    values: dict[str, Any] = field(default_factory=dict)


def set_data(ctx: ScriptContext, values: dict[str, Any]) -> None:
    """Put visitor data into the visit (stands in for a flow's form)."""
    ctx.core.session.visit.state(ScriptForm).values.update(values)


def expect_data_empty(ctx: ScriptContext, _arg: Any) -> None:
    """Fail when the visit still holds anything about the visitor."""
    visit = ctx.core.session.visit
    if visit.holds_personal_data():
        raise ScriptFailure(f"the visit still holds data: card={visit.card is not None}, "
                            f"flow states={visit.changed_states()}")


for _looks_only in (expect_state, screenshot, tree, expect_data_empty):
    _looks_only.settle_frames = 0          # type: ignore[attr-defined]

STEPS = {
    "tap": tap, "type": type_text, "see": see, "not_see": not_see, "gone": gone,
    "wait_screen": wait_screen, "expect_state": expect_state, "advance": advance,
    "screenshot": screenshot, "tree": tree, "raise_error": raise_error,
    "expect_failsafe": expect_failsafe,
    "scroll_to": scroll_to, "set_data": set_data, "expect_data_empty": expect_data_empty,
}
