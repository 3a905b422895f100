"""`kiosk run`: the terminal itself (what the systemd unit starts)."""

from __future__ import annotations

import argparse
import contextlib
import time

from kiosk.clock import SystemClock
from kiosk_command.common import settings_from


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("run", help="run the kiosk on this terminal's screen")
    p.add_argument("--size", help="window size WxH instead of the configured display")
    p.add_argument("--report-first-frame", action="store_true",
                   help="open on the home screen and print the wall-clock time of its "
                        "first drawn frame (for the cold-start benchmark)")
    p.set_defaults(handler=run)


def _report_first_frame(app) -> None:
    """Print `first-frame <epoch seconds>` after the first buffer swap of the home screen."""
    from kivy.core.window import Window

    def flipped(*_: object) -> None:
        Window.unbind(on_flip=flipped)
        print(f"first-frame {time.time():.4f}", flush=True)

    Window.bind(on_flip=flipped)


def run(args: argparse.Namespace) -> int:
    from kiosk_command.corebuild import build_core
    from kiosk_command.gui import make_app, prepare_kivy

    settings = settings_from(args)
    size = tuple(int(v) for v in args.size.split("x")) if args.size else None
    prepare_kivy(settings, size=size)
    with contextlib.ExitStack() as stack:
        app = make_app(build_core(settings, SystemClock(), stack))
        if args.report_first_frame:
            app.core.session.touch()         # open on the home screen
            app.bind(on_start=lambda *_: _report_first_frame(app))
        app.run()
    return 0
