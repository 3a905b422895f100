"""`kiosk central serve|enroll|seed|...`: the reference platform on this machine.

Imports of the server stack happen inside the handlers so `kiosk` itself
stays quick to start and the platform process pays only for what it serves.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

from kiosk.errors import KioskError


def _store(text: str) -> Path | str:
    """A --db argument: a postgresql:// address as given, anything else a file."""
    return text if text.startswith(("postgresql://", "postgres://")) else Path(text)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("central", help="the reference employment platform")
    csub = p.add_subparsers(dest="central_command", required=True, metavar="ACTION")
    serve = csub.add_parser("serve", help="serve the platform API over HTTP")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (loopback default)")
    serve.add_argument("--port", type=int, default=8780)
    serve.add_argument("--db", "--database", dest="db", type=_store, required=True,
                       help="SQLite database file, or postgresql://… (a city's server)")
    serve.add_argument("--secret", type=Path, help="the key personal fields are sealed with "
                       "(created when absent); a file beside a SQLite database by default, "
                       "required with PostgreSQL (or KIOSK_CENTRAL_SECRET)")
    serve.add_argument("--workers", type=int, default=1,
                       help="server processes sharing the port (PostgreSQL only)")
    serve.add_argument("--pool-size", type=int, default=8,
                       help="PostgreSQL connections per server process (default 8)")
    serve.add_argument("--demo-data", action="store_true", help="load the demo data set")
    serve.add_argument("--demo-date", type=dt.date.fromisoformat,
                       help="day the demo data is relative to (default today)")
    serve.add_argument("--enroll", metavar="DEVICE_ID", help="make sure this terminal exists")
    serve.add_argument("--key-file", type=Path, help="its key (created when absent)")
    serve.add_argument("--body-timeout", type=float, metavar="SECONDS",
                       help="longest wait for the next part of a request body (default 15)")
    serve.add_argument("--now", type=dt.datetime.fromisoformat, metavar="ISO",
                       help="start the platform's clock (check-in windows, no-shows, "
                            "reminders, the console) at this moment; it runs on from there")
    serve.add_argument("--max-skew", type=int, default=300,
                       help="seconds a terminal's clock may be off (default 300)")
    serve.add_argument("--console-insecure-cookies", action="store_true",
                       help="let the fleet console's cookies travel over plain HTTP (a "
                            "console reached off this machine without TLS; default: "
                            "Secure cookies, which browsers send to loopback or HTTPS only)")
    serve.set_defaults(handler=run_serve)
    enroll = csub.add_parser("enroll", help="create a terminal and print its key once")
    enroll.add_argument("--device", required=True)
    enroll.add_argument("--db", type=_store, required=True)
    enroll.add_argument("--rekey", action="store_true",
                        help="replace the key of a terminal that is already enrolled")
    enroll.set_defaults(handler=run_enroll)
    migrate = csub.add_parser("migrate", help="bring the database to this platform's schema "
                              "revision (serve does too; run it once before a city's rollout)")
    migrate.add_argument("--db", "--database", dest="db", type=_store, required=True)
    migrate.set_defaults(handler=run_migrate)
    seed = csub.add_parser("seed", help="add generated postings or changes (benchmarks)")
    seed.add_argument("--db", type=_store, required=True)
    seed.add_argument("--demo-data", action="store_true", help="load the demo data set")
    seed.add_argument("--jobs", type=int, default=0, help="add this many generated postings")
    seed.add_argument("--touch", type=int, default=0, help="change this many postings")
    seed.add_argument("--seekers", type=int, default=0,
                      help="register this many generated job seekers (sealed; ID numbers "
                           "from central/demo/seekers.py id_number)")
    seed.set_defaults(handler=run_seed)
    imp = csub.add_parser("import-jobs", help="publish postings from a JSON-lines file, "
                                              "refusing discriminatory ones")
    imp.add_argument("--db", type=_store, required=True)
    imp.add_argument("file", type=Path, help="one posting (JSON object) per line")
    imp.set_defaults(handler=run_import)
    cmd = csub.add_parser("command", help="queue a remote-management command for a terminal")
    cmd.add_argument("--db", type=_store, required=True)
    cmd.add_argument("--device", required=True)
    cmd.add_argument("--kind", required=True, help="e.g. restart, screenshot, upload_logs, "
                                                   "out_of_service (the contract's CommandKind)")
    cmd.add_argument("--args", default="{}", help="JSON object of arguments")
    cmd.add_argument("--ttl", type=float, default=3600.0,
                     help="seconds until the command expires unrun (default 3600)")
    cmd.set_defaults(handler=run_command)
    cmds = csub.add_parser("commands", help="remote-management commands and their outcomes")
    cmds.add_argument("--db", type=_store, required=True)
    cmds.add_argument("--device", help="only this terminal's")
    cmds.set_defaults(handler=run_commands)
    conf = csub.add_parser("fleet-config", help="set a terminal's configuration overrides")
    conf.add_argument("--db", type=_store, required=True)
    conf.add_argument("--device", required=True)
    conf.add_argument("settings", help='JSON, e.g. {"platform": {"timeout_s": 8}}')
    conf.set_defaults(handler=run_fleet_config)
    pair = csub.add_parser("pair", help="confirm the pairing code a new terminal shows")
    pair.add_argument("--db", type=_store, required=True)
    pair.add_argument("--device", help="its id in the fleet (default: the name it asked with)")
    pair.add_argument("code", help="the code on its screen or slip, e.g. 1234 5678")
    pair.set_defaults(handler=run_pair)
    waiting = csub.add_parser("pairing", help="terminals waiting to be paired")
    waiting.add_argument("--db", type=_store, required=True)
    waiting.set_defaults(handler=run_pairing)
    prof = csub.add_parser("fleet-profile", help="configuration profiles for halls or groups")
    psub = prof.add_subparsers(dest="profile_command", required=True, metavar="ACTION")
    pset = psub.add_parser("set", help="create or replace a profile")
    pset.add_argument("--db", type=_store, required=True)
    pset.add_argument("name")
    pset.add_argument("settings", help='JSON, e.g. {"kiosk": {"hall_name": "…"}}')
    pset.set_defaults(handler=run_profile_set)
    pas = psub.add_parser("assign", help="make a terminal follow a profile")
    pas.add_argument("--db", type=_store, required=True)
    pas.add_argument("--device", required=True)
    pas.add_argument("name")
    pas.set_defaults(handler=run_profile_assign)
    pshow = psub.add_parser("show", help="the settings and version a terminal should run")
    pshow.add_argument("--db", type=_store, required=True)
    pshow.add_argument("--device", required=True)
    pshow.set_defaults(handler=run_profile_show)
    _register_unemployment(csub)
    _register_questions(csub)
    _register_notice(csub)
    _register_console(csub)
    _register_complaints(csub)
    _register_gateway(csub)


