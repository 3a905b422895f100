"""Keystroke to updated job list on 100,000 cached postings: bigram index vs a LIKE scan.

The real app (KioskApp, the jobs screen, its KeyField, the keyboard overlay, the pinyin
engine) runs through the script runner against the reference platform, with a catalog
of 100,000 generated postings synced into the kiosk's cache. Realistic queries are typed
key by key on the on-screen keyboard (letters, a candidate pick, a backspace, clear): a
finger goes down on the key, stays 100 ms, lifts. Each keystroke is timed from just
before the key's action runs (the keyboard's press/pick, reached by the finger lift) to
the end of the first frame whose buffer swap (then glFinish) shows both the new result
list and the new candidate bar: the frame is taken only when the list's visible cards
hold the new results, the candidate buttons the new candidates, and no label, layout or
list refresh is still pending (else the next frame is waited for, and counted). Also
reported: the time to that frame's canvas being drawn, before the swap, where a software
renderer (Mesa llvmpipe on Xvfb) spends most of a frame. Side by side in the same run,
each query is typed again with the catalog search swapped for the peer: the same
question answered by a plain LIKE '%word%' scan over the same postings (the peer of
bench/catalog_search.py), with the same screen update. The engine's candidate lookups
are timed as they happen. --thin-outlines is a what-if: invisible button outlines drawn
1 px wide, which keeps Kivy's Line off its stencil path.
Run: xvfb-run -a -s "-screen 0 1080x1920x24" .venv/bin/python bench/keystroke.py
     [--rounds N] [--jobs N] [--workdir DIR (keeps the built catalog for the next run)]
     [--thin-outlines]
(without a DISPLAY it starts its own Xvfb)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform as pyplatform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):      # run as a file: the repository root holds bench/
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

CHINA = dt.timezone(dt.timedelta(hours=8))
# typed key by key from an empty field: letters, "#" taps the first candidate,
# "<" backspace, " " space; each query then ends with the clear key
QUERIES = ["siji#", "fuwuyuan#<", "fwy#", "kuaidi#", "baojie<e#", "kuaiji#<", "dianhua#",
           "xiaoshou#<", "kuaidi# siji#"]
HOLD_S = 0.10          # a finger on the key
PACE_S = 0.30          # the injected clock between keys (passes the bounce guard)
TARGET_MS, LOOKUP_TARGET_MS = 50.0, 5.0


# -- the catalog, built once per work directory ------------------------------------
def build(work: Path, jobs: int) -> str:
    """Seed the platform, sync the kiosk's cache, add the peer's plain table; the day."""
    from bench.catalog_search import PLAIN
    from kiosk.clock import SystemClock
    from kiosk.platform.catalog import Catalog
    from kiosk.platform.client import PlatformClient
    from kiosk.platform.signing import load_key
    from kiosk_command.platform_proc import PlatformProcess

    stamp = work / "built.json"
    if stamp.exists() and json.loads(stamp.read_text())["jobs"] == jobs:
        return json.loads(stamp.read_text())["day"]
    for name in ("central", "kiosk"):
        shutil.rmtree(work / name, ignore_errors=True)
    (work / "central").mkdir(parents=True)
    (work / "kiosk").mkdir(mode=0o700)
    day = dt.date.today().isoformat()
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kiosk_command.main", "central", "seed", "--db",
                    str(work / "central" / "central.sqlite3"), "--jobs", str(jobs)], check=True)
    with PlatformProcess(work / "central", demo_data=False) as platform:
        client = PlatformClient(platform.url, platform.device_id, load_key(platform.key_file),
                                clock=SystemClock(), timeout_s=60)
        catalog = Catalog(work / "kiosk" / "catalog.sqlite3", SystemClock())
        catalog.sync(client)
        catalog.conn.execute(PLAIN)     # the peer's table, in the same cache file
        catalog.close()
    print(f"built the catalog of {jobs:,} postings in {time.perf_counter() - started:.0f} s "
          f"(kept in {work} when --workdir is given)", flush=True)
    stamp.write_text(json.dumps({"jobs": jobs, "day": day}))
    return day


# -- what one keystroke measured ---------------------------------------------------
@dataclass
class Keystroke:
    mode: str                 # "ours" or "peer"
    query: str
    key: str                  # a letter, "#" pick, "<" backspace, " " space, "!" clear
    record: bool
    up: float = 0.0           # the finger lifted (touch up dispatched)
    start: float = 0.0        # the key's action begins
    acted: float = 0.0        # the action returned
    draw: float = 0.0         # the frame that showed it began drawing
    submitted: float = 0.0    # ... its canvas was drawn (GL calls made, not yet rasterized)
    end: float = 0.0          # ... and its buffer swap returned (glFinish after it)
    frames: int = 0           # frames swapped from the action to the one that showed it
    lookup_ms: list[float] = field(default_factory=list)
    search_ms: float = 0.0
    searched: str | None = None
    total: int | None = None
    show_ms: float = 0.0
    bar_ms: float = 0.0

    @property
    def ms(self) -> float:
        return (self.end - self.start) * 1000

    @property
    def submitted_ms(self) -> float:
        return (self.submitted - self.start) * 1000



class Meter:
    """Hooks around the app's own objects (never its code) that time each keystroke."""

    def __init__(self, ctx: Any) -> None:
        from kivy.core.window import Window

        self.ctx, self.app, self.window = ctx, ctx.app, Window
        self.mode = "ours"
        self.current: Keystroke | None = None
        self.done: list[Keystroke] = []
        self.frame = [0.0, 0.0]
        self.frames: list[tuple[float, float, float]] = []   # draw, swap, finish (s)
        self.screen = self.app.screen("jobs")
        self.rv = self.screen.ids.results
        self.field = self.screen.ids.search
        self.panel = self.app.overlays["keyboard"].ids.panel
        self.echo = self.app.overlays["keyboard"].ids.echo
        self.service = ctx.core.platform
        self.catalog = self.service.catalog
        self._ours = self.service.search
        self._hook()

    # -- hooks ---------------------------------------------------------------------
    def _hook(self) -> None:
        from kivy.graphics.opengl import glFinish

        flip, draw = self.window.flip, self.window.on_draw

        def timed_draw() -> None:
            t0 = time.perf_counter()
            draw()
            self.frame = [t0, time.perf_counter()]

        def timed_flip() -> None:
            t1 = time.perf_counter()
            flip()
            t2 = time.perf_counter()
            glFinish()                           # the frame is really drawn
            end = time.perf_counter()
            self.frames.append((self.frame[1] - self.frame[0], t2 - t1, end - t2))
            k = self.current
            if k is None or not k.start:
                return
            k.frames += 1
            if self.shown():
                k.submitted, k.end = self.frame[1], end
                self.current = None
                self.done.append(k)

        def on_draw(*_: Any) -> None:            # bound handlers run before the drawing
            if self.current is not None and self.current.start:
                self.current.draw = time.perf_counter()

        self.window.flip = timed_flip
        self.window.on_draw = timed_draw
        self.window.bind(on_draw=on_draw)
        engine = self.ctx.core.ime.engine
        lookup = engine.lookup

        def timed_lookup(typed: str, limit: int = 10) -> Any:
            t0 = time.perf_counter()
            out = lookup(typed, limit)
            if self.current is not None:
                self.current.lookup_ms.append((time.perf_counter() - t0) * 1000)
            return out

        engine.lookup = timed_lookup
        self.service.search = self._search
        self._wrap(self.screen, "_show", "show_ms")
        self._wrap(self.panel, "refresh", "bar_ms")
        for name in ("press", "pick"):
            self._wrap_start(self.panel, name)

    def _wrap(self, obj: Any, name: str, slot: str) -> None:
        inner = getattr(obj, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                if self.current is not None:
                    setattr(self.current, slot, getattr(self.current, slot)
                            + (time.perf_counter() - t0) * 1000)
        setattr(obj, name, timed)

    def _wrap_start(self, obj: Any, name: str) -> None:
        """The key's action: its start is the keystroke's start, if not already taken."""
        inner = getattr(obj, name)

        def started(*args: Any, **kwargs: Any) -> Any:
            k = self.current
            if k is not None and k.up and not k.start:
                k.start = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                if k is not None and k.start and not k.acted:
                    k.acted = time.perf_counter()
        setattr(obj, name, started)

    def _search(self, text: str, filters: Any = None, sort: str = "newest", limit: int = 20,
                offset: int = 0) -> Any:
        t0 = time.perf_counter()
        found = (self._ours(text, filters, sort, limit, offset) if self.mode == "ours"
                 else self._peer(text, filters, sort, limit, offset))
        if self.current is not None:
            self.current.search_ms += (time.perf_counter() - t0) * 1000
            self.current.searched, self.current.total = text, found.total
        return found

    def _peer(self, text: str, filters: Any, sort: str, limit: int, offset: int) -> Any:
        """The same page and count from a LIKE scan, documents as ours reads them."""
        from bench.catalog_search import like_search
        from kiosk.platform.search import JobFilters, SearchResult, documents

        assert limit == 20 and offset == 0, "the peer answers the first page only"
        now = self.ctx.clock.now().timestamp()
        with self.catalog.read_lock:
            ids, total = like_search(self.catalog.reader, text, filters or JobFilters(), now,
                                     sort)
            docs = documents(self.catalog.reader, ids)
        return SearchResult(docs, min(total, 1000), total > 1000,
                            data_as_of=self.catalog.data_as_of())

    # -- is the new state on the glass? ----------------------------------------------
    def shown(self) -> bool:
        from kivy.clock import Clock

        from screens.widgets import KLabel

        if Clock.get_before_frame_events() or self.rv._refresh_trigger.is_triggered:
            return False
        expected = self.screen.results
        cards = [c for c in self.rv.layout_manager.children if getattr(c, "tid", "")]
        shown = {}
        for card in cards:
            i = int(card.tid.rsplit(".", 1)[1])
            if i >= len(expected) or card.job_id != expected[i]["job_id"] \
                    or card.title != expected[i]["title"]:
                return False
            shown[i] = card
        if expected and 0 not in shown:
            return False
        cands = [c.text for c in self.field.candidates] if self.field.composing else []
        bar = list(reversed(self.panel.ids.cands.children))
        if [b.raw for b in bar] != cands:
            return False
        labels = [w for root in (*shown.values(), *bar, self.echo, self.field)
                  for w in root.walk() if isinstance(w, KLabel)]
        return not any(w._wrap_soon.is_triggered or w._trigger_texture.is_triggered
                       for w in labels)


# -- the bench's own script steps (the product's step table is left alone) ----------
def _meter(ctx: Any) -> Meter:
    return ctx.resources["bench.meter"]


def bench_ready(ctx: Any, _arg: Any) -> Any:
    """Wait for the first catalog sync and the engine, then hook the meter."""
    def ready() -> bool:
        extra = ctx.core.platform.status.snapshot()["extra"]
        if "data_as_of" not in extra or ctx.core.ime is None or ctx.core.ime.engine is None \
                or "keyboard" not in ctx.app.overlays:
            return False
        from kivy.graphics.opengl import GL_RENDERER, glGetString

        ctx.resources["bench.meter"] = Meter(ctx)
        ctx.resources["gl"] = glGetString(GL_RENDERER).decode(errors="replace")
        return True
    return ready


def bench_key(ctx: Any, arg: dict[str, Any]) -> Any:
    """One measured keystroke: finger down, held HOLD_S, lifted; waits for its frame."""
    from kivy.tests.common import UnitTestTouch

    from screens.tree import find

    meter = _meter(ctx)
    meter.mode = arg["mode"]
    if ctx.resources.get("bench.thin"):
        thin_invisible_outlines()
    key = arg["key"]
    tid = {"#": "kb.cand.0", "<": "kb.backspace", " ": "kb.space", "!": "kb.clear"}.get(
        key, f"kb.key.{key}")
    widget = find(ctx.app, tid)
    if widget is None:
        raise RuntimeError(f"{tid} is not on the glass")
    ctx.clock.advance(PACE_S)
    x, y = widget.to_window(*widget.center)
    touch = UnitTestTouch(x, y)
    touch.touch_down()
    down = time.monotonic()
    k = Keystroke(arg["mode"], arg["query"], key, arg["record"])
    def lifted_and_shown() -> bool:
        if not k.up:
            if time.monotonic() - down < HOLD_S:
                return False
            meter.current = k
            k.up = time.perf_counter()
            touch.touch_up()
            if not k.start and key != "#":      # a ScrollView may hold a release
                raise RuntimeError(f"{tid}: the key did nothing")
        return bool(k.end)
    return lifted_and_shown


def thin_invisible_outlines() -> int:
    """What-if: an invisible (alpha 0) outline drawn 1 px wide instead of 2, which keeps
    Kivy's Line off its stencil path (what `width: 2 if not self.enabled else 1` would do
    for KButton in screens/kv/widgets.kv)."""
    from kivy.core.window import Window
    from kivy.graphics import Color, Line

    changed = 0
    for root in Window.children:
        for widget in root.walk():
            color = None
            for ins in widget.canvas.after.children:
                if isinstance(ins, Color):
                    color = ins
                elif isinstance(ins, Line) and color is not None and color.a == 0 \
                        and ins.width > 1:
                    ins.width = 1.0
                    changed += 1
    return changed


def bench_field(ctx: Any, arg: dict[str, Any]) -> None:
    """Remember what the field ended with (printed per query)."""
    field_ = _meter(ctx).field
    ctx.resources.setdefault("bench.texts", []).append((arg["mode"], arg["query"], field_.text))


STEPS = {"bench_ready": bench_ready, "bench_key": bench_key, "bench_field": bench_field}


def plan_steps(rounds: int) -> list[dict[str, Any]]:
    """Warm-up round (not recorded), then rounds of every query, ours and peer in turn."""
    steps: list[dict[str, Any]] = [{"ime": "ready", "timeout": 60},
                                   {"scene": {"screen": "jobs"}}, {"wait_screen": "jobs"},
                                   {"bench_ready": None, "timeout": 120},
                                   {"tap": "jobs.search"}]
    for r in range(rounds + 1):
        order = ("ours", "peer") if r % 2 else ("peer", "ours")
        for query in QUERIES:
            for mode in order:
                for key in query + "!":
                    steps.append({"bench_key": {"mode": mode, "query": query, "key": key,
                                                "record": r > 0}, "timeout": 30})
                    if key == "!" and r > 0:
                        steps.insert(-1, {"bench_field": {"mode": mode, "query": query}})
    return steps


def run_app(work: Path, day: str, rounds: int, thin: bool = False
            ) -> tuple[list[Keystroke], Any]:
    """The real app through the script runner, with the bench's steps added; the time-outs
    and the platform's sync and heartbeat are pushed out of the measured window."""
    from bench import apprun

    start = dt.datetime.combine(dt.date.fromisoformat(day), dt.time(18, 0), CHINA)
    shutil.rmtree(work / "run", ignore_errors=True)
    ctx = apprun.run_app(
        "keystroke", __name__, work, plan_steps(rounds), start=start, demo_data=False,
        settings={"kiosk": {"idle_timeout_s": 600, "elder_idle_timeout_s": 900},
                  "platform": {"sync_interval_s": 86400, "heartbeat_s": 3600}},
        resources={"bench.thin": thin})
    return _meter(ctx).done, ctx


# -- report -----------------------------------------------------------------------
def machine() -> str:
    model = "?"
    with open("/proc/cpuinfo", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as fh:
        mem = int(fh.readline().split()[1]) / 2**20
    import kivy

    return (f"{model}, {os.cpu_count()} cores (nproc {len(os.sched_getaffinity(0))}), "
            f"{mem:.0f} GiB, Python {pyplatform.python_version()}, Kivy {kivy.__version__}, "
            f"load average {os.getloadavg()[0]:.1f}")


def p95(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=20, method="inclusive")[-1] if len(xs) > 1 else xs[0]


def row(name: str, xs: list[float], extra: str = "") -> str:
    if not xs:
        return f"{name:50} {0:>5}"
    return (f"{name:50} {len(xs):>5} {statistics.median(xs):>8.1f} {p95(xs):>8.1f} "
            f"{max(xs):>8.1f} {extra}")


def report(keys: list[Keystroke], ctx: Any, jobs: int, rounds: int) -> None:
    rec = [k for k in keys if k.record]
    ours = [k for k in rec if k.mode == "ours"]
    peer = [k for k in rec if k.mode == "peer"]
    print(f"machine: {machine()}")
    print(f"GL: {ctx.resources.get('gl')}; catalog: {jobs:,} postings; dictionary: "
          f"{ctx.core.ime.engine.index.words:,} entries; {len(QUERIES)} queries x {rounds} "
          f"rounds each side, after a warm-up round"
          + ("; WHAT-IF: invisible outlines 1 px wide" if ctx.resources.get("bench.thin")
             else ""))
    for mode, name in (("ours", "ours"), ("peer", "LIKE")):
        texts = [t for m, _q, t in ctx.resources.get("bench.texts", []) if m == mode]
        print(f"field after each query ({name}): {' / '.join(dict.fromkeys(texts))}")
    mismatch = [(a.searched, a.total, b.total) for a, b in zip(ours, peer, strict=True)
                if a.searched != b.searched or a.total != b.total]
    print(f"same searches and counts on both sides: {'yes' if not mismatch else mismatch[:5]}")
    groups = {
        "all keystrokes": lambda k: True,
        "keystrokes that re-ran the search": lambda k: k.searched is not None,
        "letters": lambda k: k.key.isalpha(),
        "candidate taps": lambda k: k.key == "#",
        "backspace": lambda k: k.key == "<",
        "clear": lambda k: k.key == "!",
    }
    for title, value, shown in (
            ("keystroke to drawn frame, ms", lambda k: k.ms, list(groups)),
            ("keystroke to frame submitted (before the swap), ms", lambda k: k.submitted_ms,
             list(groups)[:2])):
        print(f"{title:50} {'n':>5} {'median':>8} {'p95':>8} {'max':>8}")
        for label in shown:
            a = [value(k) for k in ours if groups[label](k)]
            b = [value(k) for k in peer if groups[label](k)]
            ratio = (f"LIKE/ours {statistics.median(b) / statistics.median(a):5.1f}x median, "
                     f"{p95(b) / p95(a):5.1f}x p95") if a and b else ""
            print(row(f"  ours, {label}", a, ratio))
            print(row(f"  LIKE scan, {label}", b))
    print(row("finger lift to the key's action (touch dispatch)",
              [(k.start - k.up) * 1000 for k in ours + peer]))
    print(f"frames until shown (ours): "
          f"{ {n: sum(k.frames == n for k in ours) for n in sorted({k.frames for k in ours})} }")
    print(f"{'where a keystroke goes, ms':50} {'':>5} {'median':>8} {'p95':>8} {'max':>8}")
    phases = {
        "action (touch up to handlers returning)": lambda ks: [
            (k.acted - k.start) * 1000 for k in ks],
        "  candidate lookup (engine)": lambda ks: [sum(k.lookup_ms) for k in ks],
        "  catalog search (SQL + documents)": lambda ks: [
            k.search_ms for k in ks if k.searched is not None],
        "  result list data (JobsScreen._show)": lambda ks: [
            k.show_ms for k in ks if k.searched is not None],
        "  candidate bar refill": lambda ks: [k.bar_ms for k in ks],
        "before the frame (list views, rewrap, text)": lambda ks: [
            (k.draw - k.acted) * 1000 for k in ks if k.frames == 1],
        "canvas draw (GL calls)": lambda ks: [(k.submitted - k.draw) * 1000 for k in ks],
        "buffer swap (software rasterizer) + glFinish": lambda ks: [
            (k.end - k.submitted) * 1000 for k in ks],
    }
    for side, ks in (("ours", ours), ("LIKE", peer)):
        for label, get in phases.items():
            if side == "LIKE" and "search" not in label:
                continue
            xs = get(ks)
            if xs:
                print(row(f"  {side}: {label}", xs))
    frames = _meter(ctx).frames
    for i, label in enumerate(("canvas draw", "buffer swap", "glFinish after the swap")):
        print(row(f"  every frame of the run: {label}", [f[i] * 1000 for f in frames]))
    lookups = [ms for k in ours for ms in k.lookup_ms]
    if lookups:
        print(row("candidate lookup per call, in the app", lookups))
    warm = [k.ms for k in keys if not k.record and k.mode == "ours"]
    if warm:
        print(f"warm-up round (not counted), ours: median {statistics.median(warm):.1f} ms, "
              f"max {max(warm):.1f} ms")
    end, sub = p95([k.ms for k in ours]), p95([k.submitted_ms for k in ours])
    print(f"target keystroke p95 <= {TARGET_MS:.0f} ms to the drawn frame: "
          f"{'met' if end <= TARGET_MS else 'MISSED'} ({end:.1f}); to the frame submitted: "
          f"{'met' if sub <= TARGET_MS else 'MISSED'} ({sub:.1f}); candidate lookup p95 <= "
          f"{LOOKUP_TARGET_MS:.0f} ms: "
          f"{'met' if lookups and p95(lookups) <= LOOKUP_TARGET_MS else 'MISSED'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3, help="rounds of every query, each side")
    parser.add_argument("--thin-outlines", action="store_true",
                        help="what-if: draw invisible button outlines 1 px wide (no stencil)")
    parser.add_argument("--workdir", type=Path,
                        help="keep the built catalog here and reuse it (default: a temporary "
                             "directory, removed)")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="keystroke-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        day = build(work, args.jobs)
        keys, ctx = run_app(work, day, args.rounds, args.thin_outlines)
        report(keys, ctx, args.jobs, args.rounds)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
