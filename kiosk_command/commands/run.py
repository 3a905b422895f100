"""`kiosk run`: the terminal itself (what the systemd unit starts)."""

from __future__ import annotations

import argparse
import contextlib
import os
import time

from kiosk.clock import SystemClock
from kiosk_command.common import settings_from


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("run", help="run the kiosk on this terminal's screen")
    p.add_argument("--size", help="window size WxH instead of the configured display")
    p.add_argument("--report-first-frame", action="store_true",
                   help="open on the home screen and print the wall-clock time at which "
                        "its first frame has been swapped to the display (for the "
                        "cold-start benchmark)")
    p.set_defaults(handler=run)


def _report_first_frame() -> None:
    """Print `first-frame <epoch seconds>` once the first buffer swap has returned.

    A handler bound to Window.on_flip would stamp too early: Kivy calls bound
    handlers before the event's default one, and the default one is what swaps
    (WindowBase.on_flip calls self.flip(); WindowSDL.flip swaps the GL buffers).
    Under Mesa llvmpipe that first swap, which copies the frame to the X server,
    takes 0.14-0.18 s, so the window's flip is wrapped and the stamp taken when
    the swap call returns: the frame has then left the process for the display.
    """
    from kivy.core.window import Window

    swap = Window.flip

    def swap_then_stamp() -> None:
        swap()
        del Window.flip                 # the class's own flip from the next frame on
        print(f"first-frame {time.time():.4f}", flush=True)

    Window.flip = swap_then_stamp


def run(args: argparse.Namespace) -> int:
    from kiosk_command.corebuild import build_core, wire_capabilities
    from kiosk_command.gui import make_app, prepare_kivy
    from kiosk_command.lifecycle import Lifecycle

    # the camera's OpenCV brings numpy, whose BLAS threads would spin on the
    # terminal's few cores after each call; the kiosk does no linear algebra
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    settings = settings_from(args, fleet=True)
    size = tuple(int(v) for v in args.size.split("x")) if args.size else None
    lifecycle = Lifecycle()
    lifecycle.install()           # SIGTERM/SIGINT stop in order (before SDL starts)
    prepare_kivy(settings, size=size)
    with contextlib.ExitStack() as stack:
        stack.callback(lifecycle.finished)   # last: after everything below is closed

        def first_frame() -> None:
            lifecycle.ready()
            wire_capabilities(core, stack)

        # the devices and the platform link are wired once the first frame is shown
        core = build_core(settings, SystemClock(), stack, wire=False)
        app = make_app(core, after_first_frame=first_frame)
        lifecycle.attach(app, core)
        if args.report_first_frame:
            app.core.session.touch()         # open on the home screen
            app.bind(on_start=lambda *_: _report_first_frame())
        app.run()
    return 0
