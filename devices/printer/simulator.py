"""A simulated receipt printer: takes ESC/POS bytes, answers DLE EOT, keeps the paper.

It models what matters to the kiosk: the status a real printer reports in each
fault, a job cut short when the printer goes off line half-way, and a cut
receipt that stays in the printer's mouth until the visitor takes it. The
transports (file, pty, TCP) live in sim_links.py and all feed this object.
"""

from __future__ import annotations

import threading
from pathlib import Path

from devices.printer.decoder import EscposDecoder
from devices.printer.paper import Paper, PaperCut
from devices.printer.status import answers_for

FAULTS = ("none", "paper_near_end", "paper_out", "cover_open", "error", "offline",
          "offline_mid_job", "silent")
_CONDITIONS = {"paper_near_end": {"paper_near_end": True}, "paper_out": {"paper_out": True},
               "cover_open": {"cover_open": True}, "error": {"error": True},
               "offline": {"offline": True}}
_NOT_PRINTING = {"paper_out", "cover_open", "error", "offline"}


# Receipts the simulated roll remembers; older ones are gone as torn-off paper is
# (their cuts still count), so a simulator fed for days stays the same size.
KEEP_RECEIPTS = 64


class PrinterSimulator:
    """The printer mechanism: thread-safe, fed by any number of links."""

    def __init__(self, dots: int = 576) -> None:
        self.dots = dots
        self._lock = threading.Lock()
        self._fault = "none"
        self._budget: int | None = None
        self._answers: list[int] = []
        self._printer = EscposDecoder(self._answer)
        self._ignored = EscposDecoder(self._answer)   # bytes sent while it cannot print
        self._taken_cuts = 0
        self._dropped_cuts = 0
        self.bytes_received = 0

    # -- faults -----------------------------------------------------------
    def set_fault(self, mode: str, after_bytes: int = 200) -> None:
        """Switch fault mode; offline_mid_job prints after_bytes more bytes, then stops."""
        if mode not in FAULTS:
            raise ValueError(f"printer fault {mode!r} unknown; known: {', '.join(FAULTS)}")
        with self._lock:
            self._fault = mode
            self._budget = after_bytes if mode == "offline_mid_job" else None

    @property
    def fault(self) -> str:
        """The current fault mode."""
        return self._fault

    # -- bytes in, answers out ---------------------------------------------
    def feed(self, data: bytes) -> bytes:
        """Take bytes from the host; return what the printer answers on the back channel."""
        with self._lock:
            self.bytes_received += len(data)
            if self._budget is not None:
                printed, data = data[:self._budget], data[self._budget:]
                self._budget -= len(printed)
                self._printer.feed(printed)
                if self._budget <= 0:
                    self._fault, self._budget = "offline", None
            if data:
                printing = self._fault not in _NOT_PRINTING
                (self._printer if printing else self._ignored).feed(data)
                self._ignored.paper.items.clear()     # what it could not print is lost
            self._forget_old_receipts()
            out, self._answers = bytes(self._answers), []
        return out

    def _forget_old_receipts(self) -> None:
        """Drop the oldest receipts once more than KEEP_RECEIPTS * 1.5 are held."""
        items = self._printer.paper.items
        cut_at = [i for i, item in enumerate(items) if isinstance(item, PaperCut)]
        if len(cut_at) <= KEEP_RECEIPTS * 3 // 2:
            return
        drop = len(cut_at) - KEEP_RECEIPTS
        del items[:cut_at[drop - 1] + 1]
        self._dropped_cuts += drop

    def _answer(self, n: int) -> None:
        if self._fault == "silent" or n not in (1, 2, 3, 4):
            return
        condition = _CONDITIONS.get(self._fault, {})
        self._answers.append(answers_for(**condition)[n])

    # -- the paper ---------------------------------------------------------
    @property
    def paper(self) -> Paper:
        """What is printed on the roll so far: the last KEEP_RECEIPTS receipts or more
        (a snapshot)."""
        with self._lock:
            return Paper(list(self._printer.paper.items))

    def text(self) -> str:
        """All printed text."""
        return self.paper.text()

    def cuts(self) -> int:
        """Receipts cut so far, forgotten ones included."""
        with self._lock:
            return self._dropped_cuts + self._printer.paper.cuts()

    def receipt_in_mouth(self) -> bool:
        """True while a cut receipt hangs out of the printer, not yet taken."""
        return self.cuts() > self._taken_cuts

    def take_receipt(self) -> None:
        """The visitor pulls the receipt out."""
        self._taken_cuts = self.cuts()

    def receipts(self) -> list[Paper]:
        """The paper split into receipts at each cut (the last one may be unfinished)."""
        out, cur = [], Paper()
        for item in self.paper.items:
            cur.items.append(item)
            if isinstance(item, PaperCut):
                out.append(cur)
                cur = Paper()
        return out + ([cur] if cur.items else [])

    def clear_paper(self) -> None:
        """Tear everything off (a technician's reset)."""
        with self._lock:
            self._printer = EscposDecoder(self._answer)
            self._taken_cuts = self._dropped_cuts = 0

    def save_png(self, path: Path) -> Path:
        """The roll as a PNG (the technicians' console and print previews)."""
        from devices.printer.paper_png import save_png

        return save_png(self.paper, self.dots, path)
