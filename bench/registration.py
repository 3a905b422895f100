"""Job-seeker registration: taps and time of a first registration, and card -> my page.

Part 1. A typical first registration with an ID card (the visit of
tests/scripts/registration_card.json: card, consent, phone, education, status, a key
group, a major group and a sub-group, review, submit, print, finish) against the
fewest taps the form accepts from a card holder (what RegistrationFlow.missing()
requires: consent, phone, education, employment status, one occupation group; review and
submit). Each is counted from its steps (taps on a choice, taps on a button, keys on the
on-screen keyboard) and timed two ways: (a) the app's own wall time to run the scripted
visit in the real app through the script runner (from laying the card down to the end of
the visit's last step; the runner's two settle frames after each step included, as
`kiosk script` runs it), best and median of --visits runs each after an uncounted
warm-up; (b) a visitor-time estimate from the keystroke-level model (Card, Moran and
Newell 1980) adapted for a touch screen: every tap on a choice or button costs mental
preparation M = 1.35 s plus pointing P = 1.1 s (the finger's touch is the press: no
separate K or homing), every key on the on-screen keyboard K = 0.6 s (CMN's K is 0.50 s
for random letters and 0.75 s for complex codes; a phone number on a pad is between).
Reading the notice and waiting for the terminal are left out of (b); laying the card down
is the same in both and left out too.

Part 2. A registered visitor's page: the platform on 127.0.0.1 holds 100,000 generated
seekers (`kiosk central seed --seekers N`) plus the demo data set; the visitor is one of
them, registered with a key group. A card carrying their number (the deck's resident
card with number, birth date and sex replaced) is laid on the simulated reader; timed:
card laid down -> the end of the first frame whose buffer swap (then glFinish) shows the
home screen greeting them, and the registration tile tapped -> the end of the first frame
that shows their page with its matches (no label, layout or list refresh pending); their
sum is card -> page for a visitor who taps at once. Between trials the session is ended
and the card lifted. Side by side, each trial also makes the same lookup as a plain
signed HTTP POST /seekers/lookup from the bench process (http.client, kept-alive
connection: the floor of the page, network + platform), and once more through the
kiosk's own client (PlatformService.lookup, requests), both while the app is idle.

Run: xvfb-run -a -s "-screen 0 1080x1920x24" .venv/bin/python -m bench.registration
     [--visits N] [--trials N] [--seekers N] [--workdir DIR (keeps the seeded platform)]
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
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

from bench import apprun  # noqa: E402 - after the path fix above
from bench.keystroke import machine, p95  # noqa: E402

CHINA = dt.timezone(dt.timedelta(hours=8))
ROOT = Path(__file__).resolve().parents[1]
TYPICAL_SCRIPT = ROOT / "tests" / "scripts" / "registration_card.json"
# keystroke-level model, adapted for touch (see the module docstring)
KLM_M_S, KLM_P_S, KLM_K_S = 1.35, 1.10, 0.60
# tids reg.<set>.<code> of these sets are choices; every other tap is a button
CHOICE_SETS = {"education", "status", "key_groups", "certificates", "difficulties",
               "work_types", "pay_bands", "major_groups", "occupations", "districts",
               "start_by", "experience"}
FIRST_VISITOR = 200_000           # registrations of part 1 use numbers from here (unseeded)


# -- the platform, seeded once per work directory -----------------------------------
def build(work: Path, seekers: int) -> None:
    """N generated seekers in a platform database kept as seeded/ (each run starts from a
    copy of it, so part 1's registrations never carry over; the demo data is added when
    the platform starts, dated to the run's day)."""
    seeded = work / "seeded"
    stamp = seeded / "seeded.json"
    if not (stamp.exists() and json.loads(stamp.read_text())["seekers"] == seekers):
        shutil.rmtree(seeded, ignore_errors=True)
        seeded.mkdir(parents=True, mode=0o700)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kiosk_command.main", "central", "seed",
                        "--db", str(seeded / "central.sqlite3"), "--seekers", str(seekers)],
                       check=True)
        print(f"seeded {seekers:,} seekers in {time.perf_counter() - started:.1f} s",
              flush=True)
        stamp.write_text(json.dumps({"seekers": seekers}))
    shutil.rmtree(work / "central", ignore_errors=True)
    shutil.copytree(seeded, work / "central")


