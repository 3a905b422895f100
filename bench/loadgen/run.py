"""One load run: every terminal on its own schedule, the staff polling, all on one loop.

Open loop, as a fleet is: each terminal fires its heartbeat, sync and submissions
when they are due whether or not its last request has been answered (a kiosk runs
them on separate worker threads), so a slow platform meets the same offered load
and its queueing shows as latency instead of quietly lowering the rate. A terminal's
first beat and sync fall at a random point of their intervals, so the fleet does
not arrive in step. `compress` divides every terminal interval: N terminals at
compress K send what N·K terminals at the real intervals send.

The loop's own lag is measured beside it: when it grows, the generator, not the
platform, is what the latencies show.
"""

from __future__ import annotations

import asyncio
import math
import random
import time
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import Any

import httpx

from bench.loadgen.console import poll_overview, sign_in
from bench.loadgen.fleet import Device
from bench.loadgen.stats import CpuMeter, Recorder, percentile
from bench.loadgen.terminal import FEEDS, Accepted, Terminal


@dataclass(frozen=True)
class Plan:
    """What to simulate; intervals are the real ones, compress speeds them all up."""

    terminals: int
    seconds: float
    heartbeat_s: float = 60.0
    compress: float = 1.0
    submits_per_hour: float = 6.0     # a rating or complaint after most of ~50 visits a day
    sync_s: float = 900.0             # the kiosk's sync_interval_s
    console_every_s: float = 5.0      # the overview's live refresh
    staff: int = 1
    repeat_share: float = 0.05        # submissions sent twice (an answer lost on the way)
    connections: int = 200
    timeout_s: float = 5.0            # the kiosk client's time-out
    seed: int = 23

    @property
    def represents(self) -> int:
        """Terminals at the real intervals that send what this run sends."""
        return round(self.terminals * self.compress)


@dataclass
class Outcome:
    plan: Plan
    recorder: Recorder = field(default_factory=Recorder)
    accepted: Accepted = field(default_factory=Accepted)
    lag_p95_ms: float = 0.0
    server_cores: float = 0.0
    database_cores: float = 0.0     # a PostgreSQL server's processes (0 with SQLite)
    loader_cores: float = 0.0
    wall_s: float = 0.0

    def sustained(self, p95_ms: float) -> bool:
        return self.recorder.error_count() == 0 and self.recorder.p95("heartbeat") <= p95_ms


