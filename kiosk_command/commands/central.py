"""`kiosk central serve|enroll`: the reference platform on this machine."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("central", help="the reference employment platform")
    csub = p.add_subparsers(dest="central_command", required=True, metavar="ACTION")
    serve = csub.add_parser("serve", help="serve the platform API over HTTP")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8780)
    serve.add_argument("--db", type=Path, required=True, help="SQLite database file")
    serve.add_argument("--demo-data", action="store_true", help="load the demo data set")
    serve.add_argument("--enroll", metavar="DEVICE_ID", help="make sure this terminal exists")
    serve.add_argument("--key-file", type=Path, help="its key (created when absent)")
    serve.set_defaults(handler=run_serve)
    enroll = csub.add_parser("enroll", help="create a terminal and print its key once")
    enroll.add_argument("--device", required=True)
    enroll.add_argument("--db", type=Path, required=True)
    enroll.set_defaults(handler=run_enroll)


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from central.app import create_app
    from central.db import connect
    from central.devices import ensure_with_key_file

    if args.enroll:
        key_file = args.key_file or args.db.with_name(f"{args.enroll}.key")
        ensure_with_key_file(connect(args.db), args.enroll, key_file)
    uvicorn.run(create_app(args.db), host=args.host, port=args.port, log_level="warning")
    return 0


def run_enroll(args: argparse.Namespace) -> int:
    from central.db import connect
    from central.devices import enroll

    print(enroll(connect(args.db), args.device))
    return 0
