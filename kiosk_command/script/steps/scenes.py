"""Named scenes: put the app on a screen with fixed demo data, for `kiosk shot`.

Each flow's step module declares the scenes of its screens (`SCENES`, a
name -> function table); the flow's descriptor in kiosk/flows/ names them
for each screen, and the screen checks render every one.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from functools import cache
from typing import Any

from kiosk_command.script.context import ScriptContext, ScriptFailure

# a scene shows its screen; one whose content comes a moment later says what to wait for
Scene = Callable[[ScriptContext], "Callable[[], bool] | None"]


def home(ctx: ScriptContext) -> None:
    """A visitor's session on the home screen."""
    ctx.core.session.touch()


def catalog(ctx: ScriptContext) -> None:
    """Make sure the catalog holds the platform's demo data (synced once per run).

    Scenes of catalog screens need postings and fairs; without a platform in the
    run they show what a terminal that never synced shows.
    """
    service = ctx.core.platform
    if service is not None and service.catalog.data_as_of() is None:
        service.sync()


@cache
def all_scenes() -> dict[str, Scene]:
    """Every scene of every step module, by name."""
    import kiosk_command.script.steps as steps

    found: dict[str, Scene] = {}
    for info in sorted(pkgutil.iter_modules(steps.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{steps.__name__}.{info.name}")
        for name, fn in getattr(module, "SCENES", {}).items():
            if name in found:
                raise ValueError(f"scene {name!r} is defined twice")
            found[name] = fn
    return found


def _back_to_idle(ctx: ScriptContext, lang: str) -> None:
    """Leave whatever the previous scene showed, as a new visitor would find it.

    The visit ends in the scene's language, as in a hall whose default it is: ending
    in another one would relabel every screen built so far twice per scene.
    """
    session = ctx.core.session
    if ctx.app.root.current == "tech_menu":       # the technician's menu outlives states
        ctx.app.go("attract")
    default, session.default_language = session.default_language, lang
    try:
        session.end("scene")
    finally:
        session.default_language = default
    session.recover()
    session.back_in_service()
    if "tech_exit" in ctx.app.overlays:
        ctx.app.overlays["tech_exit"].dismiss(animation=False)


def scene(ctx: ScriptContext, arg: dict[str, Any]) -> Callable[[], bool] | None:
    """{"screen": name, "lang": "zh", "elder": false}: show a named scene (a scene whose
    content comes a moment later, a slip's preview, says what to wait for)."""
    name = arg["screen"]
    scenes = all_scenes()
    if name not in scenes:
        raise ScriptFailure(f"unknown screen {name!r}; known: {', '.join(scenes)}")
    session = ctx.core.session
    _back_to_idle(ctx, arg.get("lang", session.language))
    screen, overlay = _shown(name)
    ctx.failsafe_armed = ctx.failsafe_armed or screen == "failsafe"
    # the visitor's language and mode first, so content a scene opens (a posting, a
    # slip's preview) is made in them; again after, for a scene that starts over
    _visitor_wants(ctx, arg)
    waiting = scenes[name](ctx)
    _visitor_wants(ctx, arg)
    _expect_shown(ctx, name, screen, overlay, (session.language, session.elder))
    return waiting if callable(waiting) else None


def _visitor_wants(ctx: ScriptContext, arg: dict[str, Any]) -> None:
    """Set the language and mode the scene asks for, as the visitor's buttons would
    (what it does not ask for stays as it is)."""
    session = ctx.core.session
    session.language = arg.get("lang", session.language)
    session.elder = bool(arg.get("elder", session.elder))
    ctx.app._on_session(session)


# overlays open over the home screen, except where a scene shows one over the screen a
# visitor meets it on (the number pad over a form's phone field)
_BACKDROPS = {"keypad": "complaint_file"}


def _shown(name: str) -> tuple[str, str]:
    """(screen, overlay open over it) that a scene shows, as its flow declares it."""
    from kiosk.flows import discover

    for flow in discover():
        for info in flow.screens:
            if name in info.scenes:
                if info.overlay:
                    return _BACKDROPS.get(name, "home"), info.name
                return info.name, ""
    return name, ""


def _expect_shown(ctx: ScriptContext, name: str, screen: str, overlay: str,
                  asked: tuple[str, bool]) -> None:
    """A scene that crashed into another screen, or shows the wrong language or
    mode, fails here instead of passing its checks on the wrong picture."""
    app = ctx.app
    open_ = not overlay or (overlay in app.overlays and app.overlays[overlay].parent is not None)
    if app.root.current != screen or not open_ or (app.lang, app.elder) != asked:
        raise ScriptFailure(f"scene {name!r} shows {app.root.current!r} in "
                            f"{app.lang}/{'elder' if app.elder else 'normal'}; expected "
                            f"{screen!r}{' under ' + overlay if overlay else ''} in "
                            f"{asked[0]}/{'elder' if asked[1] else 'normal'}")


STEPS = {"scene": scene}
