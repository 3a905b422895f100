"""Randomized visitor sessions with faults, end to end, then an exactly-once audit.

Each session: a card read through the pty card-reader simulator and the real
driver; submissions through the terminal's real outbox and sender (every
visitor kind, job interest always); a job slip through the real printer service
into the ESC/POS simulator; now and then a code shown to the camera. Faults are
drawn per session (a cycle makes sure a short run meets every one): the network
edge misbehaves (fault proxy), the terminal or the platform is killed with
SIGKILL mid-submission and restarted on the same data, the printer runs out of
paper or opens its cover mid-job, the reader sends garbage or is unplugged, the
camera cable is pulled.

When the faults stop and everything is up again, every submission the terminal
stored must sit at the platform exactly once (by key and by content), and every
one the visitor was told about ("sent" or "saved, will be sent") above all.
"""

from __future__ import annotations

import json
import random
import shutil
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from devices.idcard.masking import mask_number
from devices.idcard.simulator import IdcardSimulator
from devices.printer.sim_links import TcpLink
from devices.printer.simulator import PrinterSimulator
from kiosk_command.platform_proc import PlatformProcess
from tests.reliability import procstat
from tests.reliability.child import ChildGone, TerminalChild
from tests.reliability.ledger import read_ledger
from tests.reliability.people import Person, person
from tests.reliability.proxy import FaultProxy
from tests.reliability.visits import FAIR_REFUSALS

FAULTS = ("none", "net_down", "net_slow", "net_5xx", "net_malformed", "kill_terminal",
          "kill_platform", "paper_out", "cover_open", "reader_garbage", "reader_unplug",
          "camera_loss")
OTHER_KINDS = ("registration", "complaint", "rating", "assessment", "appointment")
DEVICE = "rel-001"


@dataclass
class Figures:
    """What a run measured; ok() is the verdict."""

    sessions: int = 0
    seconds: float = 0.0
    faults: Counter[str] = field(default_factory=Counter)
    injected: Counter[str] = field(default_factory=Counter)
    stored: Counter[str] = field(default_factory=Counter)
    told: Counter[str] = field(default_factory=Counter)
    delivered: int = 0
    fair_refusals: int = 0
    lost: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    duplicated: list[str] = field(default_factory=list)
    escapes: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    platform_500s: int = 0
    receipts: int = 0
    terminal_starts: int = 0
    terminal_peak_mib: float = 0.0
    platform_peak_mib: float = 0.0
    people: list[Person] = field(default_factory=list)
    workdir: str = ""

    def ok(self) -> bool:
        return not (self.lost or self.refused or self.duplicated or self.escapes
                    or self.problems or self.platform_500s)

    def summary(self) -> dict[str, Any]:
        return {"sessions": self.sessions, "seconds": round(self.seconds, 1),
                "faults": dict(sorted(self.faults.items())),
                "proxy_injected": dict(sorted(self.injected.items())),
                "submissions_stored": sum(self.stored.values()),
                "stored_by_kind": dict(sorted(self.stored.items())),
                "told": dict(sorted(self.told.items())), "delivered": self.delivered,
                "fair_refusals": self.fair_refusals, "lost": len(self.lost),
                "refused_unfairly": len(self.refused), "duplicated": len(self.duplicated),
                "escapes": sum(self.escapes.values()), "escape_kinds": dict(self.escapes),
                "problems": self.problems[:20], "platform_500s": self.platform_500s,
                "receipts_printed": self.receipts, "terminal_starts": self.terminal_starts,
                "terminal_peak_mib": round(self.terminal_peak_mib, 1),
                "platform_peak_mib": round(self.platform_peak_mib, 1),
                "lost_keys": self.lost[:10], "refused_keys": self.refused[:10],
                "duplicated_markers": self.duplicated[:10], "workdir": self.workdir}


