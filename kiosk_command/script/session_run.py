"""One scripted run of the real app: platform, simulators, fake clock, steps.

Used by `kiosk script`, `kiosk shot` and the demo's smoke test, so all three
exercise exactly the app a visitor uses.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk import logs
from kiosk.clock import FakeClock
from kiosk.config import load_settings
from kiosk.config.loader import layer
from kiosk_command.display import headless_if_needed
from kiosk_command.script.context import ScriptContext
from kiosk_command.script.loader import step_modules, step_table
from kiosk_command.script.pacing import DrawOnDemand
from kiosk_command.script.runner import Runner, Step


@dataclass
class RunPlan:
    """What a scripted run needs."""

    steps: list[Step]
    workdir: Path
    config_file: str | None = None
    config: dict[str, Any] = field(default_factory=dict)
    platform: bool = True
    headless: bool = True


def _platform_overrides(ctx: ScriptContext) -> dict[str, Any]:
    from kiosk_command.platform_proc import PlatformProcess

    # the run's clock is fixed (repeatable pictures); the platform's demo data is dated
    # to match and its clock check widened, or it would refuse every signed call
    day = ctx.clock.now().date().isoformat()
    ctx.platform = PlatformProcess(ctx.workdir / "central",
                                   extra_args=("--max-skew", "315360000", "--demo-date", day))
    ctx.platform.spawn()            # it starts while the app does; ready before the core
    return {"platform": {"url": ctx.platform.url, "key_file": str(ctx.platform.key_file),
                         "device_id": ctx.platform.device_id}}


def _base_overrides(ctx: ScriptContext) -> dict[str, Any]:
    return {"display": {"width": 1080, "height": 1920, "fullscreen": False},
            "paths": {"data_dir": str(ctx.workdir / "kiosk")}}


def attach_steps(ctx: ScriptContext, modules: list[Any], stack: contextlib.ExitStack) -> None:
    """Let each step module prepare the run (setup) and clean up after it (teardown)."""
    for module in modules:
        if hasattr(module, "setup"):
            module.setup(ctx)
        if hasattr(module, "teardown"):
            stack.callback(module.teardown, ctx)


def run_plan(plan: RunPlan) -> str | None:
    """Run the steps in the app; the first failure's message, or None."""
    plan.workdir.mkdir(parents=True, exist_ok=True)
    ctx = ScriptContext(workdir=plan.workdir, clock=FakeClock())
    modules = step_modules()
    table = step_table(modules)
    with contextlib.ExitStack() as stack:
        overrides = _base_overrides(ctx)
        if plan.platform:
            overrides = layer(overrides, _platform_overrides(ctx))
            stack.callback(ctx.platform.stop)
        attach_steps(ctx, modules, stack)
        overrides = layer(layer(overrides, ctx.config_overrides), plan.config)
        settings = load_settings(plan.config_file, overrides=overrides)
        logs.configure(settings.logging.level, settings.logging.modules)
        return _run_app(ctx, settings, plan, table, stack)


def _run_app(ctx: ScriptContext, settings: Any, plan: RunPlan, table: dict[str, Any],
             stack: contextlib.ExitStack) -> str | None:
    from kiosk_command.corebuild import build_core
    from kiosk_command.gui import make_app, prepare_kivy

    stack.enter_context(headless_if_needed(plan.headless))
    # nobody watches a virtual display: lay out every frame, draw only for pictures
    prepare_kivy(settings, size=(1080, 1920), fullscreen=False, paced=not plan.headless)
    import screens.app  # noqa: F401 - Kivy's own start, while the platform starts
    if ctx.platform is not None:
        ctx.platform.wait_ready()
    ctx.core = build_core(settings, ctx.clock, stack)
    app = make_app(ctx.core)
    app.prebuild = False            # screens are made as the script reaches them
    runner = Runner(ctx, plan.steps, table, poll_pause_s=0.002 if plan.headless else 0.0)
    app.bind(on_start=lambda *_: _attach(runner, app, plan.headless))
    app.run()
    if not runner.done:
        return "the app stopped before the script finished"
    return runner.failure


def _attach(runner: Runner, app: Any, headless: bool) -> None:
    if headless:
        from kivy.core.window import Window

        pacer = DrawOnDemand()         # Kivy holds bound methods weakly: the run keeps it
        runner.ctx.resources["pacer"] = pacer
        pacer.attach(Window)
    runner.attach(app)
