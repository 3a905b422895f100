"""Platform load: N simulated terminals against a real `kiosk central serve`.

    python -m bench.load [--terminals 200] [--seconds 30] [--compress 1]
    python -m bench.load --terminals 500 --compress 10 --seconds 30   # 5,000 terminals' rate
    python -m bench.load --ceiling [--terminals 100] [--compress 10] [--max-terminals 3000]
    python -m bench.load --store postgresql --workers 2 ...     # PostgreSQL, 2 server processes
    python -m bench.load --compare --ceiling ...   # SQLite, then PostgreSQL with 1, 2, 4

The platform runs in its own process on a free 127.0.0.1 port with its own
temporary database and the demo data set (the catalog the terminals sync).
Every terminal is an enrolled device with its own key; it signs every request with
the kiosk's signing code and sends, at the real intervals divided by --compress:
a heartbeat a minute with realistic health, a rating or complaint about six times
an hour (idempotency key each, one in twenty sent twice as after a lost answer),
a catalog sync every 15 minutes; a staff member has the console's overview open
(refreshed every 5 s). Prints per request kind: count, errors, p50/p95/p99 ms,
the CPU the server and the generator used, the generator's own loop lag, and
whether every accepted submission is in the database exactly once. --ceiling
steps the terminal count up until heartbeat p95 passes --p95-ms or an error
appears and prints the largest count sustained.

PostgreSQL runs in a throwaway cluster this run starts on loopback (durable
settings: fsync and synchronous_commit on, as SQLite's synchronous=FULL), each
platform in a database of its own; --compare measures the four set-ups one after
another in the same run with the same plan and prints them side by side at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bench.loadgen.ceiling import search
from bench.loadgen.fleet import Device, enroll_fleet, stored
from bench.loadgen.run import Outcome, Plan, cursors, run
from bench.loadgen.terminal import Accepted
from kiosk_command.pg_cluster import PostgresCluster
from kiosk_command.platform_proc import PlatformProcess


def describe(out: Outcome, db_path: Path | str | None = None,
             so_far: Accepted | None = None) -> str:
    """The run's figures; with db_path, the exactly-once check of what was accepted in
    it and in the runs before it against the same database (so_far)."""
    plan = out.plan
    base = (f", database {out.database_cores:.2f} cores" if out.database_cores else "")
    head = (f"{plan.terminals} terminals x{plan.compress:g} = {plan.represents} at the real "
            f"intervals, {out.wall_s:.1f} s: server {out.server_cores:.2f} cores{base}, generator "
            f"{out.loader_cores:.2f} cores, generator loop lag p95 {out.lag_p95_ms:.1f} ms")
    text = head + "\n" + out.recorder.table()
    if db_path is not None:
        every = so_far or Accepted()
        every.ratings |= out.accepted.ratings
        every.complaints |= out.accepted.complaints
        check = stored(db_path, every.ratings, every.complaints)
        text += (f"\nsubmissions accepted: {len(out.accepted.ratings)} ratings, "
                 f"{len(out.accepted.complaints)} complaints, {out.accepted.replays} "
                 f"answered from the idempotency record; stored exactly once: "
                 f"{'yes' if check.exactly_once else f'NO {check}'}")
    return text


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--terminals", type=int, default=200, help="(first step of --ceiling)")
    parser.add_argument("--seconds", type=float, default=30.0, help="of each run or step")
    parser.add_argument("--heartbeat-s", type=float, default=60.0)
    parser.add_argument("--compress", type=float, default=1.0,
                        help="divide every terminal interval by this (N x K = N*K terminals)")
    parser.add_argument("--submits-per-hour", type=float, default=6.0)
    parser.add_argument("--sync-s", type=float, default=900.0)
    parser.add_argument("--console-every-s", type=float, default=5.0)
    parser.add_argument("--staff", type=int, default=1)
    parser.add_argument("--connections", type=int, default=200,
                        help="the generator's connection pool to the platform")
    parser.add_argument("--ceiling", action="store_true")
    parser.add_argument("--max-terminals", type=int, default=3000, help="(--ceiling)")
    parser.add_argument("--p95-ms", type=float, default=100.0, help="(--ceiling)")
    parser.add_argument("--store", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--workers", type=int, default=1, help="server processes (PostgreSQL)")
    parser.add_argument("--compare", action="store_true",
                        help="SQLite, then PostgreSQL with 1, 2 and 4 server processes")
    return parser.parse_args()


def plan_of(args: argparse.Namespace) -> Plan:
    return Plan(terminals=args.terminals, seconds=args.seconds, heartbeat_s=args.heartbeat_s,
                compress=args.compress, submits_per_hour=args.submits_per_hour,
                sync_s=args.sync_s, console_every_s=args.console_every_s, staff=args.staff,
                connections=args.connections)


@dataclass(frozen=True)
class Setup:
    """One platform set-up measured: its store and how many server processes."""

    store: str
    workers: int

    @property
    def label(self) -> str:
        name = "SQLite" if self.store == "sqlite" else "PostgreSQL"
        return f"{name}, {self.workers} process{'es' if self.workers > 1 else ''}"


@dataclass
class Summary:
    setup: Setup
    first: Outcome | None = None          # the run at --terminals (the first step)
    held: int | None = None               # the ceiling, at the real intervals


def measure(setup: Setup, args: argparse.Namespace, work: Path,
            cluster: PostgresCluster | None) -> Summary:
    """One set-up: its own platform and database, the plan, and the ceiling if asked."""
    plan, summary = plan_of(args), Summary(setup)
    print(f"== {setup.label}", flush=True)
    with PlatformProcess(work / f"{setup.store}-{setup.workers}", device_id="load-00000",
                         extra_args=["--console-insecure-cookies"],
                         server=cluster.url if cluster else "", workers=setup.workers
                         ) as server:
        devices: list[Device] = enroll_fleet(server.store, max(
            args.terminals, args.max_terminals if args.ceiling else 0),
            secret=server.secret_path if cluster else None)
        start = asyncio.run(cursors(server.url, devices[0]))
        pid = server.proc.pid if server.proc else None
        db_pid = cluster.postmaster_pid() if cluster else None
        so_far = Accepted()

        def once(p: Plan) -> Outcome:
            out = asyncio.run(run(p, server.url, devices, start, pid, db_pid))
            print(describe(out, server.store, so_far), flush=True)
            if summary.first is None:
                summary.first = out
            return out

        def step(p: Plan) -> Outcome:
            """A step that fails is run again once: on a machine shared with other
            work one burst elsewhere should not set the ceiling."""
            out = once(p)
            if out.sustained(args.p95_ms):
                return out
            print("(failed; once more)", flush=True)
            return once(p)

        if not args.ceiling:
            once(plan)
            return summary
        held, _ = search(plan, step, args.max_terminals, args.p95_ms)
        summary.held = round(held * plan.compress) if held is not None else None
        print(f"ceiling: {summary.held or 'below ' + str(plan.represents)} terminals at the "
              f"real intervals held heartbeat p95 <= {args.p95_ms:g} ms without errors",
              flush=True)
    return summary


def side_by_side(summaries: list[Summary], args: argparse.Namespace) -> str:
    """The set-ups' figures in one table: the first step's and the ceiling."""
    represents = plan_of(args).represents
    lines = [f"| set-up | heartbeat p50 / p95 ms at {represents} | errors | server cores "
             "| database cores | ceiling (terminals) |", "|---|---|---|---|---|---|"]
    for s in summaries:
        out = s.first
        beat = [r for r in out.recorder.rows() if r[0] == "heartbeat"] if out else []
        figures = f"{beat[0][3]:.0f} / {beat[0][4]:.0f}" if beat else "-"
        ceiling = "-" if not args.ceiling else (str(s.held) if s.held else "below first step")
        lines.append(f"| {s.setup.label} | {figures} | {out.recorder.error_count() if out else '-'}"
                     f" | {out.server_cores if out else 0:.2f} | "
                     f"{out.database_cores if out else 0:.2f} | {ceiling} |")
    return "\n".join(lines)


def setups(args: argparse.Namespace) -> list[Setup]:
    if args.compare:
        return [Setup("sqlite", 1), *(Setup("postgresql", n) for n in (1, 2, 4))]
    return [Setup(args.store, args.workers)]


def main() -> None:
    args = arguments()
    chosen = setups(args)
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        cluster = None
        if any(s.store == "postgresql" for s in chosen):
            cluster = PostgresCluster({"max_connections": "200"}).start()
        try:
            summaries = [measure(s, args, Path(tmp), cluster if s.store != "sqlite" else None)
                         for s in chosen]
        finally:
            if cluster is not None:
                cluster.stop()
                cluster.remove()
    print(side_by_side(summaries, args))


if __name__ == "__main__":
    main()