def _register_notice(csub: argparse._SubParsersAction) -> None:
    """`kiosk central notice list|set`: staff keeping the public notice of services."""
    p = csub.add_parser("notice", help="the public notice of services (服务公示)")
    nsub = p.add_subparsers(dest="notice_command", required=True, metavar="ACTION")
    listing = nsub.add_parser("list", help="the notices in list order (id, service, name)")
    listing.add_argument("--db", type=_store, required=True)
    listing.add_argument("--json", action="store_true", help="every field, as JSON lines")
    listing.set_defaults(handler=run_notice_list)
    change = nsub.add_parser("set", help="change one field of a notice; terminals show it "
                                         "after their next sync")
    change.add_argument("--db", type=_store, required=True)
    change.add_argument("id", metavar="ID", help="the notice, e.g. N01 or centre")
    change.add_argument("field", metavar="FIELD", help="e.g. time_limit, steps, materials")
    change.add_argument("value", metavar="VALUE",
                        help="text; a list field takes a JSON array or one item a line")
    change.set_defaults(handler=run_notice_set)


UNEMPLOYMENT_STATUSES = "received, under_review, approved, rejected, needs_documents"


def _register_unemployment(csub: argparse._SubParsersAction) -> None:
    """`kiosk central unemployment list|set-status`: staff deciding applications."""
    p = csub.add_parser("unemployment", help="unemployment-registration applications")
    usub = p.add_subparsers(dest="unemployment_command", required=True, metavar="ACTION")
    listing = usub.add_parser("list", help="the applications, oldest first")
    listing.add_argument("--db", type=_store, required=True)
    listing.add_argument("--status", help=f"only those with this status ({UNEMPLOYMENT_STATUSES})")
    listing.set_defaults(handler=run_unemployment_list)
    status = usub.add_parser("set-status", help="move an application to another status")
    status.add_argument("--db", type=_store, required=True)
    status.add_argument("id", metavar="ID", help="the application, U-...")
    status.add_argument("status", metavar="STATUS", help=UNEMPLOYMENT_STATUSES)
    status.set_defaults(handler=run_unemployment_status)


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from central.app import SETTINGS_ENV, ServeSettings, create_app_from
    from central.errors import CentralError
    from central.secretbox import SECRET_ENV

    if args.secret:
        os.environ[SECRET_ENV] = str(args.secret.resolve())
    if args.workers > 1 and isinstance(args.db, Path):
        raise CentralToolError("several server processes need a PostgreSQL database "
                               "(--db postgresql://…); SQLite serves from one", 2)
    try:
        _prepare(args)
        offset = 0
        if args.demo_date:
            from central.db import business_day

            offset = (args.demo_date - business_day()).days
        settings = ServeSettings(str(args.db), args.max_skew, offset, args.body_timeout,
                                 args.now.isoformat() if args.now else None,
                                 not args.console_insecure_cookies, args.pool_size)
        if args.workers > 1:    # each process builds its own app from the environment
            os.environ[SETTINGS_ENV] = settings.to_json()
            uvicorn.run("central.app:from_environment", factory=True, workers=args.workers,
                        host=args.host, port=args.port, log_level="warning",
                        access_log=False)
            return 0
        app = create_app_from(settings)
    except CentralError as exc:         # e.g. a damaged secret: one line, not a traceback
        raise CentralToolError(str(exc), exc.exit_code) from None
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return 0


