"""Typing with the on-screen keyboard: fields, keys, candidates and the input method.

{"keyfield": {"name": "q", "layout": "pinyin", "title": "kb.demo_title", "open": true}}
makes a KeyField (title, hint and done_key are catalog keys, shown in the run's
language; "on_screen": true puts it on the current screen, to be tapped open);
{"keys": "fuwuyuan"} taps kb.key.* one by one ("<" taps kb.backspace, " " kb.space);
{"pick": 0} taps kb.cand.0; {"expect_field": {"name": "q", "text": "服务员"}} checks it;
{"ime": "ready"} waits for the dictionary, "off" hides it (as while loading), "on" back.
"""

from __future__ import annotations

from typing import Any

from kiosk_command.script.context import ScriptContext, ScriptFailure
from kiosk_command.script.steps.core import tap

KEY_PACE_S = 0.25      # a visitor's pace between keys (repeats pass the bounce guard)
SPECIAL = {"<": "kb.backspace", " ": "kb.space", "'": "kb.key.apostrophe"}


def _fields(ctx: ScriptContext) -> dict[str, Any]:
    return ctx.resources.setdefault("kb.fields", {})


def make_field(ctx: ScriptContext, arg: dict[str, Any]) -> Any:
    """A KeyField as a screen would have it; opened in the keyboard unless "open" is false."""
    from screens.keyboard import KeyField

    app = ctx.app
    field = KeyField(tid=f"script.{arg.get('name', 'field')}", layout=arg.get("layout", "pinyin"),
                     max_length=int(arg.get("max_length", 0)),
                     done_key=arg.get("done_key", "kb.done"))
    field.submitted = []
    field.bind(on_submit=lambda f: f.submitted.append(f.text))

    def translate(*_: Any) -> None:          # texts follow the language like kv ones do
        field.title = app.tr(arg["title"], app.lang) if arg.get("title") else ""
        field.hint = app.tr(arg["hint"], app.lang) if arg.get("hint") else ""

    translate()
    app.fbind("lang", translate)
    old = _fields(ctx).get(arg.get("name", "field"))
    if old is not None:
        app.funbind("lang", old.translate)
    field.translate = translate
    _fields(ctx)[arg.get("name", "field")] = field
    if arg.get("on_screen"):
        field.size_hint_x, field.pos_hint = 0.9, {"center_x": 0.5, "top": 0.97}
        app.root.current_screen.add_widget(field)
    if arg.get("open", not arg.get("on_screen")):
        app.overlay("keyboard").edit(field)
    return field


def keyfield(ctx: ScriptContext, arg: dict[str, Any]) -> None:
    make_field(ctx, arg or {})


def keys(ctx: ScriptContext, text: str) -> None:
    """Tap the keys for text, through the window like a finger."""
    for ch in text:
        tid = SPECIAL.get(ch, f"kb.key.{ch.lower()}")
        if tap(ctx, tid) is not None:
            raise ScriptFailure(f"key {tid} is not on the glass")
        ctx.clock.advance(KEY_PACE_S)


def pick(ctx: ScriptContext, index: int) -> Any:
    """Tap candidate index, scrolling the candidate bar to it first."""
    panel = ctx.app.overlay("keyboard").ids.panel
    if index >= len(panel.ids.cands.children):
        raise ScriptFailure(f"no candidate {index}; the bar shows "
                            f"{[c.raw for c in reversed(panel.ids.cands.children)]}")
    button = panel._candidate(index)
    panel.ids.scroll.scroll_to(button, padding=0, animate=False)
    panel.ids.scroll.update_from_scroll()
    ctx.clock.advance(KEY_PACE_S)
    return tap(ctx, f"kb.cand.{index}")


def expect_field(ctx: ScriptContext, arg: dict[str, Any]) -> None:
    """Fail unless the named field holds these values ("keyboard": "open" / "closed")."""
    name = arg.get("name", "field")
    field = _fields(ctx).get(name)
    if field is None:
        raise ScriptFailure(f"no field {name!r}; make one with the keyfield step")
    overlay = ctx.app.overlay("keyboard")
    seen = {"text": field.text, "composing": field.composing, "preview": field.preview,
            "submitted": field.submitted,
            "keyboard": "open" if overlay.parent is not None and overlay.field is field
            else "closed"}
    wrong = {k: seen[k] for k in arg if k != "name" and seen.get(k) != arg[k]}
    if wrong:
        raise ScriptFailure(f"field {name!r}: expected "
                            f"{ {k: arg[k] for k in wrong} }, got {wrong}")


def ime(ctx: ScriptContext, what: str):
    """"ready": wait for the engine; "off": hide it as while loading; "on": bring it back."""
    loader = ctx.core.ime
    if loader is None:
        raise ScriptFailure("the input method is not wired in this run")
    if what == "ready":
        def ready() -> bool:
            if loader.failed:
                raise ScriptFailure("the input method failed to load (see the log)")
            return loader.engine is not None
        return ready
    if what == "off":
        ctx.resources["kb.engine"] = loader.wait(60)
        loader.engine = None
        return None
    if what == "on":
        loader.engine = ctx.resources.pop("kb.engine", None) or loader.engine
        return None
    raise ScriptFailure(f"ime: expected ready, off or on, got {what!r}")


def type_now(ctx: ScriptContext, text: str) -> None:
    """Press keys for text on the open keyboard without touches (scenes, before layout)."""
    panel = ctx.app.overlay("keyboard").ids.panel
    for ch in text:
        panel.press({"<": "backspace", " ": "space"}.get(ch, ch))


STEPS = {"keyfield": keyfield, "keys": keys, "pick": pick, "expect_field": expect_field,
         "ime": ime}
