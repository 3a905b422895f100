"""`kiosk catalog sync|search` and `kiosk outbox status|send`: the platform link for technicians."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
from collections.abc import Callable
from typing import Any

# the same bounds the search core enforces (kiosk/platform/search.py), checked here
# so a wrong value is an argparse error (one line, exit 2) before anything opens
MAX_PAY = 10**9
MAX_DAYS = 36500
MAX_LIMIT = 1000


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a wrong argument is one line (no usage block) and exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def _number(lowest: float, highest: float, whole: bool) -> Callable[[str], float]:
    """An argparse type: a finite number from lowest to highest."""
    def parse(text: str) -> float:
        try:
            value: float = int(text) if whole else float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a {'whole ' if whole else ''}number: "
                                             f"{text!r}") from None
        if not (math.isfinite(value) and lowest <= value <= highest):
            raise argparse.ArgumentTypeError(f"{text!r} is out of range; allowed: "
                                             f"{lowest} to {highest}")
        return value
    return parse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("catalog", help="sync or search the cached job catalog")
    csub = p.add_subparsers(dest="catalog_command", required=True, metavar="ACTION",
                            parser_class=OneLineParser)
    sync = csub.add_parser("sync", help="fetch every change from the platform now")
    sync.set_defaults(handler=run_sync)
    search = csub.add_parser("search", help="search the cached postings (works offline)")
    search.add_argument("query", metavar="QUERY", help="keywords, e.g. 司机 or 'java 开发'")
    search.add_argument("--district")
    search.add_argument("--group", help="occupation group")
    search.add_argument("--type", dest="employment_type",
                        choices=["full_time", "part_time", "internship", "temporary"])
    search.add_argument("--education")
    search.add_argument("--pay-min", type=_number(0, MAX_PAY, whole=True),
                        help="pay at least (yuan a month)")
    search.add_argument("--within-days", type=_number(0, MAX_DAYS, whole=False),
                        help="posted within this many days")
    search.add_argument("--sort", choices=["newest", "pay"], default="newest")
    search.add_argument("--limit", type=_number(1, MAX_LIMIT, whole=True), default=20)
    search.add_argument("--json", action="store_true", help="print the result as JSON")
    search.set_defaults(handler=run_search)
    out = sub.add_parser("outbox", help="the queue of submissions waiting for the platform")
    osub = out.add_subparsers(dest="outbox_command", required=True, metavar="ACTION")
    osub.add_parser("status", help="counts, parked and set-aside submissions, link state"
                    ).set_defaults(
        handler=run_outbox_status)
    osub.add_parser("send", help="deliver what is queued now, parked submissions "
                                 "included").set_defaults(handler=run_outbox_send)


def _service(args: argparse.Namespace) -> Any:
    from kiosk.clock import SystemClock
    from kiosk_command.common import settings_from
    from kiosk_command.wiring.platform import build_service

    return build_service(settings_from(args), SystemClock())


def _when(ts: float | None) -> str:
    return dt.datetime.fromtimestamp(ts).astimezone().isoformat(timespec="seconds") if ts \
        else "never"


def run_sync(args: argparse.Namespace) -> int:
    service = _service(args)
    try:
        for report in service.catalog.sync(service.client):
            print(f"{report.collection}: {report.changes} changes in {report.pages} pages")
    finally:
        service.stop()
    return 0


def run_search(args: argparse.Namespace) -> int:
    from kiosk.platform.search import JobFilters

    filters = JobFilters(occupation_group=args.group, district=args.district,
                         employment_type=args.employment_type, education=args.education,
                         pay_at_least=args.pay_min, posted_within_days=args.within_days)
    service = _service(args)
    try:
        found = service.search(args.query, filters, args.sort, args.limit)
    finally:
        service.stop()
    if args.json:
        print(json.dumps({"total": found.total, "total_capped": found.total_capped,
                          "data_as_of": found.data_as_of, "items": found.items},
                         ensure_ascii=False, indent=1))
        return 0
    more = "+" if found.total_capped else ""
    print(f"{found.total}{more} postings (data as of {_when(found.data_as_of)})")
    for job in found.items:
        print(f"{job['id']}  {job['title']}  {job['company']}  {job.get('district', '')}  "
              f"{job.get('pay_min')}-{job.get('pay_max')}")
    return 0


def run_outbox_status(args: argparse.Namespace) -> int:
    service = _service(args)
    try:
        print(json.dumps(service.state(), ensure_ascii=False, indent=1))
    finally:
        service.stop()
    return 0


def run_outbox_send(args: argparse.Namespace) -> int:
    service = _service(args)
    try:
        service.outbox.retry_parked()          # a technician asked: try those too, once
        sent = service.outbox.drain()
        counts = service.outbox.counts()
    finally:
        service.stop()
    print(f"sent {sent}; pending {counts['pending']} (parked {counts['parked']}); "
          f"set aside {counts['set_aside']}")
    return 0 if counts["pending"] == 0 else 4