class Rig:
    """The platform, the proxy, the reader and printer simulators, the terminal child."""

    def __init__(self, workdir: Path, seed: int) -> None:
        self.workdir = workdir
        self.platform = PlatformProcess(workdir / "central", device_id=DEVICE).start()
        self.proxy = FaultProxy(self.platform.port, seed).start()
        self.reader = IdcardSimulator().start()
        self.printer = PrinterSimulator()
        self.link = TcpLink(self.printer).start()
        conf = {"url": self.proxy.url, "device_id": DEVICE,
                "key_file": str(self.platform.key_file), "data_dir": str(workdir / "kiosk"),
                "reader_port": self.reader.port, "printer": f"127.0.0.1:{self.link.port}"}
        self.terminal = TerminalChild(conf, workdir / "terminal.log").start()
        self.platform_peak_kib = 0
        self.job_ids: list[str] = []
        self.told: dict[str, str] = {}          # key -> what the visitor was told
        self.set_aside: dict[str, dict[str, Any]] = {}   # the terminal's dead letters

    def note_platform_peak(self) -> None:
        proc = self.platform.proc
        got = procstat.sample(proc.pid) if proc is not None else None
        if got is not None:
            self.platform_peak_kib = max(self.platform_peak_kib, got.peak_kib)

    def kill_platform(self) -> None:
        self.note_platform_peak()
        self.platform.kill()

    def close(self) -> None:
        if self.terminal.alive():
            self.terminal.kill()
        self.note_platform_peak()
        self.platform.stop()
        self.proxy.close()
        self.link.close()
        self.reader.close()