def _prepare(args: argparse.Namespace) -> None:
    """Demo data and the --enroll terminal, before the server opens the database."""
    from central.db import connect, secret_box
    from central.devices import ensure_with_key_file

    conn = connect(args.db)
    try:
        if args.demo_data:
            from central.demo.seed import seed_demo

            seed_demo(conn, args.demo_date)
        if args.enroll:
            if args.key_file is None and not isinstance(args.db, Path):
                raise CentralToolError("--enroll with PostgreSQL needs --key-file", 2)
            key_file = args.key_file or args.db.with_name(f"{args.enroll}.key")
            ensure_with_key_file(conn, secret_box(conn, args.db), args.enroll, key_file)
    finally:
        conn.close()


class CentralToolError(KioskError):
    """A platform tool refused (the message says why)."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def run_enroll(args: argparse.Namespace) -> int:
    from central.db import connect, secret_box
    from central.devices import create, enroll
    from central.errors import CentralError

    try:
        conn = connect(args.db)
        box = secret_box(conn, args.db)
        print(enroll(conn, box, args.device) if args.rekey else create(conn, box, args.device))
    except CentralError as exc:
        raise CentralToolError(str(exc), exc.exit_code) from None
    return 0


def run_migrate(args: argparse.Namespace) -> int:
    from central.db import connect, stored_revision
    from central.errors import CentralError
    from central.migrations import HEAD

    try:
        before = stored_revision(args.db)
        connect(args.db, pool_size=1).close()
    except CentralError as exc:
        raise CentralToolError(str(exc), exc.exit_code) from None
    if before == HEAD:
        print(f"schema revision {HEAD}: already the newest")
    else:
        print(f"schema revision {before or 'none (new database)'} -> {HEAD}")
    return 0


def run_seed(args: argparse.Namespace) -> int:
    from central.db import connect, secret_box
    from central.demo.seed import seed_demo, seed_jobs, seed_seekers, touch

    conn = connect(args.db)
    if args.demo_data:
        seed_demo(conn)
    if args.jobs:
        last = conn.execute("SELECT max(id) FROM feed_items WHERE kind = 'jobs'").fetchone()[0]
        first = int(last[1:]) + 1 if last else 1
        print(f"added {seed_jobs(conn, args.jobs, first=first)} postings")
    if args.touch:
        print(f"changed {touch(conn, args.touch)} postings")
    if args.seekers:
        numbers = seed_seekers(conn, secret_box(conn, args.db), args.seekers)
        print(f"added {len(numbers)} seekers (numbers {numbers.start}-{numbers.stop - 1})")
    return 0


def _json_object(text: str, what: str) -> dict:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise KioskError(f"{what} is not JSON: {exc.msg}") from None
    if not isinstance(value, dict):
        raise KioskError(f"{what} must be a JSON object")
    return value


def run_import(args: argparse.Namespace) -> int:
    from central.db import connect
    from central.importer import import_jobs

    with args.file.open(encoding="utf-8") as fh:
        report = import_jobs(connect(args.db), fh)
    for label, reason in report.refused:
        print(f"refused {label}: {reason}")
    print(f"published {report.published}, refused {len(report.refused)}")
    return 0 if not report.refused else 2


def run_command(args: argparse.Namespace) -> int:
    from central.db import connect
    from central.errors import CentralError
    from central.routes.fleet import queue_command

    try:
        print(queue_command(connect(args.db), args.device, args.kind,
                            _json_object(args.args, "--args"), args.ttl))
    except CentralError as exc:
        raise CentralToolError(str(exc), exc.exit_code) from None
    return 0


def run_commands(args: argparse.Namespace) -> int:
    from central.db import connect
    from central.routes.fleet import command_rows

    print("id\tdevice\tkind\tstatus\tcreated_at\texpires_at\tdone_at\tresult")
    for c in command_rows(connect(args.db), args.device):
        result = (c["result"] or "").replace("\n", " ")[:80]
        print("\t".join((c["id"], c["device_id"], c["kind"], c["status"], c["created_at"],
                         c["expires_at"] or "", c["done_at"] or "", result)))
    return 0


def run_fleet_config(args: argparse.Namespace) -> int:
    from central.fleetconfig import set_overrides

    def set_(conn: Any, device: str, settings: dict) -> str:
        return f"configuration version {set_overrides(conn, device, settings)}"
    return _fleet_config(set_, args.db, args.device, _json_object(args.settings, "settings"))


def _fleet_config(fn: Any, *call: Any) -> int:
    """Run a central.fleetconfig function, its refusal as one line."""
    from central.db import connect
    from central.errors import CentralError

    try:
        print(fn(connect(call[0]), *call[1:]))
    except CentralError as exc:
        raise CentralToolError(str(exc), exc.exit_code) from None
    return 0


def run_pair(args: argparse.Namespace) -> int:
    from central.db import secret_box
    from central.enrolment import pair

    def confirm(conn: Any, code: str, device: str | None) -> str:
        return f"paired {pair(conn, secret_box(conn, args.db), code, device)}"
    return _fleet_config(confirm, args.db, args.code, args.device)


def run_pairing(args: argparse.Namespace) -> int:
    from central.enrolment import pending

    def listing(conn: Any) -> str:
        return "\n".join(f"{w.request_id}\t{w.device_hint}\t{w.created_at}"
                         for w in pending(conn)) or "none waiting"
    return _fleet_config(listing, args.db)


def run_profile_set(args: argparse.Namespace) -> int:
    from central.fleetconfig import set_profile

    return _fleet_config(set_profile, args.db, args.name, _json_object(args.settings, "settings"))


def run_profile_assign(args: argparse.Namespace) -> int:
    from central.fleetconfig import assign

    return _fleet_config(assign, args.db, args.device, args.name)


def run_profile_show(args: argparse.Namespace) -> int:
    from central.fleetconfig import effective

    def show(conn: Any, device: str) -> str:
        version, settings = effective(conn, device)
        return json.dumps({"version": version, "settings": settings}, ensure_ascii=False)
    return _fleet_config(show, args.db, args.device)


def run_unemployment_list(args: argparse.Namespace) -> int:
    from central.db import connect, secret_box
    from central.unemployment import applications

    conn = connect(args.db)
    found = applications(conn, secret_box(conn, args.db), args.status)
    print("id\tstatus\tcreated_at\tupdated_at\tregistration\treason\tleft_on\tinsured\t"
          "last_employer")
    for a in found:
        d = a.details
        insured = {True: "yes", False: "no"}.get(d.get("insured"), "-")
        print("\t".join((a.id, a.status, a.created_at, a.updated_at, a.registration_id or "-",
                         d.get("reason", "-"), d.get("left_on", "-"), insured,
                         d.get("last_employer", "-"))))
    return 0


def run_unemployment_status(args: argparse.Namespace) -> int:
    from central.db import connect
    from central.errors import CentralError
    from central.unemployment import set_status

    try:
        before = set_status(connect(args.db), args.id, args.status)
    except CentralError as exc:
        raise CentralToolError(str(exc), 2) from None
    print(f"{args.id}: {before} -> {args.status}")
    return 0


def _register_questions(csub: argparse._SubParsersAction) -> None:
    """`kiosk central questions list|answer`: staff answering visitors' policy questions."""
    p = csub.add_parser("questions", help="visitors' policy questions (answer within a "
                                          "working day)")
    qsub = p.add_subparsers(dest="questions_command", required=True, metavar="ACTION")
    listing = qsub.add_parser("list", help="the questions, soonest due first")
    listing.add_argument("--db", type=_store, required=True)
    listing.add_argument("--status", choices=("received", "answered"),
                         help="only those with this status")
    listing.set_defaults(handler=run_questions_list)
    answer = qsub.add_parser("answer", help="answer a question (the visitor reads it by "
                                            "tracking number and phone)")
    answer.add_argument("--db", type=_store, required=True)
    answer.add_argument("id", metavar="ID", help="the tracking number, ZX...")
    answer.add_argument("text", metavar="TEXT", help="the answer")
    answer.set_defaults(handler=run_questions_answer)