def key_group_seeker(seekers: int) -> tuple[int, dict[str, Any]]:
    """A seeded seeker registered with a key group, from the middle of the range."""
    from central.demo.seekers import make_seekers

    middle = seekers // 2
    for n, (_who, doc) in enumerate(make_seekers(seekers)):
        if n >= middle and doc.get("key_groups"):
            return n, doc
    raise SystemExit("no seeded seeker with a key group")


def card_for(n: int) -> dict[str, str]:
    """The deck's resident card carrying generated seeker n's number (birth date and sex
    as the number says, or the reader's validation would flag it)."""
    from central.demo.seekers import id_number
    from devices.idcard.deck import sample

    number = id_number(n)
    card = sample("resident")
    card.update(number=number, birth=number[6:14], sex="1" if int(number[16]) % 2 else "2")
    return card


# -- the two visits of part 1 --------------------------------------------------------
def typical_steps() -> list[dict[str, Any]]:
    """The scripted walk of registration_card.json, as it is in tests/, up to the visitor
    back at home after finishing: its session end and its checks that nothing of them
    is left are the bench's between visits, the same for both kinds of visit."""
    steps = json.loads(TYPICAL_SCRIPT.read_text(encoding="utf-8"))["steps"]
    end = next((i for i, s in enumerate(steps) if s.get("tap") == "home.end"), len(steps))
    return steps[:end]


def minimum_steps() -> list[dict[str, Any]]:
    """The fewest taps RegistrationFlow.missing() lets through for a card holder: consent,
    a phone number, education, status, one occupation group, then review and submit;
    the visit ends with the done screen saying it is registered. The keyboard's Done is
    needed: the docked phone pad covers the education choices (a tap on one with the pad
    open fails as covered)."""
    phone = [{"tap": "reg.about.phone"}, {"keys": "13800138000"}, {"tap": "kb.done"}]
    return [{"place_card": "resident"}, {"wait_screen": "home"},
            {"tap": "home.tile.registration"}, {"wait_screen": "reg_consent"},
            {"tap": "reg.consent.agree"}, {"wait_screen": "reg_about"}, *phone,
            {"tap": "reg.education.vocational"}, {"tap": "reg.status.unemployed"},
            {"tap": "reg.about.next"}, {"wait_screen": "reg_wants"},
            {"tap": "reg.major_groups.g4"}, {"tap": "reg.wants.next"},
            {"wait_screen": "reg_review"}, {"tap": "reg.review.submit"},
            {"wait_screen": "reg_done"}, {"see": "登记成功"}]


@dataclass(frozen=True)
class Count:
    """What a visitor does in a visit."""

    choices: int
    buttons: int
    keys: int

    @property
    def taps(self) -> int:
        return self.choices + self.buttons

    @property
    def klm_s(self) -> float:
        return self.taps * (KLM_M_S + KLM_P_S) + self.keys * KLM_K_S


def count(steps: list[dict[str, Any]]) -> Count:
    choices = buttons = keys = 0
    for step in steps:
        if "keys" in step:
            keys += len(step["keys"])
        elif "pick" in step:
            keys += 1
        elif "tap" in step:
            tid = str(step["tap"])
            parts = tid.split(".")
            if tid.startswith("kb.key."):
                keys += 1
            elif len(parts) >= 3 and parts[0] == "reg" and parts[1] in CHOICE_SETS:
                choices += 1
            else:
                buttons += 1
    return Count(choices, buttons, keys)


def with_card(steps: list[dict[str, Any]], card: dict[str, str]) -> list[dict[str, Any]]:
    return [{"place_card": card} if "place_card" in s else dict(s) for s in steps]


# -- frames --------------------------------------------------------------------------
@dataclass
class Trial:
    """One card -> greeting -> tile -> page trial (perf_counter seconds)."""

    record: bool
    card_down: float = 0.0
    card_read: float = 0.0       # the session's card_read ran on the UI thread
    greeting: float = 0.0        # the frame greeting the visitor swapped (glFinish)
    tap: float = 0.0
    start_entered: float = 0.0   # reg_start's on_enter
    asked: float = 0.0           # load_my_page called
    lookup: tuple[float, float] = (0.0, 0.0)   # platform.lookup on the worker thread
    answered: float = 0.0        # the page's answer handled on the UI thread
    shown: float = 0.0           # MyPageScreen.show began
    page: float = 0.0            # the frame showing the page swapped (glFinish)
    page_frames: int = 0
    matches: int = 0
    peer_ms: float = 0.0         # plain signed POST from the bench process
    client_ms: float = 0.0       # the kiosk's own client, from the bench step

    def ms(self, a: float, b: float) -> float:
        return (b - a) * 1000


