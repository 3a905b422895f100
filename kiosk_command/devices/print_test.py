"""`kiosk devices print-test` (a sample receipt) and `kiosk devices printer-sim`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from devices.printer.errors import PrinterError
from kiosk.errors import KioskError
from kiosk_command.devices._console import steer_from_stdin


def register(sub: argparse._SubParsersAction) -> None:
    test = sub.add_parser("print-test", help="print a sample receipt (fixed data, same bytes)")
    test.add_argument("--template", default="job",
                      help="receipt template: job, registration, unemployment, "
                           "appointment, complaint, report")
    test.add_argument("--lang", choices=("zh", "bo", "en"), default="zh")
    test.add_argument("--width", type=int, choices=(58, 80),
                      help="paper width (picks generic-WIDTH-cn; default: printer.profile)")
    test.add_argument("--profile", help="printer profile name (config/printers/NAME.toml)")
    test.add_argument("--out", type=Path, help="write the ESC/POS bytes here, not to the printer")
    test.add_argument("--png", type=Path, help="also save a picture of the printed paper")
    test.set_defaults(handler=run_test)
    sim = sub.add_parser("printer-sim", help="run a simulated printer until stdin closes")
    sim.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (0: any free)")
    sim.add_argument("--pty", action="store_true", help="also offer a pseudo-terminal")
    sim.add_argument("--fault", default="none")
    sim.add_argument("--width", type=int, choices=(58, 80), default=80)
    sim.set_defaults(handler=run_sim)


def _profile(args: argparse.Namespace, settings) -> object:
    from devices.printer.profile import load_profile

    name = args.profile or (f"generic-{args.width}-cn" if args.width else settings.printer.profile)
    return load_profile(name)


def run_test(args: argparse.Namespace) -> int:
    """Render the sample; a printer problem is one line on stderr and exit code 3."""
    try:
        return _run_test(args)
    except PrinterError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return exc.exit_code


def _run_test(args: argparse.Namespace) -> int:
    from kiosk_command.common import settings_from

    settings = settings_from(args)     # before python-escpos is imported: it configures logging
    from devices.printer.decoder import decode
    from devices.printer.escpos_render import Renderer
    from devices.printer.paper_png import save_png
    from kiosk.receipts import sample_receipt, templates
    from kiosk_command.wiring.printer import fonts_from

    if args.template not in templates():
        raise KioskError(f"print-test: no receipt {args.template!r}; "
                         f"known: {', '.join(templates())}")
    profile = _profile(args, settings)
    fonts = fonts_from(settings.printer)
    data = Renderer(profile, fonts).render(sample_receipt(args.template, args.lang,
                                                          profile.paper_mm))
    if args.out:
        args.out.write_bytes(data)
        print(f"{args.out}: {len(data)} bytes ({profile.name}, {args.template}, {args.lang})")
    else:
        _send(data, settings, args.template)
    if args.png:
        save_png(decode(data), profile.dots, args.png, fonts)
        print(f"{args.png}: picture of the printed paper")
    return 0


def _send(data: bytes, settings, template: str) -> None:
    """Print to the configured printer (an in-process simulator when driver is sim)."""
    import contextlib

    from kiosk.clock import SystemClock
    from kiosk.core import KioskCore
    from kiosk.session import VisitorSession
    from kiosk_command.wiring import printer as wiring

    if settings.printer.driver == "none":
        raise PrinterError("printer: printer.driver is none; use --out FILE")
    with contextlib.ExitStack() as stack:
        clock = SystemClock()
        core = KioskCore(settings=settings, clock=clock, session=VisitorSession(clock))
        wiring.attach(core, stack)
        result = core.printer.submit(data, f"print-test:{template}").result(timeout=60)
        if result.error:
            raise PrinterError(f"printer: {result.error}")
        print(f"printed {result.bytes_sent} bytes; printer {result.after.reason}")
        sim = core.simulators.printer
        if sim is not None:
            print(sim.text())


def run_sim(args: argparse.Namespace) -> int:
    """Serve a simulated printer; stdin lines: fault MODE | take | text | png FILE | clear."""
    from devices.printer.profile import load_profile
    from devices.printer.sim_links import PtyLink, TcpLink
    from devices.printer.simulator import PrinterSimulator

    sim = PrinterSimulator(load_profile(f"generic-{args.width}-cn").dots)
    sim.set_fault(args.fault)
    links = [TcpLink(sim, args.port).start()]
    print(f"tcp 127.0.0.1:{links[0].port}", flush=True)
    if args.pty:
        links.append(PtyLink(sim).start())
        print(f"pty {links[1].path}", flush=True)
    actions = {"fault": lambda a: sim.set_fault(a[0]), "take": lambda a: sim.take_receipt(),
               "text": lambda a: print(sim.text()), "png": lambda a: sim.save_png(Path(a[0])),
               "clear": lambda a: sim.clear_paper()}
    try:
        steer_from_stdin(actions, (ValueError, IndexError, OSError))
    finally:
        for link in links:
            link.close()
    return 0
