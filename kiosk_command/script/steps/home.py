"""Scenes of the terminal's own screens: attract, home, notices and the overlays."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kiosk.flows import tiles
from kiosk_command.script.context import ScriptContext, ScriptFailure
from kiosk_command.script.steps.scenes import home


def _soon(ctx: ScriptContext) -> None:
    """The notice of the first service still to come; once every tile is built, the
    notice as a terminal without a service's screens shows it (career guidance)."""
    home(ctx)
    coming = [f for f in tiles() if not (f.entry and ctx.app.has_screen(f.entry))]
    if coming:
        ctx.app.screen("home").open_tile(coming[0])
        return
    ctx.app.screen("soon").service_key = "tile.guidance"
    ctx.app.go("soon")


def _timeout(ctx: ScriptContext) -> None:
    home(ctx)
    ctx.clock.advance(ctx.core.session.idle_limit + 3)
    ctx.app.tick()


def _failsafe(ctx: ScriptContext) -> None:
    ctx.core.session.fail(RuntimeError("demo failure for the picture"))
    ctx.app.tick()


def _out_of_service(ctx: ScriptContext) -> None:
    ctx.core.session.out_of_service("demo")


def _tech_exit(ctx: ScriptContext) -> None:
    home(ctx)
    ctx.app.open_tech_exit()


def _keyboard(ctx: ScriptContext, layout: str = "pinyin") -> None:
    """The keyboard over the home screen: "fuwuy" typed (candidates); or the number pad
    where a visitor meets it, over a complaint form's phone field, "138" typed."""
    from kiosk_command.script.steps.complaints import SCENES as COMPLAINT_SCENES
    from kiosk_command.script.steps.keyboard import make_field, type_now

    if layout == "digits":
        COMPLAINT_SCENES["complaint_file"](ctx)
        ctx.app.overlay("keyboard").edit(ctx.app.screen("complaint_file").ids.phone)
        type_now(ctx, "138")
        return
    home(ctx)
    if ctx.core.ime is not None:
        ctx.core.ime.wait(60)
    make_field(ctx, {"title": "kb.demo_title", "hint": "kb.demo_hint", "done_key": "kb.search"})
    type_now(ctx, "fuwuy")


def _attract(ctx: ScriptContext) -> None:
    """The attract screen as the next visitor sees it."""


def _staff_called(ctx: ScriptContext) -> None:
    """The footer after a tap on "call staff", answered by the platform."""
    home(ctx)
    ctx.app.staff_call = "called"
    ctx.core.flows["home"].visit.state = "called"     # type: ignore[attr-defined]


def _voice_panel(ctx: ScriptContext) -> Callable[[], bool]:
    """The read-aloud controls over home, as a visitor whose language has no voice for
    some words sees them (the line saying so shown once the scene's language is set:
    a change of mode starts the screen's words afresh)."""
    home(ctx)
    ctx.app.voice_on = True
    ctx.app.voice_button()

    def missing() -> bool:
        ctx.app.voice_unavailable = True
        return True
    return missing


SCENES = {
    "attract": _attract, "home": home, "soon": _soon, "timeout": _timeout,
    "failsafe": _failsafe, "out_of_service": _out_of_service, "tech_exit": _tech_exit,
    "keyboard": _keyboard, "keypad": lambda ctx: _keyboard(ctx, "digits"),
    "staff_called": _staff_called, "voice_panel": _voice_panel,
}


def expect_help_requests(ctx: ScriptContext, count: Any) -> None:
    """The platform holds exactly this many staff calls from this terminal, each naming
    the desk the terminal is set up with (read from its database: the console lists them)."""
    if ctx.platform is None:
        raise ScriptFailure("no platform in this run")
    with ctx.platform.database() as conn:
        desks = [d for (d,) in conn.execute("SELECT desk FROM console_help WHERE device_id = ?",
                                            (ctx.platform.device_id,))]
    if len(desks) != int(count):
        raise ScriptFailure(f"the platform holds {len(desks)} staff calls, not {count}")
    if any(d != ctx.core.settings.kiosk.staff_desk for d in desks):
        raise ScriptFailure(f"a staff call names desk {desks}, not the terminal's own")


STEPS = {"expect_help_requests": expect_help_requests}
