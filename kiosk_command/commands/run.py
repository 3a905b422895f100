"""`kiosk run`: the terminal itself (what the systemd unit starts)."""

from __future__ import annotations

import argparse
import contextlib

from kiosk.clock import SystemClock
from kiosk_command.common import settings_from


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("run", help="run the kiosk on this terminal's screen")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from kiosk_command.corebuild import build_core
    from kiosk_command.gui import make_app, prepare_kivy

    settings = settings_from(args)
    prepare_kivy(settings)
    with contextlib.ExitStack() as stack:
        core = build_core(settings, SystemClock(), stack)
        make_app(core).run()
    return 0
