"""The long forms: `python -m tests.reliability faults|soak|pii ...` (docs/reliability.md).

Each prints its figures as JSON and exits 0 when the verdict is good, 1 when not.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sys
import tempfile
from pathlib import Path
from typing import Any

from tests.reliability import faults, soak
from tests.reliability.pii import people_under, save_people, scan


def _stop_on_term(*_args: object) -> None:
    raise SystemExit(2)            # unwinds, so the platform and the terminal are stopped


def _workdir(given: Path | None, name: str) -> Path:
    return given or Path(tempfile.mkdtemp(prefix=f"kiosk-{name}-")) / "run"


def _print(doc: dict[str, Any]) -> None:
    print(json.dumps(doc, ensure_ascii=False, indent=1))


def cmd_faults(args: argparse.Namespace) -> int:
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    workdir = _workdir(args.workdir, "faults")
    without = frozenset(k for k in args.without.split(",") if k)
    fig = faults.run(args.sessions, seed, workdir, without)
    save_people(fig.people, workdir)
    hits, files = scan([workdir], fig.people)
    _print({"seed": seed, **fig.summary(), "pii_files_scanned": files,
            "pii_hits": [str(h) for h in hits]})
    return 0 if fig.ok() and not hits else 1


def cmd_soak(args: argparse.Namespace) -> int:
    workdir = _workdir(args.workdir, "soak")
    # more than fit, so time ends the run: a session takes 3-4 s on software GL now,
    # and never less than 2 s (the script's own pauses)
    sessions = args.sessions or max(1, int(args.minutes * 30))
    fig = soak.run(workdir, sessions, args.minutes, args.seed, args.every)
    save_people(fig.people, workdir)
    hits, files = scan(fig.written(), fig.people)
    _print({**fig.summary(), "pii_files_scanned": files, "pii_hits": [str(h) for h in hits]})
    return 0 if fig.ok() and not hits else 1


def cmd_pii(args: argparse.Namespace) -> int:
    roots = [Path(d) for d in args.dirs]
    people = people_under(roots)
    hits, files = scan(roots, people)
    _print({"people": len(people), "files_scanned": files, "hits": [str(h) for h in hits]})
    return 0 if not hits else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.reliability")
    sub = parser.add_subparsers(dest="command", required=True)
    f = sub.add_parser("faults", help="visitor sessions with faults, then the exactly-once audit")
    f.add_argument("--sessions", type=int, default=1000)
    f.add_argument("--seed", type=int)
    f.add_argument("--workdir", type=Path)
    f.add_argument("--without", default="", help="visitor kinds to leave out, comma-separated")
    f.set_defaults(fn=cmd_faults)
    s = sub.add_parser("soak", help="scripted sessions through the real app, /proc sampled")
    s.add_argument("--minutes", type=float, default=60.0)
    s.add_argument("--sessions", type=int, help="stop after this many instead of at time")
    s.add_argument("--seed", type=int, default=0)
    s.add_argument("--every", type=float, default=5.0, help="seconds between samples")
    s.add_argument("--workdir", type=Path)
    s.set_defaults(fn=cmd_soak)
    p = sub.add_parser("pii", help="scan directories for the people of the runs inside them")
    p.add_argument("dirs", nargs="+")
    p.set_defaults(fn=cmd_pii)
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _stop_on_term)
    return args.fn(args)


if __name__ == "__main__":
    sys.exit(main())