class Session:
    """One visitor, with the faults drawn for them."""

    def __init__(self, rig: Rig, figures: Figures, rng: random.Random, index: int,
                 faults: set[str], seed: int, without: frozenset[str] = frozenset()) -> None:
        self.rig, self.fig, self.rng, self.i = rig, figures, rng, index
        self.faults, self.seed, self.without = faults, seed, without
        self.who = person(rng)
        self.killed = False
        figures.people.append(self.who)

    @property
    def term(self) -> TerminalChild:
        return self.rig.terminal

    def problem(self, what: str) -> None:
        self.fig.problems.append(f"session {self.i}: {what}")

    def run(self) -> None:
        self._network_faults()
        if self._read_card():
            self._actions()
        if not self.killed:
            self._receipt()
            if "camera_loss" in self.faults or self.rng.random() < 0.1:
                self._camera()
        self._leave()

    # -- steps ----------------------------------------------------------------
    def _network_faults(self) -> None:
        first_round = self.i < len(FAULTS)          # every request meets it: sure to show
        for name in ("down", "slow", "5xx", "malformed"):
            if f"net_{name}" in self.faults:
                self.rig.proxy.set(name, 1.0 if first_round else self.rng.choice((0.3, 0.6, 1.0)))

    def _read_card(self) -> bool:
        sim = self.rig.reader
        if "reader_unplug" in self.faults:
            sim.unplug()
        if "reader_garbage" in self.faults:
            sim.set_fault(self.rng.choice(("garbage", "bad_checksum", "truncated")))
        sim.place_card(self.who.card())
        expect = mask_number(self.who.number)
        if self.faults & {"reader_unplug", "reader_garbage"}:
            first = self.term.call("card", timeout=0.3, expect=expect)  # meets the fault
            sim.set_fault("none")
            if "reader_unplug" in self.faults:
                sim.replug()
            if first.get("ok"):
                return True
        for _attempt in range(3):                  # a visitor lifts the card and tries again
            if self.term.call("card", timeout=5, expect=expect).get("ok"):
                return True
            sim.remove_card()
            sim.place_card(self.who.card())
        self.problem("the card was never read")
        return False

    def _marker(self, kind: str) -> str:
        return f"rel-s{self.seed}-{self.i}-{kind.replace('_', '')}"

    def _actions(self) -> None:
        jobs = self.rig.job_ids
        kinds = [("job_interest", self.rng.choice(jobs) if jobs else "none")]
        other = self.rng.choice([k for k in OTHER_KINDS if k not in self.without])
        if other == "appointment":
            slot = self.term.call("slot")
            other = "appointment" if slot.get("ok") and slot.get("slot") else "rating"
            kinds.append((other, slot.get("slot", "")))
        else:
            kinds.append((other, ""))
        kill_at = self.rng.randrange(len(kinds)) if "kill_terminal" in self.faults else -1
        for n, (kind, ref) in enumerate(kinds):
            answer = self._submit(kind, ref, kill=n == kill_at)
            if self.killed:
                return
            if kind == "appointment":
                self._follow_up(answer)

    def _follow_up(self, booking: dict[str, Any]) -> None:
        """After booking: cancel it (when its id is known) or check in for it."""
        booked = (booking.get("response") or {}).get("id", "") \
            if booking.get("state") == "sent" else ""
        cancel = booked and self.rng.random() < 0.5 and "appointment_cancel" not in self.without
        if cancel:
            self._submit("appointment_cancel", booked, kill=False)
        elif "checkin" not in self.without:
            self._submit("checkin", "", kill=False)

    def _submit(self, kind: str, ref: str, kill: bool) -> dict[str, Any]:
        term = self.term
        killer = None
        if "kill_platform" in self.faults and kind in ("job_interest",):
            killer = threading.Timer(self.rng.uniform(0.0, 0.3), self.rig.kill_platform)
            killer.start()
        term.send("submit", kind=kind, marker=self._marker(kind), ref=ref,
                  phone=self.who.phone)
        try:
            answer = self._pull_plug() if kill else term.answer()
        except ChildGone:
            self.problem(f"terminal died during {kind}")
            self.killed = True
            self.rig.terminal.start()
            answer = {}
        finally:
            if killer is not None:
                killer.join()
                self.rig.platform.up()
        self._told(answer)
        return answer

    def _pull_plug(self) -> dict[str, Any]:
        """SIGKILL the terminal mid-submission; what it had told the visitor by then."""
        time.sleep(self.rng.uniform(0.0, 0.5))
        answers = self.term.kill()
        self.killed = True
        self.rig.terminal.start()
        return next((a for a in answers if a.get("reply") == "submit"), {})

    def _told(self, doc: dict[str, Any]) -> None:
        if doc.get("reply") != "submit":
            return
        if doc.get("escape"):
            self.fig.escapes[f"submit: {doc['escape']}"] += 1
        elif doc.get("ok"):
            self.fig.told[doc["state"]] += 1
            self.rig.told[doc["key"]] = doc["state"]
        else:
            self.problem(f"submission {doc.get('key')} never told: {doc.get('error')}")

    def _receipt(self) -> None:
        sim = self.rig.printer
        fault = next((f for f in ("paper_out", "cover_open") if f in self.faults), None)
        job_id = f"job-{self.i}"
        cuts = sim.cuts()
        self.term.send("print", job=self.rng.randrange(40), job_id=job_id)
        if fault:
            time.sleep(self.rng.uniform(0.0, 0.15))
            sim.set_fault(fault)
        first = self.term.answer()
        if fault:
            sim.set_fault("none")
        if first.get("escape"):
            self.fig.escapes[f"print: {first['escape']}"] += 1
            return
        if first.get("state") != "printed":
            if not fault:
                self.problem(f"print failed without a fault: {first.get('error')}")
            again = self.term.call("print", job=0, job_id=job_id)
            if again.get("state") != "printed":
                self.problem(f"print retry failed: {again.get('error')}")
                return
        if sim.cuts() <= cuts:
            self.problem("a printed receipt has no cut on the paper")
        self.fig.receipts += 1
        sim.take_receipt()

    def _camera(self) -> None:
        got = self.term.call("qr", payload=f"CHK-{self.i}", lose="camera_loss" in self.faults)
        if not got.get("ok"):
            self.problem(f"camera never read the code ({got.get('state')})")

    def _leave(self) -> None:
        self.rig.proxy.set("pass")
        if not self.rig.platform.healthy():
            self.rig.platform.up()
        self.rig.reader.remove_card()
        if not self.killed:
            self.term.call("card", removed=True, timeout=5)
        self.term.call("end")


def draw_faults(rng: random.Random, index: int) -> set[str]:
    """One fault from the cycle (so short runs meet all), sometimes a second at random."""
    faults = {FAULTS[index % len(FAULTS)]}
    if rng.random() < 0.3:
        faults.add(rng.choice(FAULTS))
    return faults - {"none"}


