"""Receipt bytes and time: Chinese text mode (ours) vs the same receipt as one picture.

The peer is what python-escpos does by default for a receipt that is not plain
ASCII: draw it (here: our own paper picture of the very same receipt) and send
it with `printer.image()` (GS v 0, default arguments). For each receipt it
prints bytes, time to produce them, the transmit time at 115200 baud (10 bits a
byte) and the print mechanism's own time at 250 mm/s for that paper length.

    .venv/bin/python -m bench.printer_bytes [--repeat N] [--width 58|80] [--lang zh|en|bo]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import time

from escpos.printer import Dummy

from devices.printer.decoder import decode
from devices.printer.escpos_render import Renderer
from devices.printer.paper_png import MARGIN, render_png
from devices.printer.profile import load_profile
from kiosk.receipts import sample_receipt, templates

BAUD_BYTES_S = 115200 / 10
MM_PER_S = 250.0
DOTS_PER_MM = 8.0          # 203 dpi


def _timed(fn, repeat: int) -> tuple[object, float]:
    times, out = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return out, statistics.median(times)


def _as_picture(data: bytes, dots: int) -> bytes:
    """The peer: the same receipt drawn as one picture and sent with python-escpos defaults."""
    img = render_png(decode(data), dots)
    img = img.crop((MARGIN, 0, MARGIN + dots, img.height))
    printer = Dummy()
    with contextlib.redirect_stdout(io.StringIO()):   # it warns that the profile has no width
        printer.image(img)
    return printer.output


def run(width: int, lang: str, repeat: int) -> list[dict[str, float | str]]:
    """One row per template."""
    profile = load_profile(f"generic-{width}-cn")
    rows = []
    for name in templates():
        doc = sample_receipt(name, lang, width)
        ours, t_ours = _timed(lambda d=doc: Renderer(profile).render(d), repeat)
        peer, t_peer = _timed(lambda o=ours: _as_picture(o, profile.dots), repeat)
        paper_mm = render_png(decode(ours), profile.dots).height / DOTS_PER_MM
        rows.append({"receipt": name, "ours_b": len(ours), "peer_b": len(peer),
                     "ours_ms": t_ours * 1e3, "peer_ms": t_peer * 1e3,
                     "ours_tx": len(ours) / BAUD_BYTES_S * 1e3,
                     "peer_tx": len(peer) / BAUD_BYTES_S * 1e3,
                     "print_ms": paper_mm / MM_PER_S * 1e3})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, choices=(58, 80), default=80)
    parser.add_argument("--lang", choices=("zh", "en", "bo"), default="zh")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rows = run(args.width, args.lang, args.repeat)
    print(f"{args.width} mm, {args.lang}; median of {args.repeat}; tx at 115200 baud, "
          "print at 250 mm/s")
    print(f"{'receipt':<13}{'ours B':>8}{'image B':>9}{'ratio':>7}{'ours ms':>9}{'image ms':>10}"
          f"{'ours tx ms':>12}{'image tx ms':>13}{'print ms':>10}")
    for r in rows:
        print(f"{r['receipt']:<13}{r['ours_b']:>8}{r['peer_b']:>9}"
              f"{r['peer_b'] / r['ours_b']:>6.1f}x{r['ours_ms']:>9.2f}{r['peer_ms']:>10.2f}"
              f"{r['ours_tx']:>12.0f}{r['peer_tx']:>13.0f}{r['print_ms']:>10.0f}")
    total = sum(r["ours_b"] for r in rows), sum(r["peer_b"] for r in rows)
    print(f"{'all':<13}{total[0]:>8}{total[1]:>9}{total[1] / total[0]:>6.1f}x")


if __name__ == "__main__":
    main()