def run_questions_list(args: argparse.Namespace) -> int:
    from central.db import connect, secret_box
    from central.questions import questions

    conn = connect(args.db)
    print("tracking_number\tstatus\tanswer_by\tasked_at\tpolicy\tphone\tquestion")
    for q in questions(conn, secret_box(conn, args.db), args.status):
        phone = f"{q.phone[:3]}****{q.phone[-4:]}" if q.phone and len(q.phone) >= 7 else "-"
        print("\t".join((q.tracking_number, q.status, q.answer_by, q.asked_at,
                         q.policy_id or "-", phone, q.text.replace("\n", " "))))
    return 0


def run_questions_answer(args: argparse.Namespace) -> int:
    from central.db import connect
    from central.questions import QuestionError, answer

    try:
        before = answer(connect(args.db), args.id, args.text)
    except QuestionError as exc:
        raise CentralToolError(str(exc), exc.exit_code) from None
    print(f"{args.id}: {before} -> answered")
def run_notice_list(args: argparse.Namespace) -> int:
    import json

    from central.db import connect
    from central.notices import notices

    for n in notices(connect(args.db)):
        if args.json:
            print(json.dumps({**n.doc, "updated_at": n.updated_at}, ensure_ascii=False))
        else:
            print("\t".join((n.id, str(n.doc.get("service") or n.doc.get("kind", "")),
                             str(n.doc.get("name", "")), n.updated_at)))
    return 0


