"""The terminal core headless in a child process, driven line by line over stdin/stdout.

The fault run kills this process with SIGKILL mid-submission and starts it again
on the same data directory, as a power cut would. It is assembled from the public
pieces the composition root uses (PlatformService, IdcardReader, PrinterService +
ReceiptDesk, Camera) with the devices' simulators at their wire edges: the card
reader on a pseudo-terminal and the printer on a loopback TCP port, both owned by
the parent; the camera is a frame source, so its simulator lives here.

Each command is one JSON line {"op": ..., ...}; each answer one JSON line. A
submission also prints {"stored": key} as soon as the outbox holds it, before the
visitor is told, so the parent knows which keys existed when it pulled the plug.
Logs are the product's JSON lines on stderr; a thread that dies is logged as
CRITICAL "thread died", which the run counts as an escape.
"""

from __future__ import annotations

import json
import logging
import queue
import resource
import sys
import threading
from pathlib import Path
from typing import Any

from devices.camera.service import Camera, CameraOptions
from devices.camera.simulator import SimulatedCamera
from devices.idcard.driver import CardRead, CardRemoved, IdcardReader
from devices.idcard.masking import mask_number
from devices.printer.connection import open_connection
from devices.printer.escpos_render import Renderer
from devices.printer.profile import load_profile
from devices.printer.raster import RasterFonts
from devices.printer.service import PrinterService
from kiosk import logs
from kiosk.clock import SystemClock
from kiosk.config import load_settings
from kiosk.flows import outbox_kinds
from kiosk.platform.client import PlatformClient
from kiosk.platform.errors import PlatformError
from kiosk.platform.service import Options, PlatformService
from kiosk.platform.signing import load_key
from kiosk.receipts.desk import ReceiptDesk
from tests.reliability import visits

log = logging.getLogger("tests.reliability.terminal")
WAIT_S = 20.0          # bound on waiting for an event the devices bring about


def _thread_died(args: threading.ExceptHookArgs) -> None:
    name = args.thread.name if args.thread else "?"
    log.critical("thread died", extra={"thread": name, "error": repr(args.exc_value)})


