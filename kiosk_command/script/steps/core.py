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


def _on_glass(widget: Any, scrollers: list[Any]) -> bool:
    """Whether the widget's middle is inside every ScrollView around it."""
    x, y = widget.to_window(*widget.center)
    for view in scrollers:
        left, bottom = view.to_window(view.x, view.y)
        if not (left <= x <= left + view.width and bottom <= y <= bottom + view.height):
            return False
    return True


def tap(ctx: ScriptContext, tid: str) -> Any:
    """Touch the middle of the widget with this test id, through the window; a widget
    scrolled out of sight is scrolled into view first, as a visitor would."""
    widget = _find(ctx, tid)
    scrollers = _scrollers(widget)

    def when_visible() -> bool:
        if _on_glass(widget, scrollers):
            _touch(widget)
            return True
        for view in scrollers:       # takes effect on a later frame; then we look again
            view.scroll_to(widget, padding=0, animate=False)
        return False
    if when_visible():
        return None
    return when_visible


def _touch(widget: Any) -> None:
    from kivy.tests.common import UnitTestTouch

    x, y = widget.to_window(*widget.center)
    touch = UnitTestTouch(x, y)
    touch.touch_down()
    touch.touch_up()


def type_text(ctx: ScriptContext, arg: dict[str, str]) -> None:
    """{"tid": ..., "text": ...}: type into a text field."""
    widget = _find(ctx, arg["tid"])
    if hasattr(widget, "insert_text"):
        widget.insert_text(arg["text"])
    else:
        widget.text = arg["text"]


def _visible_texts(ctx: ScriptContext) -> list[str]:
    from screens.tree import dump

    return [w.get("raw", "") for w in dump(ctx.app)["widgets"] if w.get("raw")]


def see(ctx: ScriptContext, text: str):
    """Wait until a visible text contains text."""
    return lambda: any(text in t for t in _visible_texts(ctx))


def not_see(ctx: ScriptContext, text: str) -> None:
    """Fail when any visible text contains text."""
    found = [t for t in _visible_texts(ctx) if text in t]
    if found:
        raise ScriptFailure(f"{text!r} is visible: {found[0]!r}")


def gone(ctx: ScriptContext, text: str):
    """Wait until no visible text contains text."""
    return lambda: not any(text in t for t in _visible_texts(ctx))


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

    Clock.schedule_once(boom, 0)


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


STEPS = {
    "tap": tap, "type": type_text, "see": see, "not_see": not_see, "gone": gone,
    "wait_screen": wait_screen, "expect_state": expect_state, "advance": advance,
    "screenshot": screenshot, "tree": tree, "raise_error": raise_error,
    "set_data": set_data, "expect_data_empty": expect_data_empty,
}
