"""Platform load: N simulated terminals against a real `kiosk central serve`.

    python -m bench.load [--terminals 200] [--seconds 30] [--compress 1]
    python -m bench.load --terminals 500 --compress 10 --seconds 30   # 5,000 terminals' rate
    python -m bench.load --ceiling [--terminals 100] [--compress 10] [--max-terminals 3000]

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
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from pathlib import Path

from bench.loadgen.ceiling import search
from bench.loadgen.fleet import Device, enroll_fleet, stored
from bench.loadgen.run import Outcome, Plan, cursors, run
from bench.loadgen.terminal import Accepted
from kiosk_command.platform_proc import PlatformProcess


def describe(out: Outcome, db_path: Path | None = None, so_far: Accepted | None = None) -> str:
    """The run's figures; with db_path, the exactly-once check of what was accepted in
    it and in the runs before it against the same database (so_far)."""
    plan = out.plan
    head = (f"{plan.terminals} terminals x{plan.compress:g} = {plan.represents} at the real "
            f"intervals, {out.wall_s:.1f} s: server {out.server_cores:.2f} cores, generator "
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
    return parser.parse_args()


def plan_of(args: argparse.Namespace) -> Plan:
    return Plan(terminals=args.terminals, seconds=args.seconds, heartbeat_s=args.heartbeat_s,
                compress=args.compress, submits_per_hour=args.submits_per_hour,
                sync_s=args.sync_s, console_every_s=args.console_every_s, staff=args.staff,
                connections=args.connections)


def main() -> None:
    args = arguments()
    plan = plan_of(args)
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp, PlatformProcess(
            Path(tmp) / "central", device_id="load-00000",
            extra_args=["--console-insecure-cookies"]) as server:
        devices: list[Device] = enroll_fleet(server.db_path, max(
            args.terminals, args.max_terminals if args.ceiling else 0))
        start = asyncio.run(cursors(server.url, devices[0]))
        pid = server.proc.pid if server.proc else None
        so_far = Accepted()

        def once(p: Plan) -> Outcome:
            out = asyncio.run(run(p, server.url, devices, start, pid))
            print(describe(out, server.db_path, so_far), flush=True)
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
            return
        held, _ = search(plan, step, args.max_terminals, args.p95_ms)
        if held is None:
            print(f"ceiling: not even {plan.represents} terminals held heartbeat p95 <= "
                  f"{args.p95_ms:g} ms without errors")
        else:
            print(f"ceiling: {held} terminals x{plan.compress:g} = "
                  f"{round(held * plan.compress)} terminals at the real intervals held "
                  f"heartbeat p95 <= {args.p95_ms:g} ms without errors")


if __name__ == "__main__":
    main()
