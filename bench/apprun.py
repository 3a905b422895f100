"""The real app, driven by the script runner with a benchmark's own steps added.

Every benchmark that times a visitor's visit runs the same thing a `kiosk script`
run does: the reference platform in its own process, the device simulators, the
kiosk's Kivy app on a 1080 × 1920 window, and a list of steps. Only the steps, the
clock's start and a few settings differ, so they are the arguments here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from pathlib import Path
from typing import Any


def run_app(name: str, module: str, work: Path, steps: list[dict[str, Any]], *,
            start: dt.datetime, demo_data: bool = True,
            settings: dict[str, Any] | None = None,
            resources: dict[str, Any] | None = None) -> Any:
    """Run the steps in the app; returns the script context (its resources hold what the
    bench's steps measured). module names the bench, whose STEPS join the step table;
    settings are laid over the run's own (the platform section merges)."""
    from kiosk import logs
    from kiosk.clock import FakeClock
    from kiosk.config import load_settings
    from kiosk.config.loader import layer
    from kiosk_command.corebuild import build_core
    from kiosk_command.display import headless_if_needed
    from kiosk_command.gui import make_app, prepare_kivy
    from kiosk_command.platform_proc import PlatformProcess
    from kiosk_command.script.context import ScriptContext
    from kiosk_command.script.loader import parse_steps, step_modules, step_table
    from kiosk_command.script.runner import Runner
    from kiosk_command.script.session_run import attach_steps

    ctx = ScriptContext(workdir=work / "run", clock=FakeClock(start))
    ctx.resources.update(resources or {})
    modules = [*step_modules(), sys.modules[module]]
    table = step_table(modules)
    with contextlib.ExitStack() as stack:
        ctx.platform = PlatformProcess(work / "central", demo_data=demo_data, extra_args=(
            "--max-skew", "315360000", "--demo-date", start.date().isoformat()))
        ctx.platform.start()
        stack.callback(ctx.platform.stop)
        attach_steps(ctx, modules, stack)
        extra = dict(settings or {})
        own = {
            "display": {"width": 1080, "height": 1920, "fullscreen": False},
            "paths": {"data_dir": str(work / "kiosk")},
            "logging": {"level": "WARNING"},
            "platform": {"url": ctx.platform.url, "key_file": str(ctx.platform.key_file),
                         "device_id": ctx.platform.device_id,
                         **extra.pop("platform", {})}}
        overrides = layer({**own, **extra}, ctx.config_overrides)
        loaded = load_settings(None, overrides=overrides)
        logs.configure(loaded.logging.level, loaded.logging.modules)
        stack.enter_context(headless_if_needed(False))
        prepare_kivy(loaded, size=(1080, 1920), fullscreen=False)
        ctx.core = build_core(loaded, ctx.clock, stack)
        app = make_app(ctx.core)
        runner = Runner(ctx, parse_steps(steps), table)
        app.bind(on_start=lambda *_: runner.attach(app))
        app.run()
        if runner.failure or not runner.done:
            raise SystemExit(f"{name} bench: {runner.failure or 'the app stopped early'}")
        return ctx
