"""`kiosk devices read-card` and `kiosk devices idcard-sim`."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time

from devices.idcard.errors import IdcardError, ReaderTimeout
from kiosk_command.devices._console import steer_from_stdin


def register(sub: argparse._SubParsersAction) -> None:
    read = sub.add_parser("read-card", help="wait for one ID card and print it as JSON")
    read.add_argument("--port", help="serial port (default: idcard.port)")
    read.add_argument("--baud", type=int, help="baud rate (default: idcard.baud)")
    read.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for a card")
    read.add_argument("--reveal", action="store_true",
                      help="print the full number, name and address (technicians only)")
    read.set_defaults(handler=run_read)
    sim = sub.add_parser("idcard-sim", help="run a simulated reader and print its port")
    sim.add_argument("--card", help="lay this sample card on it at once")
    sim.add_argument("--fault", default="none")
    sim.add_argument("--baud", type=int, default=115200)
    sim.set_defaults(handler=run_sim)


class CardWaitTimeout(ReaderTimeout):
    """No card was laid on the reader in time."""


def _read_one(reader, timeout: float):
    from devices.idcard.driver import CardRead

    deadline = time.monotonic() + timeout
    while True:                      # at least one poll, even with --timeout 0
        event = reader.poll_once()
        if isinstance(event, CardRead):
            return event.card
        if time.monotonic() >= deadline:
            break
        time.sleep(0.05)
    raise CardWaitTimeout(f"card reader: no card within {timeout:g} s")


def run_read(args: argparse.Namespace) -> int:
    from devices.idcard.driver import IdcardReader
    from kiosk_command.common import settings_from

    cfg = settings_from(args).idcard
    reader = IdcardReader(args.port or cfg.port, args.baud or cfg.baud)
    try:
        card = _read_one(reader, args.timeout)
    except IdcardError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return exc.exit_code
    finally:
        reader.link.close()
    print(json.dumps(card.to_json(dt.date.today(), reveal=args.reveal), ensure_ascii=False))
    return 0


def run_sim(args: argparse.Namespace) -> int:
    """Serve until stdin closes.

    Lines on stdin steer it: place NAME | remove | fault MODE | unplug | replug.
    """
    from devices.idcard.simulator import IdcardSimulator

    sim = IdcardSimulator(baud=args.baud).start()
    sim.set_fault(args.fault)
    if args.card:
        sim.place_card(args.card)
    print(sim.port, flush=True)
    actions = {"place": lambda a: sim.place_card(a[0] if a else "resident"),
               "remove": lambda a: sim.remove_card(), "fault": lambda a: sim.set_fault(a[0]),
               "unplug": lambda a: sim.unplug(), "replug": lambda a: sim.replug()}
    try:
        steer_from_stdin(actions, (KeyError, ValueError, IndexError))
    finally:
        sim.close()
    return 0