def run_notice_set(args: argparse.Namespace) -> int:
    from central.db import connect
    from central.notices import NoticeError, parse_value, set_field

    try:
        stamp = set_field(connect(args.db), args.id, args.field,
                          parse_value(args.field, args.value))
    except NoticeError as exc:
        raise CentralToolError(str(exc), exc.exit_code) from None
    print(f"{args.id}: {args.field} changed ({stamp})")
    return 0


def _register_console(csub: argparse._SubParsersAction) -> None:
    """`kiosk central user ...`, `hall` and `console-shot`: the fleet console's accounts,
    halls' opening hours, and pictures of its pages."""
    p = csub.add_parser("user", help="fleet console accounts (the first admin, passwords, roles)")
    usub = p.add_subparsers(dest="user_command", required=True, metavar="ACTION")
    for action, helptext in (("add", "create an account (password read from stdin or asked)"),
                             ("passwd", "set a new password (also lifts a lock-out)"),
                             ("role", "change an account's role")):
        sp = usub.add_parser(action, help=helptext)
        sp.add_argument("--db", type=_store, required=True)
        sp.add_argument("name")
        if action != "passwd":
            sp.add_argument("role", choices=("viewer", "technician", "staff", "admin"),
                            **({"nargs": "?", "default": "viewer"} if action == "add" else {}))
        sp.set_defaults(handler=run_user, user_action=action)
    hall = csub.add_parser("hall", help="a hall's opening hours (alerts are raised only then)")
    hall.add_argument("--db", type=_store, required=True)
    hall.add_argument("name")
    hall.add_argument("--opens", default="08:30", help="HH:MM China time (default 08:30)")
    hall.add_argument("--closes", default="17:30", help="HH:MM (default 17:30)")
    hall.add_argument("--days", default="12345", help="ISO weekdays open, 1 Monday (12345)")
    hall.set_defaults(handler=run_hall)
    shot = csub.add_parser("console-shot", help="draw the console's main pages as PNG files "
                                                "(demo fleet, headless Chromium)")
    shot.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    shot.add_argument("--lang", choices=("zh", "en"), default="zh")
    shot.add_argument("--chromium", default="/usr/bin/chromium")
    shot.set_defaults(handler=run_console_shot)


