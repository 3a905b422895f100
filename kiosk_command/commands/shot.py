"""`kiosk shot SCREEN --lang --mode --out FILE.png`: render one screen headless."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("shot", help="render a screen to PNG at 1080×1920, headless")
    p.add_argument("screen", nargs="?", help="screen name (see --list)")
    p.add_argument("--list", action="store_true", help="print the screen names")
    p.add_argument("--lang", choices=["zh", "en", "bo"], default="zh")
    p.add_argument("--mode", choices=["normal", "elder"], default="normal")
    p.add_argument("--out", type=Path, help="PNG file to write")
    p.add_argument("--tree", type=Path, help="also write the visible widget tree as JSON")
    p.add_argument("--display", action="store_true",
                   help="use the current DISPLAY instead of a private virtual one")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from kiosk_command.script.context import ScriptFailure

    if args.list:
        from kiosk.flows import scene_screens

        print("\n".join(scene_screens()))
        return 0
    from kiosk_command.script.runner import Step
    from kiosk_command.script.session_run import RunPlan, run_plan

    if not args.screen or not args.out:
        raise ScriptFailure("shot: give a SCREEN and --out FILE.png (or --list)")
    scene = {"screen": args.screen, "lang": args.lang, "elder": args.mode == "elder"}
    steps = [Step(1, "scene", scene), Step(2, "screenshot", str(args.out.resolve()))]
    if args.tree:
        steps.append(Step(3, "tree", str(args.tree.resolve())))
    with tempfile.TemporaryDirectory(prefix="kiosk-shot-") as tmp:
        failure = run_plan(RunPlan(steps, Path(tmp), args.config, platform=True,
                                   headless=not args.display,
                                   # the printer simulator draws slip previews
                                   config={k: {"driver": "none"}
                                           for k in ("idcard", "camera")}))
    if failure:
        raise ScriptFailure(f"shot: {failure}")
    return 0