class Terminal:
    """One terminal's capabilities and the visitor currently at it."""

    def __init__(self, conf: dict[str, Any]) -> None:
        clock = SystemClock()
        settings = load_settings(None)
        client = PlatformClient(conf["url"], conf["device_id"], load_key(conf["key_file"]),
                                clock=clock, timeout_s=conf.get("timeout_s", 1.0))
        options = Options(submit_wait_s=conf.get("submit_wait_s", 1.5), retry_min_s=0.05,
                          retry_max_s=0.5, sync_interval_s=3600, heartbeat_s=5)
        self.platform = PlatformService(Path(conf["data_dir"]), client, clock, options,
                                        outbox_kinds()).start()
        self.events: queue.Queue[Any] = queue.Queue()
        self.reader = IdcardReader(conf["reader_port"], 115200, on_event=self.events.put,
                                   reopen_s=0.2).start()
        pcfg = settings.printer
        fonts = RasterFonts(Path(pcfg.cjk_font), pcfg.cjk_font_index, Path(pcfg.tibetan_font),
                            Path(pcfg.cjk_bold_font) if pcfg.cjk_bold_font else None)
        target = conf["printer"]
        self.printer = PrinterService(lambda: open_connection("network", target, 2.0),
                                      Renderer(load_profile(pcfg.profile), fonts),
                                      status_timeout_s=0.5).start()
        self.desk = ReceiptDesk(self.printer, max_receipts=50)
        self.camera_sim = SimulatedCamera()
        self.camera = Camera(self.camera_sim, clock, CameraOptions(reconnect_max_s=0.5))
        self.card: Any = None
        self.jobs: list[dict[str, Any]] = []
        self.device_id = conf["device_id"]

    # -- commands -----------------------------------------------------------
    def card_op(self, cmd: dict[str, Any]) -> dict[str, Any]:
        """Wait for the card the parent laid on the reader (or its removal)."""
        want = CardRemoved if cmd.get("removed") else CardRead
        while True:
            try:
                event = self.events.get(timeout=cmd.get("timeout", WAIT_S))
            except queue.Empty:
                return {"ok": False, "state": self.reader.status().state.value}
            if isinstance(event, CardRead) and want is CardRead:
                if cmd.get("expect") not in (None, mask_number(event.card.number)):
                    continue                      # a card from before a restart
                self.card = event.card
                return {"ok": True, "masked": repr(event.card)}
            if isinstance(event, want):
                self.card = None
                return {"ok": True}

    def jobs_op(self, _cmd: dict[str, Any]) -> dict[str, Any]:
        self.platform.sync()
        self.jobs = visits.jobs_to_choose(self.platform) or self.jobs
        return {"ok": bool(self.jobs), "ids": [j.get("id", "") for j in self.jobs]}

    def slot_op(self, _cmd: dict[str, Any]) -> dict[str, Any]:
        try:
            return {"ok": True, "slot": visits.free_slot(self.platform)}
        except PlatformError as exc:
            return {"ok": False, "error": type(exc).__name__}

    def submit_op(self, cmd: dict[str, Any]) -> dict[str, Any]:
        action = visits.Action(cmd["kind"], cmd["marker"], cmd.get("ref", ""))
        told = threading.Event()
        box: list[Any] = []

        def done(outcome: Any) -> None:
            box.append(outcome)
            told.set()
        key = visits.submit(self.platform, action, self.card, cmd.get("phone", ""), done)
        print(json.dumps({"stored": key, "kind": action.kind}), flush=True)
        if not told.wait(WAIT_S):
            return {"ok": False, "key": key, "error": "never told"}
        outcome = box[0]
        return {"ok": True, "key": key, "state": outcome.state, "reason": outcome.reason,
                "response": outcome.response}

    def print_op(self, cmd: dict[str, Any]) -> dict[str, Any]:
        job = self.jobs[cmd["job"] % len(self.jobs)] if self.jobs else {"id": "none"}
        handle = visits.print_job_slip(self.desk, job, cmd["job_id"], self.device_id)
        result = handle.result(WAIT_S)
        return {"ok": True, "state": result.state.value, "error": result.error,
                "bytes": result.bytes_sent}

    def qr_op(self, cmd: dict[str, Any]) -> dict[str, Any]:
        """Show a code to the camera; with lose, pull its cable first and plug it back."""
        scanner, seen = self.camera.scanner(), threading.Event()

        def analyse(frame: Any, _seq: int) -> None:
            if scanner.feed(frame) == cmd["payload"]:
                seen.set()
        self.camera_sim.show_qr(cmd["payload"])
        if cmd.get("lose"):
            self.camera_sim.set_fault("disconnect", after=1)
        self.camera.add_analyser(analyse)
        self.camera.start()
        if cmd.get("lose"):
            self.camera_sim.set_fault("none")
        ok = seen.wait(WAIT_S)
        self.camera.remove_analyser(analyse)
        self.camera.stop()
        self.camera_sim.clear()
        return {"ok": ok, "state": self.camera.status().state.value}

    def end_op(self, _cmd: dict[str, Any]) -> dict[str, Any]:
        """The visitor leaves: the receipt allowance resets, the card is forgotten."""
        self.desk.reset()
        self.card = None
        while not self.events.empty():
            self.events.get_nowait()
        return {"ok": True}

    def drain_op(self, cmd: dict[str, Any]) -> dict[str, Any]:
        """Wait until the sender has delivered everything (faults have stopped).

        A submission parked by a run of failures would be tried again when its
        park time is up (an hour); the faults are over, so it is made due now, as a
        technician's retry does (`Outbox.retry_parked`).
        """
        done = threading.Event()
        for _ in range(int(cmd.get("rounds", 400))):
            self.platform.outbox.retry_parked()
            self.platform.sender.wake()
            if self.platform.outbox.counts()["pending"] == 0:
                done.set()
                break
            done.wait(0.05)
        return {"ok": done.is_set(), "counts": self.platform.outbox.counts(),
                "set_aside": self.platform.outbox.store.dead_letters()}

    def health_op(self, _cmd: dict[str, Any]) -> dict[str, Any]:
        names = sorted(t.name for t in threading.enumerate())
        peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return {"ok": True, "threads": names, "peak_kib": peak_kib}

    def close(self) -> None:
        self.camera.close()
        self.printer.close()
        self.reader.close()
        self.platform.stop()


def main(conf_json: str) -> None:
    logs.configure("INFO")
    threading.excepthook = _thread_died
    terminal = Terminal(json.loads(conf_json))
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        cmd = json.loads(line)
        if cmd["op"] == "quit":
            break
        handler = getattr(terminal, f"{cmd['op']}_op")
        try:
            reply = handler(cmd)
        except Exception as exc:   # noqa: BLE001 - reported to the parent as an escape
            log.exception("terminal command failed", extra={"op": cmd["op"]})
            reply = {"ok": False, "escape": repr(exc)}
        print(json.dumps({"reply": cmd["op"], **reply}, ensure_ascii=False), flush=True)
    terminal.close()
    print(json.dumps({"bye": True}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