@dataclass
class Visit:
    kind: str
    record: bool
    start: float = 0.0
    end: float = 0.0
    frames: int = 0


@dataclass
class Meter:
    """Hooks around the app's own objects (never its code): frames, card, lookup."""

    ctx: Any
    want: tuple[str, Any] | None = None     # (what, predicate) of the frame awaited
    seen: dict[str, float] = field(default_factory=dict)
    frames: int = 0
    trial: Trial | None = None
    trials: list[Trial] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)

    def hook(self) -> None:
        from kivy.core.window import Window
        from kivy.graphics.opengl import glFinish

        flip = Window.flip

        def timed_flip() -> None:
            flip()
            glFinish()                         # the frame is really drawn
            end = time.perf_counter()
            self.frames += 1
            if self.trial is not None and self.want is not None and self.want[0] == "page":
                self.trial.page_frames += 1
            if self.want is not None and self.want[1]():
                self.seen[self.want[0]] = end
                self.want = None
        Window.flip = timed_flip
        core, app = self.ctx.core, self.ctx.app
        card_read = core.session.card_read

        def timed_card_read(*args: Any, **kwargs: Any) -> Any:
            if self.trial is not None and not self.trial.card_read:
                self.trial.card_read = time.perf_counter()
            return card_read(*args, **kwargs)
        core.session.card_read = timed_card_read
        flow = app.screen("reg_start").flow
        load = flow.load_my_page

        def timed_load(done: Any) -> None:
            t = self.trial
            if t is not None and not t.asked:
                t.asked = time.perf_counter()

            def answered(page: Any) -> None:
                if t is not None and not t.answered:
                    t.answered = time.perf_counter()
                done(page)
            load(answered)
        flow.load_my_page = timed_load
        platform = core.platform
        lookup = platform.lookup

        def timed_lookup(number: str) -> Any:
            t0 = time.perf_counter()
            try:
                return lookup(number)
            finally:
                if self.trial is not None and not self.trial.lookup[0]:
                    self.trial.lookup = (t0, time.perf_counter())
        platform.lookup = timed_lookup
        app.screen("reg_start").bind(on_enter=self._entered)
        page = app.screen("my_page")
        show = page.show

        def timed_show(p: Any) -> None:
            if self.trial is not None and not self.trial.shown:
                self.trial.shown = time.perf_counter()
            show(p)
        page.show = timed_show

    def _entered(self, *_: Any) -> None:
        if self.trial is not None and not self.trial.start_entered:
            self.trial.start_entered = time.perf_counter()

    def expect(self, what: str, predicate: Any) -> Any:
        """Wait (a step's predicate) for the first swapped frame where predicate holds."""
        self.seen.pop(what, None)
        self.want = (what, predicate)
        return lambda: what in self.seen


def settled(root: Any) -> bool:
    """Nothing under root still waits to be laid out, wrapped or given its texture."""
    from kivy.clock import Clock
    from kivy.uix.label import Label

    if Clock.get_before_frame_events():
        return False
    for w in root.walk():
        if isinstance(w, Label) and w._trigger_texture.is_triggered:
            return False
        for name in ("_wrap_soon", "_trigger_layout"):
            trigger = getattr(w, name, None)
            if trigger is not None and trigger.is_triggered:
                return False
    return True


# -- the bench's own script steps (the product's step table is left alone) ----------
def _meter(ctx: Any) -> Meter:
    return ctx.resources["bench.meter"]


def bench_ready(ctx: Any, _arg: Any) -> Any:
    """Wait for the platform link and the registration screens, then hook the meter."""
    def ready() -> bool:
        if ctx.core.platform is None or ctx.core.simulators.idcard is None \
                or not ctx.app.has_screen("my_page"):
            return False
        from kivy.graphics.opengl import GL_RENDERER, glGetString

        meter = Meter(ctx)
        meter.hook()
        ctx.resources["bench.meter"] = meter
        ctx.resources["gl"] = glGetString(GL_RENDERER).decode(errors="replace")
        return True
    return ready


