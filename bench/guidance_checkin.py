"""Scan to checked in: a ticket held up to the camera until the platform has checked it in.

Both sides run in this one process against one reference platform (`kiosk central
serve`, a child process) and the same camera: the capture worker on the camera
simulator at the kiosk's 15 frames a second, each ticket's frame drawn before the
clock starts (a tilted, lit, noised photo of the code), shown at t0, and the clock
stopped when the signed check-in's 200 is back. What differs is the step between
frame and request:

- ours: the kiosk's QrScanner as the check-in screen uses it (the finder check on the
  half-size frame, zbar there and then on the full frame, OpenCV last), fed on the
  capture thread, the request sent from a worker thread as the flow does;
- peer: what a first version does — pyzbar on every full frame, polled from the
  capture service's latest frame in a loop, the request sent at once.

Each side checks in TICKETS appointments of its own (booked beforehand in a slot whose
check-in window is open on the platform's clock), alternating ticket by ticket so load
on the machine falls on both alike. Reported: p50/p95/max of scan to checked in.
Run: python -m bench.guidance_checkin [--tickets 60]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import numpy as np

from bench.guidance_booking import CHINA, make_slots, pct, person
from central.db import connect
from devices.camera import synth
from devices.camera.service import Camera
from devices.camera.simulator import SimulatedCamera
from kiosk.clock import SystemClock
from kiosk.flows.guidance.visit import appointment_of, ticket_payload
from kiosk_command.platform_proc import PlatformProcess
from tests.central.signed import SignedApi

# a ticket held up by hand: turned, tilted, a little soft, noised, with some glare
HELD = synth.QrLook(size=220, angle=8.0, tilt=0.12, blur=0.8, noise=4.0, glare=0.2)


def book(api: SignedApi, count: int, first: int) -> list[str]:
    """count appointments in the first bench slot (its window open), their ids."""
    ids = []
    for n in range(count):
        answer = api.post("/appointments", {"slot_id": "B00000", "phone": "13800138000",
                                            "id_hash": person(first + n)},
                          idem=str(uuid.uuid4()))
        answer.raise_for_status()
        ids.append(answer.json()["id"])
    return ids


def check_in(api: SignedApi, ref: str) -> None:
    answer = api.post("/appointments/checkin", {"appointment_id": ref}, idem=str(uuid.uuid4()))
    if answer.status_code != 200:
        raise RuntimeError(f"check-in answered {answer.status_code}: {answer.text}")


def ours(camera: Camera, sim: SimulatedCamera, api: SignedApi, frame: np.ndarray) -> float:
    """The kiosk's scanner on the capture thread, the request from a worker thread."""
    scanner, done, began = camera.scanner(), threading.Event(), [0.0]

    def send(ref: str) -> None:
        check_in(api, ref)
        done.set()

    def analyse(seen: Any, _seq: int) -> None:
        payload = scanner.feed(seen)
        ref = appointment_of(payload) if payload else None
        if ref is not None:
            camera.remove_analyser(analyse)
            threading.Thread(target=send, args=(ref,), daemon=True).start()
    camera.add_analyser(analyse)
    began[0] = time.perf_counter()
    sim.show(frame)
    if not done.wait(30):
        raise RuntimeError("ours: the ticket was not read within 30 s")
    took = time.perf_counter() - began[0]
    camera.remove_analyser(analyse)
    return took


def peer(camera: Camera, sim: SimulatedCamera, api: SignedApi, frame: np.ndarray) -> float:
    """pyzbar on each new full frame from the capture service, polled."""
    from pyzbar import pyzbar

    _frame, seq = camera.latest()
    began = time.perf_counter()
    sim.show(frame)
    while time.perf_counter() - began < 30:
        seen, seq = camera.wait_frame(seq, 1.0)
        if seen is None:
            continue
        codes = pyzbar.decode(seen[:, :, 0] if seen.ndim == 3 else seen)
        refs = [appointment_of(c.data.decode("utf-8", "replace")) for c in codes]
        ref = next((r for r in refs if r), None)
        if ref is not None:
            check_in(api, ref)
            return time.perf_counter() - began
    raise RuntimeError("peer: the ticket was not read within 30 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=60)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-checkin-"))
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    moment = dt.datetime.combine(tomorrow, dt.time(8, 45), CHINA).isoformat()
    platform = PlatformProcess(work, demo_data=False, extra_args=["--now", moment])
    sim = SimulatedCamera()
    camera = Camera(sim, SystemClock())
    try:
        platform.start()
        conn = connect(platform.db_path)
        make_slots(conn, 1, 2 * args.tickets)
        conn.close()
        api = SignedApi(platform.url, platform.device_id, platform.key_file.read_text().strip())
        ids = {"ours": book(api, args.tickets, 0), "peer": book(api, args.tickets, 10_000)}
        frames = {name: [synth.qr_frame(ticket_payload(ref), HELD, seed=n)
                         for n, ref in enumerate(refs)] for name, refs in ids.items()}
        camera.start()
        sides = {"ours": ours, "peer": peer}
        took: dict[str, list[float]] = {"ours": [], "peer": []}
        for n in range(args.tickets):
            for name, run in sides.items():
                took[name].append(run(camera, sim, api, frames[name][n]))
                sim.clear()
                time.sleep(0.2)                 # the visitor steps away between tickets
        print(f"{args.tickets} tickets per side, camera simulator at 15 frames/s, "
              f"{sim.width}x{sim.height}")
        for name, values in took.items():
            print(f"{name}: scan to checked in p50 {pct(values, 0.5) * 1000:.0f} ms, p95 "
                  f"{pct(values, 0.95) * 1000:.0f} ms, max {max(values) * 1000:.0f} ms")
        a, b = took["ours"], took["peer"]
        print(f"ratio ours/peer: p50 {pct(a, 0.5) / pct(b, 0.5):.2f}, "
              f"p95 {pct(a, 0.95) / pct(b, 0.95):.2f}")
    finally:
        camera.stop()
        platform.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