def run(sessions: int, seed: int, workdir: Path, without: frozenset[str] = frozenset()
        ) -> Figures:
    """The whole run: sessions with faults, recovery, audit. Figures say how it went.

    without: visitor kinds left out of the draw (job interest is always made).
    """
    rng = random.Random(seed)
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    fig = Figures(workdir=str(workdir))
    start = time.monotonic()
    rig = Rig(workdir, seed)
    try:
        rig.job_ids = rig.terminal.call("jobs").get("ids", [])
        for i in range(sessions):
            faults = draw_faults(rng, i)
            fig.faults.update(faults or {"none"})
            Session(rig, fig, rng, i, faults, seed, without).run()
            rig.note_platform_peak()
            fig.sessions += 1
        _recover(rig, fig)
    finally:
        fig.terminal_peak_mib = rig.terminal.peak_kib / 1024
        fig.terminal_starts = rig.terminal.starts
        rig.close()
        fig.platform_peak_mib = rig.platform_peak_kib / 1024
    _audit(rig, fig)
    fig.seconds = time.monotonic() - start
    return fig


def _recover(rig: Rig, fig: Figures) -> None:
    """Faults stop; the terminal is restarted once more and delivers what it holds."""
    rig.proxy.set("pass")
    if not rig.platform.healthy():
        rig.platform.up()
    health = rig.terminal.call("health")
    for needed in ("outbox-sender", "catalog-sync", "heartbeat", "idcard-reader", "printer"):
        if needed not in health.get("threads", []):
            fig.escapes[f"thread gone: {needed}"] += 1
    rig.terminal.quit()
    rig.terminal.start()
    drained = rig.terminal.call("drain")
    if not drained.get("ok"):
        fig.problems.append(f"outbox not drained: {drained.get('counts')}")
    rig.set_aside = {d["key"]: d for d in drained.get("set_aside", [])}
    rig.terminal.quit()
    fig.injected = Counter(rig.proxy.injected)
    fig.platform_500s = sum(n for code, n in rig.proxy.upstream_status.items() if code >= 500)


def _audit(rig: Rig, fig: Figures) -> None:
    ledger = read_ledger(rig.platform, DEVICE)
    stored = dict(rig.terminal.stored)
    told = rig.told
    fig.stored = Counter(stored.values())
    for key in set(stored) | set(told):
        kind = stored.get(key, "?")
        if key in rig.set_aside:
            dead = rig.set_aside[key]
            if dead.get("code") in FAIR_REFUSALS.get(kind, set()):
                fig.fair_refusals += 1
            else:
                fig.refused.append(f"{kind}:{dead.get('status')}:{dead.get('code')}:{key}")
            continue
        if key not in ledger.answers:
            fig.lost.append(f"{kind}:{key}")
            continue
        status, body = ledger.answers[key]
        if status < 300:
            fig.delivered += 1
        elif body.get("error") in FAIR_REFUSALS.get(kind, set()):
            fig.fair_refusals += 1
        else:
            fig.refused.append(f"{kind}:{key}:{status}:{body.get('error')}")
    fig.duplicated = ledger.duplicated()
    _escapes(rig.workdir, fig)


def _escapes(workdir: Path, fig: Figures) -> None:
    """Unexpected exceptions in the terminal's JSON log and the platform's log."""
    for line in (workdir / "terminal.log").read_text(errors="replace").splitlines():
        try:
            doc = json.loads(line)
        except ValueError:
            fig.escapes[f"terminal non-JSON: {line[:80]}"] += 1
            continue
        if doc.get("level") in ("ERROR", "CRITICAL") or "exc" in doc:
            cause = str(doc.get("exc", "")).strip().splitlines()[-1:] or [""]
            fig.escapes[f"terminal {doc.get('level')}: {doc.get('msg')}: "
                        f"{cause[0].split(':')[0]}"] += 1
    for line in (workdir / "central" / "central.log").read_text(errors="replace").splitlines():
        if "Traceback" in line or '"level": "ERROR"' in line:
            fig.escapes[f"platform: {line[:80]}"] += 1