def bench_visit(ctx: Any, arg: dict[str, Any]) -> None:
    """{"kind": ..., "record": bool, "edge": "start" | "end"}: one visit's bounds."""
    meter = _meter(ctx)
    now = time.perf_counter()
    if arg["edge"] == "start":
        meter.visits.append(Visit(arg["kind"], arg["record"], start=now, frames=meter.frames))
    else:
        visit = meter.visits[-1]
        visit.end, visit.frames = now, meter.frames - visit.frames


bench_visit.settle_frames = 0      # type: ignore[attr-defined] - the mark only looks


def bench_card(ctx: Any, arg: dict[str, Any]) -> Any:
    """Lay the visitor's card down; wait for the frame that greets them at home."""
    from screens.tree import find

    meter = _meter(ctx)
    meter.trial = trial = Trial(arg["record"])
    app = ctx.app

    def greeted() -> bool:
        if app.root.current != "home" or not app.visitor_name:
            return False
        label = find(app, "home.greeting")
        return (label is not None and app.visitor_name in label.text
                and settled(app.root.current_screen))
    wait = meter.expect("greeting", greeted)
    trial.card_down = time.perf_counter()
    ctx.core.simulators.idcard.place_card(arg["card"])

    def done() -> bool:
        if wait():
            trial.greeting = meter.seen["greeting"]
            return True
        return False
    return done


def bench_tile(ctx: Any, _arg: Any) -> Any:
    """Tap the registration tile; wait for the frame that shows the visitor's page."""
    from kiosk_command.script.steps.core import _touch
    from screens.tree import find, unreachable

    meter, app = _meter(ctx), ctx.app
    trial = meter.trial
    assert trial is not None
    page = app.screen("my_page")

    def page_drawn() -> bool:
        matches = page.ids.matches.children
        return (app.root.current == "my_page" and page.state == "shown"
                and len(matches) >= 5 and settled(page))
    tile = find(app, "home.tile.registration")
    if tile is None or unreachable(tile):
        raise RuntimeError("the registration tile is not on the glass")
    wait = meter.expect("page", page_drawn)
    trial.tap = time.perf_counter()
    _touch(tile)

    def done() -> bool:
        if wait():
            trial.page, trial.matches = meter.seen["page"], len(page.ids.matches.children)
            return True
        if app.root.current == "my_page" and page.state == "unavailable":
            raise RuntimeError("my page: the platform did not answer")
        return False
    return done


def bench_peers(ctx: Any, arg: dict[str, Any]) -> None:
    """The same lookup twice, the app idle: a plain signed POST, then the kiosk's client."""
    from kiosk.platform.client import PREFIX
    from kiosk.platform.identity import id_hash
    from kiosk.platform.signing import load_key, sign_headers

    meter = _meter(ctx)
    trial = meter.trial
    assert trial is not None
    peer = ctx.resources.get("bench.http")
    if peer is None:
        peer = ctx.resources["bench.http"] = http.client.HTTPConnection(
            "127.0.0.1", ctx.platform.port, timeout=30)
        ctx.resources["bench.key"] = load_key(ctx.platform.key_file)
    number = arg["number"]
    path = PREFIX + "/seekers/lookup"
    t0 = time.perf_counter()
    body = json.dumps({"id_hash": id_hash(number)}).encode()
    headers = sign_headers(ctx.platform.device_id, ctx.resources["bench.key"], "POST", path,
                           body, time.time())
    headers["Content-Type"] = "application/json"
    peer.request("POST", path, body=body, headers=headers)
    resp = peer.getresponse()
    answer = json.loads(resp.read())
    trial.peer_ms = (time.perf_counter() - t0) * 1000
    if resp.status != 200 or not answer.get("registered") \
            or len(answer.get("recommended") or []) < 5:
        raise RuntimeError(f"plain lookup: {resp.status}, registered="
                           f"{answer.get('registered')}, "
                           f"{len(answer.get('recommended') or [])} recommended")
    ctx.resources["bench.answer"] = answer
    t0 = time.perf_counter()
    ctx.core.platform.lookup(number)
    trial.client_ms = (time.perf_counter() - t0) * 1000


