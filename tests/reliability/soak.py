"""Soak: visitor after visitor through the real app (`kiosk script`), watched from /proc.

One long script holds many sessions (a process per session would hide exactly
the leaks a soak is for). Each session: a card signs the visitor in, they open
the job list, print a posting's slip, leave their phone for the employer, end
the session and take the card. Meanwhile the app's memory (private, RSS, PSS), open file
descriptors and threads, the platform's memory and the data directory's size
are sampled; over the second half of a long run their growth (least-squares
slope) must stay under the bounds below.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.fonts import cache_dir
from tests.reliability import procstat
from tests.reliability.people import Person, person
from tests.reliability.pii import written_since

ROOT = Path(__file__).resolve().parents[2]
# Growth allowed per minute over the second half of a run of at least SLOPE_MIN_MINUTES.
# Memory is judged on private memory (procstat explains why not PSS); RSS and PSS are
# recorded beside it.
BOUNDS = {"uss_kib": 256.0, "fds": 0.5, "threads": 0.2, "disk_kib": 256.0}
SLOPE_MIN_MINUTES = 10.0


def session_steps(p: Person, first: bool) -> list[dict[str, Any]]:
    """One visitor's steps; the first session also syncs the catalog."""
    masked_phone = f"{p.phone[:3]}****{p.phone[-4:]}"
    steps: list[dict[str, Any]] = [
        {"place_card": p.card()}, {"wait_screen": "home"}, {"see": "您好，"},
        *([{"catalog_sync": None}] if first else []),
        {"tap": "home.tile.jobs"}, {"wait_screen": "jobs"}, {"see": "个岗位"},
        {"tap": "jobs.card.0"}, {"wait_screen": "job_detail"},
        {"tap": "jobs.detail.print"}, {"wait_screen": "job_print"},
        {"tap": "jobs.print.confirm"}, {"see": "打印完成"}, {"take_receipt": None},
        {"tap": "fb.rate.skip"}, {"wait_screen": "job_detail"},
        {"tap": "jobs.detail.interest"}, {"wait_screen": "job_interest"},
        {"tap": "jobs.interest.phone"}, {"keys": p.phone}, {"tap": "kb.done"},
        {"tap": "jobs.interest.send"}, {"see": masked_phone}, {"not_see": p.phone},
        {"outbox_drained": None},
        {"tap": "jobs.interest.done"}, {"wait_screen": "jobs"},
        {"tap": "jobs.back"}, {"wait_screen": "home"}, {"tap": "home.end"},
        {"wait_screen": "attract"}, {"remove_card": None}, {"expect_card_present": False},
        {"expect_data_empty": None}, {"advance": 1}]
    return steps


def script(people: list[Person]) -> dict[str, Any]:
    steps = [s for n, p in enumerate(people) for s in session_steps(p, n == 0)]
    return {"name": f"soak: {len(people)} visitors in a row", "steps": steps}


@dataclass
class SoakFigures:
    """Samples over time and the verdict."""

    sessions_planned: int = 0
    seconds: float = 0.0
    exit_code: int | None = None
    stopped_at_time: bool = False
    samples: list[dict[str, float]] = field(default_factory=list)
    slopes: dict[str, float] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    workdir: str = ""
    started: float = 0.0       # wall time, to find what the run wrote to shared caches

    def written(self) -> list[Path]:
        """The run's directory and every file it wrote to the per-user cache."""
        return [Path(self.workdir), *written_since(cache_dir(), self.started)]

    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> dict[str, Any]:
        first, last = (self.samples[0], self.samples[-1]) if self.samples else ({}, {})
        peak = {k: max(s[k] for s in self.samples) for k in first} if self.samples else {}
        return {"sessions_planned": self.sessions_planned, "seconds": round(self.seconds, 1),
                "exit_code": self.exit_code, "stopped_at_time": self.stopped_at_time,
                "samples": len(self.samples), "first": first, "last": last, "peak": peak,
                "slopes_per_min_second_half": {k: round(v, 2) for k, v in self.slopes.items()},
                "bounds_per_min": BOUNDS, "failures": self.failures, "workdir": self.workdir}


