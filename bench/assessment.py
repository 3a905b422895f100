"""Career-interest self-assessment: seconds and taps of a complete scripted run.

The visit of tests/scripts/assessment_full.json, as it is in tests/: the tile, the
introduction, 72 answers (one tap each, the injected clock moved one second between
them so the double-tap guard lets the next through), the report, printing it, and a
suggested group's job list. Counted from its steps (answer taps, other taps) and timed
two ways: (a) the app's own wall time to run the scripted visit in the real app through
the script runner (from the tile tap to the job list shown; the runner's two settle
frames after each step included, as `kiosk script` runs it), best and median of
--visits runs after an uncounted warm-up, with the median time from an answer's tap to
the next question drawn; (b) a visitor-time estimate from the keystroke-level model
(Card, Moran and Newell 1980) adapted for a touch screen: every tap costs mental
preparation M = 1.35 s plus pointing P = 1.1 s, and every question adds reading its few
words, R = 1.0 s (about 230 characters a minute for short Chinese phrases; slow readers
and 长辈版 take longer). Reading the introduction and the report is left out of (b).

Run: xvfb-run -a -s "-screen 0 1080x1920x24" .venv/bin/python -m bench.assessment
     [--visits N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):      # run as a file: the repository root holds bench/
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import apprun  # noqa: E402 - after the path fix above
from bench.keystroke import machine, p95  # noqa: E402

CHINA = dt.timezone(dt.timedelta(hours=8))
ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "tests" / "scripts" / "assessment_full.json"
KLM_M_S, KLM_P_S, KLM_R_S = 1.35, 1.10, 1.0


@dataclass(frozen=True)
class Count:
    answers: int
    buttons: int

    @property
    def taps(self) -> int:
        return self.answers + self.buttons

    @property
    def klm_s(self) -> float:
        return self.taps * (KLM_M_S + KLM_P_S) + self.answers * KLM_R_S


def visit_steps() -> list[dict[str, Any]]:
    """The scripted visit from the tile on (the attract tap and the sync are set-up),
    without the script's detour to the guidance notice and back."""
    steps = json.loads(SCRIPT.read_text(encoding="utf-8"))["steps"]
    first = next(i for i, s in enumerate(steps) if s.get("tap") == "home.tile.assessment")
    printed = next(i for i, s in enumerate(steps) if "take_receipt" in s)
    group = next(i for i, s in enumerate(steps) if s.get("tap") == "as.report.group.0")
    last = next(i for i, s in enumerate(steps) if s.get("wait_screen") == "jobs")
    return steps[first:printed + 1] + steps[group - 1:last + 1]


def count(steps: list[dict[str, Any]]) -> Count:
    answers = sum(str(s.get("tap", "")).startswith("as.answer.") for s in steps)
    buttons = sum("tap" in s for s in steps) - answers
    return Count(answers, buttons)


@dataclass
class Visit:
    record: bool
    start: float
    end: float = 0.0
    answers: list[float] = field(default_factory=list)     # tap -> next question drawn


# -- the bench's own script steps -------------------------------------------------------
def bench_visit(ctx: Any, arg: dict[str, Any]) -> None:
    """{"record": bool, "edge": "start" | "end"}: one visit's bounds."""
    visits = ctx.resources.setdefault("bench.visits", [])
    now = time.perf_counter()
    if arg["edge"] == "start":
        visits.append(Visit(arg["record"], now))
    else:
        visits[-1].end = now


def bench_answer(ctx: Any, tid: str) -> Any:
    """Tap an answer (as the `tap` step does) and time it until the next question (or the
    report) is on the screen, drawn."""
    from kivy.clock import Clock

    from kiosk_command.script.steps.core import tap

    screen = ctx.app.screen("as_item")
    before = screen.progress
    start = time.perf_counter()
    waiting = tap(ctx, tid)
    drawn = [0.0]

    def shown() -> bool:
        if waiting is not None and not waiting():
            return False
        if not drawn[0] and (screen.progress != before or ctx.app.root.current != "as_item"):
            Clock.schedule_once(lambda _dt: drawn.__setitem__(0, time.perf_counter()), 0)
        if drawn[0]:
            ctx.resources["bench.visits"][-1].answers.append((drawn[0] - start) * 1000)
            return True
        return False
    return shown


bench_visit.settle_frames = 0      # type: ignore[attr-defined] - the mark only looks


def plan(visits: int) -> list[dict[str, Any]]:
    walk = visit_steps()
    timed = [{"bench_answer": s["tap"]} if str(s.get("tap", "")).startswith("as.answer.")
             else s for s in walk]
    steps: list[dict[str, Any]] = [{"catalog_sync": None}]
    for n in range(visits + 1):
        steps += [{"tap": "attract.start"}, {"wait_screen": "home"},
                  {"bench_visit": {"record": n > 0, "edge": "start"}}, *timed,
                  {"bench_visit": {"record": n > 0, "edge": "end"}},
                  {"advance": 61}, {"advance": 30},
                  {"expect_state": "idle"}]
    return steps


def run_app(work: Path, steps: list[dict[str, Any]]) -> Any:
    """The real app through the script runner, with the bench's steps added."""
    day = dt.datetime.now(CHINA).date()
    (work / "kiosk").mkdir(mode=0o700)
    return apprun.run_app("assessment", __name__, work, steps,
                          start=dt.datetime.combine(day, dt.time(10, 0), CHINA))


STEPS = {"bench_visit": bench_visit, "bench_answer": bench_answer}


def report(ctx: Any) -> None:
    try:
        debian = Path("/etc/debian_version").read_text().strip()
    except OSError:
        debian = "?"
    print(f"machine: {machine()}, Debian {debian}; date {dt.date.today().isoformat()}")
    c = count(visit_steps())
    visits = [v for v in ctx.resources["bench.visits"] if v.record]
    warm = [v for v in ctx.resources["bench.visits"] if not v.record]
    walls = [v.end - v.start for v in visits]
    answers = [ms for v in visits for ms in v.answers]
    print("a complete self-check in zh, normal (tests/scripts/assessment_full.json)")
    print(f"taps {c.taps}: {c.answers} answers + {c.buttons} other (tile, start, print, a group)")
    print(f"(a) app wall time, tile -> job list: best {min(walls):.2f} s, median "
          f"{statistics.median(walls):.2f} s of {len(walls)} "
          f"(warm-up {warm[0].end - warm[0].start:.2f} s)")
    print(f"    answer tap -> next question drawn: median {statistics.median(answers):.1f} ms, "
          f"p95 {p95(answers):.1f} ms, max {max(answers):.1f} ms (n={len(answers)})")
    print(f"(b) KLM visitor estimate: {c.klm_s:.0f} s = {c.klm_s / 60:.1f} min "
          f"(per tap M {KLM_M_S} + P {KLM_P_S} s, per question R {KLM_R_S} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--visits", type=int, default=5, help="timed visits")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="assessment-bench-"))
    try:
        ctx = run_app(work, plan(args.visits))
        report(ctx)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