def bench_leave(ctx: Any, _arg: Any) -> None:
    """The visitor goes: the session ends (the trial, if any, is kept)."""
    meter = _meter(ctx)
    if meter.trial is not None:
        meter.trials.append(meter.trial)
        meter.trial = None
    ctx.app.end_session()


def bench_gone(ctx: Any, _arg: Any) -> Any:
    """Wait until the session no longer counts the lifted card as the last visitor's
    (its tick notices a few times a second): a card laid before then is ignored."""
    return lambda: not ctx.core.session.is_leftover("card")


STEPS = {"bench_ready": bench_ready, "bench_gone": bench_gone, "bench_visit": bench_visit,
         "bench_card": bench_card, "bench_tile": bench_tile, "bench_peers": bench_peers,
         "bench_leave": bench_leave}


def _leave() -> list[dict[str, Any]]:
    return [{"bench_leave": None}, {"wait_screen": "attract"}, {"remove_card": None},
            {"expect_card_present": False}, {"take_receipt": None}, {"bench_gone": None}]


def plan_steps(visits: int, trials: int, visitor: dict[str, str], warmups: int = 2
               ) -> list[dict[str, Any]]:
    """Part 1: a warm-up of each visit, then visits of each in turn (a fresh number for
    every registration); part 2: warm-up trials, then trials."""
    steps: list[dict[str, Any]] = [{"bench_ready": None, "timeout": 120}]
    walks = {"typical": typical_steps(), "minimum": minimum_steps()}
    n = FIRST_VISITOR
    for r in range(visits + 1):
        for kind in (("typical", "minimum") if r % 2 else ("minimum", "typical")):
            n += 1
            mark = {"kind": kind, "record": r > 0}
            steps += [{"bench_visit": {**mark, "edge": "start"}},
                      *with_card(walks[kind], card_for(n)),
                      {"bench_visit": {**mark, "edge": "end"}}, *_leave()]
    for i in range(warmups + trials):
        record = i >= warmups
        steps += [{"bench_card": {"card": visitor, "record": record}, "timeout": 30},
                  {"bench_tile": None, "timeout": 30},
                  {"bench_peers": {"number": visitor["number"]}, "timeout": 30}, *_leave()]
    return steps


def run_app(work: Path, steps: list[dict[str, Any]]) -> Any:
    """The real app through the script runner, with the bench's steps added."""
    day = dt.datetime.now(CHINA).date()
    shutil.rmtree(work / "run", ignore_errors=True)
    shutil.rmtree(work / "kiosk", ignore_errors=True)
    (work / "kiosk").mkdir(mode=0o700)
    return apprun.run_app("registration", __name__, work, steps,
                          start=dt.datetime.combine(day, dt.time(10, 0), CHINA))


# -- report -----------------------------------------------------------------------
def stats(xs: list[float]) -> str:
    return (f"{len(xs):>4} {statistics.median(xs):>9.1f} {p95(xs):>9.1f} {max(xs):>9.1f}"
            if xs else "   0")


