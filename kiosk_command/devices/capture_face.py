"""`kiosk devices capture-face`: run the guided face capture and save the photo.

For technicians checking the camera's position and lighting: the guidance keys
are printed as they change, exactly as the visitor screen would show them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk_command.common import settings_from
from kiosk_command.devices._camera_tool import CameraRun, add_source_args, run_tool


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "capture-face", help="guided face photo from the camera or from pictures",
        description="Print guidance as it changes and save the photo. Exit 0 when captured, "
                    "2 on time-out, 3 when the camera cannot be opened.")
    add_source_args(parser, timeout_s=60.0)
    parser.add_argument("--out", required=True, metavar="FILE.jpg", help="where to save")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    return run_tool(lambda: _capture(args))


def _capture(args: argparse.Namespace) -> int:
    from devices.camera.face import FaceGuide
    from kiosk_command.wiring.camera import options_from

    options = options_from(settings_from(args).camera)
    steady_frames = int(options.fps * (options.face.hold_s + 1)) + 2
    camera = CameraRun(args, repeat=steady_frames)
    guide = FaceGuide(camera.clock, options.face)
    shown = ""
    for frame in camera.frames():
        advice = guide.feed(frame)
        if advice.key != shown:
            shown = advice.key
            print(shown, flush=True)
        if advice.photo is not None:
            Path(args.out).write_bytes(advice.photo)
            print(f"saved {args.out} ({len(advice.photo)} bytes)")
            return 0
    why = "from the pictures" if camera.simulated else f"within {args.timeout:g} s"
    print(f"kiosk: no face photo {why}", file=sys.stderr)
    return 2