def _password() -> str:
    import getpass
    import sys

    if sys.stdin.isatty():
        first = getpass.getpass("password: ")
        if getpass.getpass("again: ") != first:
            raise KioskError("the two passwords differ")
        return first
    return sys.stdin.readline().rstrip("\n")


def run_user(args: argparse.Namespace) -> int:
    from central.console import accounts, audit
    from central.db import connect, utc_now
    from central.errors import CentralError

    conn = connect(args.db)
    try:
        if args.user_action == "add":
            accounts.add_user(conn, args.name, _password(), args.role, utc_now())
            said = f"{args.name}: account added ({args.role})"
        elif args.user_action == "passwd":
            accounts.set_password(conn, args.name, _password())
            said = f"{args.name}: password changed"
        else:
            before = accounts.set_role(conn, args.name, args.role)
            said = f"{args.name}: {before} -> {args.role}"
    except CentralError as exc:
        raise CentralToolError(str(exc), exc.exit_code) from None
    audit.record(conn, utc_now(), None, f"user_{args.user_action}", args.name,
                 said, "kiosk central user")
    print(said)
    return 0


def run_hall(args: argparse.Namespace) -> int:
    from central.console.fleetview import set_hall

    def hours(conn: Any, name: str, opens: str, closes: str, days: str) -> str:
        set_hall(conn, name, opens, closes, days)
        return f"{name}: {opens}-{closes} on weekdays {days}"
    return _fleet_config(hours, args.db, args.name, args.opens, args.closes, args.days)


def run_console_shot(args: argparse.Namespace) -> int:
    from central.console.shots import shoot

    for path in shoot(args.out, args.lang, args.chromium):
        print(path)
    return 0


