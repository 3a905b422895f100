"""`kiosk devices scan-qr`: print the payload of the first QR code the camera sees."""

from __future__ import annotations

import argparse
import sys

from kiosk_command.devices._camera_tool import CameraRun, add_source_args, run_tool


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "scan-qr", help="read one QR code from the camera or from pictures",
        description="Print the first QR payload decoded. Exit 0 when found, 2 on time-out "
                    "(or when replayed pictures run out), 3 when the camera cannot be opened.")
    add_source_args(parser, timeout_s=30.0)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    return run_tool(lambda: _scan(args))


def _scan(args: argparse.Namespace) -> int:
    from devices.camera.qr import QrDecoder

    camera = CameraRun(args)
    decoder = QrDecoder()
    for frame in camera.frames():
        payload = decoder.decode(frame)
        if payload is not None:
            print(payload)
            return 0
    why = "in the pictures" if camera.simulated else f"within {args.timeout:g} s"
    print(f"kiosk: no QR code decoded {why}", file=sys.stderr)
    return 2
