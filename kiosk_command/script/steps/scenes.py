"""Named scenes: put the app on a screen with fixed demo data, for `kiosk shot`.

A visitor flow adds a scene for each of its screens here, so every screen
can be rendered and checked in every language and mode.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kiosk_command.script.context import ScriptContext, ScriptFailure


def _home(ctx: ScriptContext) -> None:
    ctx.core.session.touch()


def catalog(ctx: ScriptContext) -> None:
    """Make sure the catalog holds the platform's demo data (synced once per run).

    Scenes of catalog screens need postings and fairs; without a platform in the
    run they show what a terminal that never synced shows.
    """
    service = ctx.core.platform
    if service is not None and service.catalog.data_as_of() is None:
        service.sync()


def _soon(ctx: ScriptContext) -> None:
    from screens.services import SERVICES

    _home(ctx)
    ctx.app.open_service(SERVICES[0])


def _jobs(ctx: ScriptContext) -> None:
    _home(ctx)
    catalog(ctx)
    ctx.app.go("jobs")


def _job_filters(ctx: ScriptContext, section: str = "more") -> None:
    _jobs(ctx)
    ctx.app.screen("jobs").choose(section)


def _job_detail(ctx: ScriptContext, then: str = "") -> None:
    """The newest posting's detail (then: one of its print / qr / interest screens)."""
    _jobs(ctx)
    jobs = ctx.app.screen("jobs")
    if jobs.results:
        jobs.open_job(jobs.results[0]["job_id"])
    if then:
        ctx.app.screen("job_detail").take_home(then)


def _timeout(ctx: ScriptContext) -> None:
    _home(ctx)
    ctx.clock.advance(ctx.core.session.idle_limit + 3)
    ctx.app.tick()


def _failsafe(ctx: ScriptContext) -> None:
    ctx.core.session.fail(RuntimeError("demo failure for the picture"))
    ctx.app.tick()


def _out_of_service(ctx: ScriptContext) -> None:
    ctx.core.session.out_of_service("demo")


def _fairs(ctx: ScriptContext) -> None:
    _home(ctx)
    catalog(ctx)
    ctx.app.go("fairs")


def _tech_exit(ctx: ScriptContext) -> None:
    _home(ctx)
    ctx.app.open_tech_exit()


def _keyboard(ctx: ScriptContext, layout: str = "pinyin") -> None:
    """The keyboard over the home screen: "fuwuy" typed (candidates), or "138" on the pad."""
    from kiosk_command.script.steps.keyboard import make_field, type_now

    _home(ctx)
    loader = ctx.core.extras.get("ime_loader")
    if loader is not None:
        loader.wait(60)
    if layout == "digits":
        make_field(ctx, {"layout": "digits", "max_length": 11, "title": "kb.phone_title",
                         "hint": "kb.phone_hint"})
        type_now(ctx, "138")
    else:
        make_field(ctx, {"title": "kb.demo_title", "hint": "kb.demo_hint",
                         "done_key": "kb.search"})
        type_now(ctx, "fuwuy")


def _attract(ctx: ScriptContext) -> None:
    """The attract screen as the next visitor sees it."""


def _back_to_idle(ctx: ScriptContext) -> None:
    """Leave whatever the previous scene showed, as a new visitor would find it."""
    session = ctx.core.session
    session.end("scene")
    session.recover()
    session.back_in_service()
    if "tech_exit" in ctx.app.overlays:
        ctx.app.overlays["tech_exit"].dismiss(animation=False)


SCENES: dict[str, Callable[[ScriptContext], None]] = {
    "attract": _attract, "home": _home, "soon": _soon, "timeout": _timeout,
    "failsafe": _failsafe, "out_of_service": _out_of_service, "tech_exit": _tech_exit,
    "fairs": _fairs,
    "keyboard": _keyboard, "keypad": lambda ctx: _keyboard(ctx, "digits"),
    "jobs": _jobs, "job_filters": _job_filters,
    "job_groups": lambda ctx: _job_filters(ctx, "occupation_group"),
    "job_detail": _job_detail, "job_print": lambda ctx: _job_detail(ctx, "print"),
    "job_qr": lambda ctx: _job_detail(ctx, "qr"),
    "job_interest": lambda ctx: _job_detail(ctx, "interest"),
}


def scene(ctx: ScriptContext, arg: dict[str, Any]) -> None:
    """{"screen": name, "lang": "zh", "elder": false}: show a named scene."""
    name = arg["screen"]
    if name not in SCENES:
        raise ScriptFailure(f"unknown screen {name!r}; known: {', '.join(SCENES)}")
    session = ctx.core.session
    _back_to_idle(ctx)
    screen, overlay = _SHOWN.get(name, (name, ""))
    ctx.failsafe_armed = ctx.failsafe_armed or screen == "failsafe"
    SCENES[name](ctx)
    session.language = arg.get("lang", session.language)
    session.elder = bool(arg.get("elder", session.elder))
    ctx.app._on_session(session)
    _expect_shown(ctx, name, screen, overlay, (session.language, session.elder))


# scenes that are not a screen of their own name: (screen, overlay open over it)
_SHOWN = {"timeout": ("home", "timeout"), "tech_exit": ("home", "tech_exit"),
          "keyboard": ("home", "keyboard"), "keypad": ("home", "keyboard"),
          "job_groups": ("job_filters", "")}


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