def _register_complaints(csub: argparse._SubParsersAction) -> None:
    """`kiosk central complaint list|show|take|reply|close` and `kiosk central ratings`:
    staff handling complaints (answer within five working days) and reading ratings."""
    p = csub.add_parser("complaint", help="visitors' complaints and suggestions (answer "
                                          "within five working days)")
    sub = p.add_subparsers(dest="complaint_command", required=True, metavar="ACTION")
    listing = sub.add_parser("list", help="open complaints, soonest due first")
    listing.add_argument("--db", type=_store, required=True)
    listing.add_argument("--status", choices=("received", "in_progress", "answered",
                                              "closed"), help="only those with this status")
    listing.set_defaults(handler=run_complaint_list)
    for name, helptext in (("show", "one complaint with its history"),
                           ("close", "close an answered complaint")):
        one = sub.add_parser(name, help=helptext)
        one.add_argument("--db", type=_store, required=True)
        one.add_argument("id", metavar="ID", help="the tracking number, TS...")
        one.set_defaults(handler=run_complaint_step, step=name)
    take = sub.add_parser("take", help="a department takes it on (or it is handed on)")
    take.add_argument("--db", type=_store, required=True)
    take.add_argument("id", metavar="ID")
    take.add_argument("department", metavar="DEPARTMENT")
    take.set_defaults(handler=run_complaint_step, step="take")
    answer = sub.add_parser("reply", help="answer it (the visitor reads it by number "
                                          "and phone)")
    answer.add_argument("--db", type=_store, required=True)
    answer.add_argument("id", metavar="ID")
    answer.add_argument("text", metavar="TEXT")
    answer.set_defaults(handler=run_complaint_step, step="reply")
    ratings = csub.add_parser("ratings", help="satisfaction ratings per service, terminal "
                                              "or day")
    ratings.add_argument("--db", type=_store, required=True)
    ratings.add_argument("--by", choices=("service", "terminal", "day"), default="service")
    ratings.add_argument("--since", help="UTC date or time, e.g. 2026-03-01")
    ratings.add_argument("--json", action="store_true", help="one JSON object a line")
    ratings.set_defaults(handler=run_ratings)


def _masked(phone: str | None) -> str:
    return f"{phone[:3]}****{phone[-4:]}" if phone and len(phone) >= 7 else "-"


def run_complaint_list(args: argparse.Namespace) -> int:
    from central.complaints import queue
    from central.db import connect, secret_box

    conn = connect(args.db)
    print("tracking_number\tkind\tstatus\tdue_by\tdepartment\tabout\tphone\ttext")
    for c in queue(conn, secret_box(conn, args.db), args.status):
        due = (c.due_by or "-") + (" OVERDUE" if c.overdue else "")
        about = f"{c.about}:{c.about_ref}" if c.about_ref else (c.about or "-")
        print("\t".join((c.tracking_number, c.kind, c.status, due, c.department or "-",
                         about, _masked(c.phone), c.text.replace("\n", " "))))
    return 0


def run_complaint_step(args: argparse.Namespace) -> int:
    from central import complaints
    from central.db import connect, secret_box

    conn = connect(args.db)
    try:
        if args.step == "show":
            c = complaints.show(conn, secret_box(conn, args.db), args.id)
            print(f"{c.tracking_number} {c.kind} {c.status} due {c.due_by or '-'}"
                  f"{' OVERDUE' if c.overdue else ''} department {c.department or '-'} "
                  f"phone {_masked(c.phone)}")
            print(f"about: {c.about or '-'} {c.about_ref or ''}".rstrip())
            print(f"text: {c.text}")
            for step in c.history:
                print(f"  {step['at']} {step['status']} {step['department'] or ''}".rstrip())
            if c.reply:
                print(f"reply: {c.reply}")
            return 0
        if args.step == "take":
            before, after = complaints.take(conn, args.id, args.department), "in_progress"
        elif args.step == "reply":
            before, after = complaints.reply(conn, args.id, args.text), "answered"
        else:
            before, after = complaints.close(conn, args.id), "closed"
    except complaints.ComplaintError as exc:
        raise CentralToolError(str(exc), exc.exit_code) from None
    print(f"{args.id}: {before} -> {after}")
    return 0