def report(ctx: Any, args: argparse.Namespace, visitor_n: int, doc: dict[str, Any]) -> None:
    meter = _meter(ctx)
    try:
        debian = Path("/etc/debian_version").read_text().strip()
    except OSError:
        debian = "?"
    print(f"machine: {machine()}, Debian {debian}")
    print(f"GL: {ctx.resources.get('gl')}; date {dt.date.today().isoformat()}")
    print("\nPART 1: a first registration with a card, typical vs the minimum the form allows")
    counts = {"typical": count(typical_steps()), "minimum": count(minimum_steps())}
    walls: dict[str, list[float]] = {}
    print(f"{'visit':10} {'taps':>5} {'choices':>8} {'buttons':>8} {'keys':>5} "
          f"{'(a) app best s':>15} {'(a) median s':>13} {'frames':>7} {'(b) KLM s':>10}")
    for kind in ("typical", "minimum"):
        done = [v for v in meter.visits if v.kind == kind and v.record]
        walls[kind] = [v.end - v.start for v in done]
        c = counts[kind]
        print(f"{kind:10} {c.taps:>5} {c.choices:>8} {c.buttons:>8} {c.keys:>5} "
              f"{min(walls[kind]):>15.2f} {statistics.median(walls[kind]):>13.2f} "
              f"{statistics.median([v.frames for v in done]):>7.0f} {c.klm_s:>10.1f}")
        warm = [v.end - v.start for v in meter.visits if v.kind == kind and not v.record]
        print(f"{'':10} warm-up visit (not counted): {warm[0]:.2f} s")
    t, m = counts["typical"], counts["minimum"]
    print(f"ratios typical/minimum: taps {t.taps / m.taps:.2f}, keys {t.keys / m.keys:.2f}, "
          f"(a) app wall time best {min(walls['typical']) / min(walls['minimum']):.2f} "
          f"median {statistics.median(walls['typical']) / statistics.median(walls['minimum']):.2f}"
          f", (b) KLM {t.klm_s / m.klm_s:.2f}")
    print(f"KLM: per tap M {KLM_M_S} s + P {KLM_P_S} s, per key K {KLM_K_S} s")
    print("\nPART 2: card laid down -> my page drawn, registered visitor among "
          f"{args.seekers:,} seekers")
    answer = ctx.resources.get("bench.answer", {})
    print(f"visitor: seeker {visitor_n} (key groups {doc.get('key_groups')}), platform "
          f"recommends {len(answer.get('recommended') or [])}, specialist "
          f"{'yes' if answer.get('specialist') else 'no'}")
    rec = [x for x in meter.trials if x.record]
    print(f"{'ms':52} {'n':>4} {'median':>9} {'p95':>9} {'max':>9}")
    rows = {
        "card down -> home greeting drawn": lambda x: x.ms(x.card_down, x.greeting),
        "  card down -> card read on the UI thread (reader)": lambda x: x.ms(x.card_down,
                                                                           x.card_read),
        "  card read -> greeting frame drawn": lambda x: x.ms(x.card_read, x.greeting),
        "tile tap -> my page drawn with its matches": lambda x: x.ms(x.tap, x.page),
        "  tap -> lookup asked (reg_start's poll, or at once)": lambda x: x.ms(x.tap, x.asked),
        "  lookup asked -> answer on the UI thread": lambda x: x.ms(x.asked, x.answered),
        "    of which platform.lookup (worker thread)": lambda x: x.ms(*x.lookup),
        "  answer -> page shown (MyPageScreen.show)": lambda x: x.ms(x.answered, x.shown),
        "  show -> page frame drawn": lambda x: x.ms(x.shown, x.page),
        "card down -> my page, tapping at once (sum)": lambda x: x.ms(x.card_down, x.greeting)
        + x.ms(x.tap, x.page),
        "peer: plain signed POST /seekers/lookup": lambda x: x.peer_ms,
        "the kiosk's client (PlatformService.lookup)": lambda x: x.client_ms,
    }
    got = {label: [fn(x) for x in rec] for label, fn in rows.items()}
    for label, xs in got.items():
        print(f"{label:52} {stats(xs)}")
    # on_enter is skipped when the page replaces reg_start before its switch completed
    entered = [x.ms(x.tap, x.start_entered) for x in rec if x.start_entered]
    print(f"{'tap -> reg_start on_enter (in the trials it ran)':52} {stats(entered)}")
    frames = sorted({x.page_frames for x in rec})
    print(f"frames until the page was shown: "
          f"{ {n: sum(x.page_frames == n for x in rec) for n in frames} }"
          f"; matches listed: {sorted({x.matches for x in rec})}")
    page, peer = got["tile tap -> my page drawn with its matches"], \
        got["peer: plain signed POST /seekers/lookup"]
    whole = got["card down -> my page, tapping at once (sum)"]
    print(f"ratio page/lookup: tile -> page "
          f"{statistics.median(page) / statistics.median(peer):.1f}x median, "
          f"{p95(page) / p95(peer):.1f}x p95; card -> page "
          f"{statistics.median(whole) / statistics.median(peer):.1f}x median, "
          f"{p95(whole) / p95(peer):.1f}x p95")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--visits", type=int, default=5, help="timed visits of each kind")
    parser.add_argument("--trials", type=int, default=20, help="card -> page trials")
    parser.add_argument("--seekers", type=int, default=100_000)
    parser.add_argument("--workdir", type=Path,
                        help="keep the seeded platform here and reuse it (default: a "
                             "temporary directory, removed)")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="registration-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        build(work, args.seekers)
        n, doc = key_group_seeker(args.seekers)
        steps = plan_steps(args.visits, args.trials, card_for(n))
        ctx = run_app(work, steps)
        report(ctx, args, n, doc)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
