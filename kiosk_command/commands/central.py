"""`kiosk central serve|enroll|seed`: the reference platform on this machine.

Imports of the server stack happen inside the handlers so `kiosk` itself
stays quick to start and the platform process pays only for what it serves.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("central", help="the reference employment platform")
    csub = p.add_subparsers(dest="central_command", required=True, metavar="ACTION")
    serve = csub.add_parser("serve", help="serve the platform API over HTTP")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (loopback default)")
    serve.add_argument("--port", type=int, default=8780)
    serve.add_argument("--db", type=Path, required=True, help="SQLite database file")
    serve.add_argument("--demo-data", action="store_true", help="load the demo data set")
    serve.add_argument("--demo-date", type=dt.date.fromisoformat,
                       help="day the demo data is relative to (default today)")
    serve.add_argument("--enroll", metavar="DEVICE_ID", help="make sure this terminal exists")
    serve.add_argument("--key-file", type=Path, help="its key (created when absent)")
    serve.set_defaults(handler=run_serve)
    enroll = csub.add_parser("enroll", help="create a terminal and print its key once")
    enroll.add_argument("--device", required=True)
    enroll.add_argument("--db", type=Path, required=True)
    enroll.set_defaults(handler=run_enroll)
    seed = csub.add_parser("seed", help="add generated postings or changes (benchmarks)")
    seed.add_argument("--db", type=Path, required=True)
    seed.add_argument("--demo-data", action="store_true", help="load the demo data set")
    seed.add_argument("--jobs", type=int, default=0, help="add this many generated postings")
    seed.add_argument("--touch", type=int, default=0, help="change this many postings")
    seed.set_defaults(handler=run_seed)


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from central.app import create_app
    from central.db import connect
    from central.devices import ensure_with_key_file

    conn = connect(args.db)
    if args.demo_data:
        from central.demo.seed import seed_demo

        seed_demo(conn, args.demo_date)
    if args.enroll:
        key_file = args.key_file or args.db.with_name(f"{args.enroll}.key")
        ensure_with_key_file(conn, args.enroll, key_file)
    conn.close()
    uvicorn.run(create_app(args.db), host=args.host, port=args.port, log_level="warning",
                access_log=False)
    return 0


def run_enroll(args: argparse.Namespace) -> int:
    from central.db import connect
    from central.devices import enroll

    print(enroll(connect(args.db), args.device))
    return 0


def run_seed(args: argparse.Namespace) -> int:
    from central.db import connect
    from central.demo.seed import seed_demo, seed_jobs, touch

    conn = connect(args.db)
    if args.demo_data:
        seed_demo(conn)
    if args.jobs:
        last = conn.execute("SELECT max(id) FROM feed_items WHERE kind = 'jobs'").fetchone()[0]
        first = int(last[1:]) + 1 if last else 1
        print(f"added {seed_jobs(conn, args.jobs, first=first)} postings")
    if args.touch:
        print(f"changed {touch(conn, args.touch)} postings")
    return 0