def run_ratings(args: argparse.Namespace) -> int:
    import json

    from central.complaints import ComplaintError, rating_summary
    from central.db import connect

    try:
        rows = rating_summary(connect(args.db), args.by, args.since)
    except ComplaintError as exc:
        raise CentralToolError(str(exc), exc.exit_code) from None
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return 0
    print(f"{args.by}\tcount\tmean\t5/4/3/2/1\treasons")
    for row in rows:
        scores = "/".join(str(row["scores"][str(s)]) for s in (5, 4, 3, 2, 1))
        reasons = ",".join(f"{k}={v}" for k, v in sorted(row["reasons"].items())) or "-"
        print(f"{row[args.by]}\t{row['count']}\t{row['mean']}\t{scores}\t{reasons}")
    return 0


def _register_gateway(csub: argparse._SubParsersAction) -> None:
    """`kiosk central gateway add|list|remove`: the city SMS gateway that takes the
    reminder outbox over (docs/guidance.md)."""
    p = csub.add_parser("gateway", help="the SMS gateway that sends the reminders")
    gsub = p.add_subparsers(dest="gateway_command", required=True, metavar="ACTION")
    add = gsub.add_parser("add", help="register a gateway: a signed client of its own; "
                                      "prints its id and key once")
    add.add_argument("--db", type=_store, required=True)
    add.add_argument("device", metavar="ID", help="the gateway's client id, e.g. sms-city-1")
    add.set_defaults(handler=run_gateway, gateway_action="add")
    listing = gsub.add_parser("list", help="the registered gateways")
    listing.add_argument("--db", type=_store, required=True)
    listing.set_defaults(handler=run_gateway, gateway_action="list")
    remove = gsub.add_parser("remove", help="unregister a gateway and drop its key (the "
                                            "platform then sends reminders itself)")
    remove.add_argument("--db", type=_store, required=True)
    remove.add_argument("device", metavar="ID")
    remove.set_defaults(handler=run_gateway, gateway_action="remove")


def _gateway_said(conn: Any, box: Any, args: argparse.Namespace) -> tuple[str, str | None]:
    """(what to print, what to audit — None for a listing) of one gateway action."""
    from central.db import utc_now
    from central.devices import AlreadyEnrolled
    from central.guidance import gateway

    if args.gateway_action == "add":
        try:
            key = gateway.add(conn, box(), args.device, utc_now())
        except AlreadyEnrolled:
            raise CentralToolError(f"{args.device} is already a client of the platform "
                                   "(a terminal or a gateway): choose another id", 2) from None
        return (f"device_id: {args.device}\nkey: {key}\n"
                "(the key is shown this once: put it in the gateway's own secret store)",
                "registered")
    if args.gateway_action == "remove":
        if not gateway.remove(conn, args.device):
            raise CentralToolError(f"{args.device} is not a registered gateway", 2)
        return f"{args.device}: removed, its key no longer signs", "removed"
    rows = gateway.gateways(conn)
    return "\n".join(f"{device}\t{added}" for device, added in rows) or "no gateway", None


def run_gateway(args: argparse.Namespace) -> int:
    from central.console import audit
    from central.db import connect, secret_box, utc_now
    from central.errors import CentralError

    conn = connect(args.db)
    try:
        said, audited = _gateway_said(conn, lambda: secret_box(conn, args.db), args)
    except CentralError as exc:
        raise CentralToolError(str(exc), exc.exit_code) from None
    if audited:
        audit.record(conn, utc_now(), None, f"gateway_{args.gateway_action}", args.device,
                     audited, "kiosk central gateway")
    print(said)
    return 0