def slope(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of (t, y)."""
    n = len(points)
    if n < 2:
        return 0.0
    mt = sum(t for t, _ in points) / n
    my = sum(y for _, y in points) / n
    var = sum((t - mt) ** 2 for t, _ in points)
    return sum((t - mt) * (y - my) for t, y in points) / var if var else 0.0


def _platform_pid(app_pid: int) -> int | None:
    for pid in procstat.children(app_pid):
        try:
            if b"central" in Path(f"/proc/{pid}/cmdline").read_bytes():
                return pid
        except OSError:
            continue
    return None


def _sample(app_pid: int, data_dir: Path, t: float) -> dict[str, float] | None:
    app = procstat.sample(app_pid)
    if app is None:
        return None
    plat_pid = _platform_pid(app_pid)
    plat = procstat.sample(plat_pid) if plat_pid else None
    return {"t": round(t, 1), "rss_kib": app.rss_kib, "pss_kib": app.pss_kib,
            "uss_kib": app.uss_kib,
            "fds": app.fds, "threads": app.threads,
            "platform_rss_kib": plat.rss_kib if plat else 0,
            "disk_kib": procstat.disk_kib(data_dir) if data_dir.exists() else 0}


def run(workdir: Path, sessions: int, minutes: float | None = None, seed: int = 0,
        every_s: float = 2.0) -> SoakFigures:
    """Run the script (until it ends, or minutes have passed) and judge the samples."""
    rng = random.Random(seed)
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    fig = SoakFigures(sessions_planned=sessions, workdir=str(workdir), started=time.time())
    fig.people = [person(rng) for _ in range(sessions)]
    plan = workdir / "soak.json"
    plan.write_text(json.dumps(script(fig.people), ensure_ascii=False))
    out = (workdir / "script.out").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "kiosk_command.main", "script", str(plan),
                             "--workdir", str(workdir / "run")], cwd=ROOT, stdout=out,
                            stderr=subprocess.STDOUT)
    out.close()
    start = time.monotonic()
    try:
        _watch(proc, fig, workdir / "run" / "kiosk", start, minutes, every_s)
    finally:
        _stop(proc)
    fig.exit_code = proc.returncode
    fig.seconds = time.monotonic() - start
    # every sample, for plotting or a second look at a slope
    (workdir / "samples.json").write_text(json.dumps(fig.samples))
    _judge(fig, workdir)
    return fig


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Interrupt the app (it unwinds and stops its platform); then end what it left."""
    if proc.poll() is not None:
        return
    kids = procstat.children(proc.pid)
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    for pid in kids:           # the platform runs in its own session: a SIGINT misses it
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGTERM)


def _watch(proc: subprocess.Popen[bytes], fig: SoakFigures, data_dir: Path, start: float,
           minutes: float | None, every_s: float) -> None:
    while proc.poll() is None:
        now = time.monotonic() - start
        if minutes is not None and now > minutes * 60:
            fig.stopped_at_time = True
            return
        got = _sample(proc.pid, data_dir, now)
        if got is not None:
            fig.samples.append(got)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(every_s)


def _judge(fig: SoakFigures, workdir: Path) -> None:
    if not fig.stopped_at_time and fig.exit_code != 0:
        tail = (workdir / "script.out").read_text(errors="replace")[-600:]
        fig.failures.append(f"script failed (exit {fig.exit_code}): {tail}")
    if fig.seconds < SLOPE_MIN_MINUTES * 60 or len(fig.samples) < 8:
        return
    half = fig.samples[len(fig.samples) // 2:]
    for key, bound in BOUNDS.items():
        fig.slopes[key] = slope([(s["t"] / 60, s[key]) for s in half])
        if fig.slopes[key] > bound:
            fig.failures.append(f"{key} grows {fig.slopes[key]:.2f}/min (bound {bound})")
