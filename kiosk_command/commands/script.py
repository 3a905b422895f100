"""`kiosk script FILE.json`: a scripted visitor session against the real app."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("script", help="run a scripted visitor session (see README)")
    p.add_argument("file", type=Path)
    p.add_argument("--workdir", type=Path, help="keep screenshots and logs here")
    p.add_argument("--display", action="store_true",
                   help="show the run on the current DISPLAY instead of a virtual one")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from kiosk_command.script.loader import parse_steps, read_script
    from kiosk_command.script.session_run import RunPlan, run_plan

    doc = read_script(args.file)
    steps = parse_steps(doc["steps"])
    with tempfile.TemporaryDirectory(prefix="kiosk-script-") as tmp:
        workdir = args.workdir or Path(tmp)
        failure = run_plan(RunPlan(steps, workdir.resolve(), args.config,
                                   config=doc.get("config", {}),
                                   platform=bool(doc.get("platform", True)),
                                   headless=not args.display))
    if failure:
        print(f"script {args.file}: {failure}", file=sys.stderr)
        return 1
    print(f"script {args.file}: {len(steps)} steps passed")
    return 0
