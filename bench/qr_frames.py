"""The frames bench/camera_qr.py measures: codes, hall scenes without one, and
photographed guidance tickets.

A ticket here is the real one: the guidance flow's appointment ticket
(kiosk.flows.guidance.receipt) laid out for the 80 mm printer, decoded by the
printer simulator's decoder and drawn as the roll picture, then photographed
(devices.camera.scenes.photograph). Its code is EKIOSK:APPT:<id> as the
platform issues it.
"""

from __future__ import annotations

import cv2
import numpy as np

from devices.camera import scenes, synth
from devices.printer.decoder import decode
from devices.printer.escpos_render import Renderer
from devices.printer.paper_png import render_png
from devices.printer.profile import load_profile
from kiosk.flows.guidance.receipt import AppointmentTicket, build
from kiosk.receipts.stamp import Stamp

Frame = tuple[str, str | None, np.ndarray]      # group, payload (None: no code), BGR


def ticket_paper(appointment_id: str) -> np.ndarray:
    """The printed ticket for appointment_id as a grey picture of the paper."""
    profile = load_profile("generic-80-cn")
    ticket = AppointmentTicket(appointment_id[:8].upper(), "职业指导（一对一）", "李老师",
                               "2026-03-10 09:30-10:00", "二楼职业指导室2",
                               f"EKIOSK:APPT:{appointment_id}", ("本人身份证", "简历（如有）"))
    doc = build(ticket, Stamp("示范市人力资源市场", "demo-001", "2026-03-06 16:21"))
    return np.array(render_png(decode(Renderer(profile).render(doc)), profile.dots).convert("L"))


def _qr_box(paper: np.ndarray) -> tuple[int, int, int, int]:
    found, points = cv2.QRCodeDetector().detect(paper)
    if not found:
        raise RuntimeError("the rendered ticket holds no code")
    x, y, w, h = cv2.boundingRect(points.astype(np.float32))
    return x, y, w, h


def ticket_frames(count: int = 25, seed: int = 2026) -> list[Frame]:
    """count photographed tickets, each its own appointment id, the code 110-220 px."""
    rng = np.random.default_rng(seed)
    out: list[Frame] = []
    for _ in range(count):
        appointment = f"{int(rng.integers(1 << 62)):016x}"
        paper = ticket_paper(appointment)
        frame = scenes.photograph(paper, rng, float(rng.uniform(110, 220)), _qr_box(paper))
        out.append(("ticket", f"EKIOSK:APPT:{appointment}", frame))
    return out


def all_frames(per_group: int = 25) -> list[Frame]:
    """Codes in every look, hall scenes without a code, photographed tickets."""
    coded: list[Frame] = list(synth.benchmark_set(per_group))
    empty: list[Frame] = [(f"empty:{name}", None, frame)
                          for name, frame in scenes.empty_frames(max(1, per_group // 2))]
    return coded + ticket_frames(per_group) + empty