class Tasks:
    """Requests in flight, kept so none is lost and all are awaited at the end."""

    def __init__(self) -> None:
        self.running: set[asyncio.Task[None]] = set()

    def start(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self.running.add(task)
        task.add_done_callback(self.running.discard)

    async def drain(self) -> None:
        while self.running:
            await asyncio.gather(*list(self.running))


POOL = 25


def pool_sizes(connections: int) -> list[int]:
    """Connections split into pools of at most POOL: the HTTP client scans its whole
    pool for every request it places, so one pool of hundreds costs the generator more
    than the request itself."""
    count = max(1, -(-connections // POOL))
    return [connections // count + (1 if n < connections % count else 0)
            for n in range(count)]


class Pool:
    """One HTTP client with its connections and the gate in front of it (see Terminal)."""

    def __init__(self, url: str, size: int, timeout_s: float) -> None:
        self.http = httpx.AsyncClient(
            base_url=url, timeout=httpx.Timeout(timeout_s),
            limits=httpx.Limits(max_connections=size, max_keepalive_connections=size))
        self.gate = asyncio.Semaphore(size)


async def live(term: Terminal, plan: Plan, until: float, tasks: Tasks) -> None:
    """One terminal's day, compressed: beats, syncs and submissions when due."""
    loop, rng = asyncio.get_running_loop(), term.rng
    beat, sync = plan.heartbeat_s / plan.compress, plan.sync_s / plan.compress
    rate = plan.submits_per_hour * plan.compress / 3600.0
    now = loop.time()
    due = {"heartbeat": now + rng.uniform(0, beat), "sync": now + rng.uniform(0, sync),
           "submit": now + rng.expovariate(rate) if rate > 0 else math.inf}
    while True:
        what = min(due, key=due.__getitem__)
        at = due[what]
        if at >= until:
            return
        await asyncio.sleep(max(0.0, at - loop.time()))
        if what == "heartbeat":
            tasks.start(term.heartbeat())
            due[what] = at + beat
        elif what == "sync":
            tasks.start(term.sync())
            due[what] = at + sync
        else:
            tasks.start(term.submit(rng.random() < plan.repeat_share))
            due[what] = at + rng.expovariate(rate)


async def staff(url: str, plan: Plan, recorder: Recorder, until: float) -> None:
    """One signed-in staff member's overview, refreshed at its interval."""
    loop = asyncio.get_running_loop()
    async with httpx.AsyncClient(base_url=url, timeout=plan.timeout_s) as http:
        await sign_in(http)
        next_at = loop.time() + random.uniform(0, plan.console_every_s)
        while next_at < until:
            await asyncio.sleep(max(0.0, next_at - loop.time()))
            await poll_overview(http, recorder)
            next_at += plan.console_every_s


async def lag(until: float, samples: list[float], every_s: float = 0.05) -> None:
    """How late the loop wakes a sleeper: the generator's own saturation."""
    loop = asyncio.get_running_loop()
    while loop.time() < until:
        began = loop.time()
        await asyncio.sleep(every_s)
        samples.append((loop.time() - began - every_s) * 1000)


async def cursors(url: str, device: Device) -> dict[str, str]:
    """The catalog's cursors of a terminal that is up to date (paged through, untimed):
    a fleet in service syncs incrementally."""
    found: dict[str, str] = {}
    async with httpx.AsyncClient(base_url=url, timeout=30) as http:
        term = Terminal(device, http, Recorder(), Accepted(), {}, random.Random(0))
        for feed in FEEDS:
            while True:
                resp = await term.call("sync", "GET", feed,
                                       params={"cursor": found.get(feed, ""), "limit": 1000})
                if resp is None:
                    raise RuntimeError(f"catalog {feed} did not answer: {term.recorder.errors}")
                page = resp.json()
                found[feed] = page.get("next_cursor") or found.get(feed, "")
                if not page.get("has_more"):
                    break
    return found


async def run(plan: Plan, url: str, devices: list[Device], start: dict[str, str],
              server_pid: int | None = None, database_pid: int | None = None) -> Outcome:
    """Run plan against the platform at url with the first plan.terminals devices."""
    if plan.terminals > len(devices):
        raise ValueError(f"{plan.terminals} terminals asked, {len(devices)} enrolled")
    out, tasks, lags, began = Outcome(plan), Tasks(), [], time.monotonic()
    rng = random.Random(plan.seed)
    pools = [Pool(url, size, plan.timeout_s) for size in pool_sizes(plan.connections)]
    try:
        terms = [Terminal(d, pools[n % len(pools)].http, out.recorder, out.accepted, start,
                          random.Random(rng.random()), pools[n % len(pools)].gate)
                 for n, d in enumerate(devices[:plan.terminals])]
        server, loader = CpuMeter(server_pid) if server_pid else None, CpuMeter()
        database = CpuMeter(database_pid) if database_pid else None
        until = asyncio.get_running_loop().time() + plan.seconds
        await asyncio.gather(*(live(t, plan, until, tasks) for t in terms),
                             *(staff(url, plan, out.recorder, until) for _ in range(plan.staff)),
                             lag(until, lags))
        await tasks.drain()
        out.server_cores = server.cores() if server else 0.0
        out.database_cores = database.cores() if database else 0.0
        out.loader_cores = loader.cores()
    finally:
        for pool in pools:
            await pool.http.aclose()
    out.lag_p95_ms = percentile(sorted(lags), 0.95)
    out.wall_s = time.monotonic() - began
    return out

