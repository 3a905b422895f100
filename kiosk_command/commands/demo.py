"""`kiosk demo [--smoke]`: the reference platform with demo data, simulated
devices and the kiosk in a window, all on this machine.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
from pathlib import Path

from kiosk.fonts import cache_dir


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="run the kiosk demo with the reference platform")
    p.add_argument("--smoke", action="store_true",
                   help="headless: render the home screen to PNG and exit")
    p.add_argument("--out", type=Path, help="PNG of the home screen (with --smoke)")
    p.add_argument("--size", default="540x960", help="window size (default 540x960)")
    p.add_argument("--workdir", type=Path, default=cache_dir() / "demo")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    _renew_outdated(args.workdir)
    return _smoke(args) if args.smoke else _interactive(args)


def _renew_outdated(workdir: Path) -> None:
    """Start the demo afresh when its platform database is not at this schema revision.

    The demo's data is generated, so nothing of value is lost; the kiosk's own
    cache and queue go too, since their cursors and keys belong to that database.
    """
    from central.db import schema_revision
    from central.migrations import HEAD

    found = schema_revision(workdir / "central" / "central.sqlite3")
    if found is not None and found != HEAD:
        print(f"demo: platform data in {workdir} is from another version; starting afresh")
        shutil.rmtree(workdir)


def _smoke(args: argparse.Namespace) -> int:
    from kiosk_command.script.context import ScriptFailure
    from kiosk_command.script.runner import Step
    from kiosk_command.script.session_run import RunPlan, run_plan

    out = (args.out or args.workdir / "smoke-home.png").resolve()
    steps = [Step(1, "screenshot", str(out.with_name("smoke-attract.png"))),
             Step(2, "tap", "attract.start"), Step(3, "wait_screen", "home"),
             Step(4, "see", "岗位查询"), Step(5, "screenshot", str(out)),
             # the jobs list fills from the catalog the terminal syncs at start
             Step(6, "tap", "home.tile.jobs"), Step(7, "wait_screen", "jobs"),
             Step(8, "see", "发布", timeout_s=60),
             Step(9, "screenshot", str(out.with_name("smoke-jobs.png")))]
    failure = run_plan(RunPlan(steps, args.workdir.resolve(), args.config, headless=True))
    if failure:
        raise ScriptFailure(f"demo smoke test: {failure}")
    print(f"demo smoke test passed; home screen: {out}")
    return 0


def _interactive(args: argparse.Namespace) -> int:
    from kiosk import logs
    from kiosk.clock import SystemClock
    from kiosk.config import load_settings
    from kiosk_command.corebuild import build_core
    from kiosk_command.gui import make_app, prepare_kivy
    from kiosk_command.platform_proc import PlatformProcess

    width, height = (int(v) for v in args.size.split("x"))
    with PlatformProcess(args.workdir / "central") as platform:
        overrides = {
            "platform": {"url": platform.url, "key_file": str(platform.key_file),
                         "device_id": platform.device_id},
            "paths": {"data_dir": str(args.workdir / "kiosk")},
            "display": {"fullscreen": False, "show_cursor": True},
        }
        settings = load_settings(args.config, overrides=overrides, fleet=True)
        logs.configure(settings.logging.level, settings.logging.modules)
        print(f"reference platform: {platform.url}  (technician exit PIN: 123456, "
              "or five taps in the top-left corner)")
        prepare_kivy(settings, size=(width, height), fullscreen=False)
        with contextlib.ExitStack() as stack:
            make_app(build_core(settings, SystemClock(), stack)).run()
    return 0
