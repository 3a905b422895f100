"""Card placed -> parsed card, against the serial wire-time floor, and parser throughput.

The simulator is paced at 115200 baud (10 bits a byte, request and reply), so
the floor is the wire time of find + select + base read: nothing can be faster
on a real reader. The driver adds its polling and parsing on top; the target
is at most 20 ms above the floor. Run: python -m bench.idcard_read [--runs N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import threading
import time

from devices.idcard.codec import StreamParser, build_command, build_response
from devices.idcard.deck import SAMPLE_PHOTO, card_text, sample
from devices.idcard.driver import CardRead, IdcardReader
from devices.idcard.simulator import IdcardSimulator

BAUD = 115200


def floor_s() -> float:
    """Wire time of the three exchanges of one read at BAUD."""
    text = card_text(sample("resident"))
    frames = [build_command(0x20, 1), build_response(0x9F, b"\0" * 4),
              build_command(0x20, 2), build_response(0x90, b"\0" * 8),
              build_command(0x30, 1), build_response(0x90, b"\0" * 4 + text + SAMPLE_PHOTO)]
    return sum(len(f) for f in frames) * 10 / BAUD


def measure_reads(runs: int, poll_s: float) -> list[float]:
    sim = IdcardSimulator(baud=BAUD).start()
    got = threading.Event()
    reader = IdcardReader(sim.port, BAUD, poll_s=poll_s,
                          on_event=lambda e: got.set() if isinstance(e, CardRead) else None)
    reader.start()
    times = []
    try:
        for _ in range(runs):
            time.sleep(random.uniform(0.05, 0.1))      # a card lands at any point of a poll
            got.clear()
            start = time.perf_counter()
            sim.place_card("resident")
            if not got.wait(5):
                raise RuntimeError("card not read")
            times.append(time.perf_counter() - start)
            sim.remove_card()
            while reader.card_present():
                time.sleep(0.005)
    finally:
        reader.close()
        sim.close()
    return times


def parse_rate(seconds: float = 1.0) -> float:
    """Base-read frames parsed per second from a byte stream."""
    wire = build_response(0x90, b"\0" * 4 + card_text(sample("resident")) + SAMPLE_PHOTO) * 100
    parser, frames, start = StreamParser(), 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        frames += len(parser.feed(wire))
    return frames / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    runs = parser.parse_args().runs
    floor = floor_s()
    times = measure_reads(runs, poll_s=0.01)   # the driver default
    median, p95 = statistics.median(times), sorted(times)[int(0.95 * (len(times) - 1))]
    print(f"{'':28} {'seconds':>9}")
    print(f"{'wire-time floor (115200)':28} {floor:9.4f}")
    print(f"{'kiosk driver, median':28} {median:9.4f}   +{(median - floor) * 1000:.1f} ms")
    print(f"{'kiosk driver, p95':28} {p95:9.4f}   +{(p95 - floor) * 1000:.1f} ms")
    print(f"ratio median / floor: {median / floor:.2f}; target: at most 20 ms above the floor")
    print(f"parser: {parse_rate():,.0f} base-read frames per second")


if __name__ == "__main__":
    main()
