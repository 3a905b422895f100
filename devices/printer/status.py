"""DLE EOT real-time status -> a typed PrinterStatus for the screens and remote management.

Each DLE EOT n answer is one byte whose bits 1 and 4 are set and bits 0 and 7
clear; anything else, or silence, is "unknown". python-escpos 3.1's
paper_status() calls silence "adequate paper", which would let a visitor
wait for a receipt from a printer that is unplugged.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass

DLE_EOT = b"\x10\x04"
QUERIES = (1, 2, 3, 4)      # printer, off-line cause, error cause, roll paper sensor


def valid(byte: int | None) -> bool:
    """True when byte has the fixed bits of a DLE EOT answer."""
    return byte is not None and byte & 0x93 == 0x12


@dataclass(frozen=True)
class PrinterStatus:
    """What the printer said about itself; unknown when it said nothing usable."""

    unknown: bool = True
    online: bool = False
    cover_open: bool = False
    paper_near_end: bool = False
    paper_out: bool = False
    error: bool = False

    @property
    def ready(self) -> bool:
        """Known to be able to print now."""
        return (not self.unknown and self.online and not self.cover_open
                and not self.paper_out and not self.error)

    @property
    def reason(self) -> str:
        """One word for screens, logs and the fleet console."""
        for flag in ("unknown", "paper_out", "cover_open", "error"):
            if getattr(self, flag):
                return flag
        if not self.online:
            return "offline"
        return "paper_near_end" if self.paper_near_end else "ok"

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form for remote management."""
        return {**asdict(self), "ready": self.ready, "reason": self.reason}


UNKNOWN = PrinterStatus()


def parse_status(replies: Mapping[int, int | None]) -> PrinterStatus:
    """Combine answers to DLE EOT 1..4 (byte or None per query) into a status."""
    if not all(valid(replies.get(n)) for n in QUERIES):
        return UNKNOWN
    printer, offline, error, paper = (int(replies[n]) for n in QUERIES)  # type: ignore[arg-type]
    return PrinterStatus(
        unknown=False,
        online=not printer & 0x08,
        cover_open=bool(offline & 0x04),
        paper_out=bool(offline & 0x20 or paper & 0x60),
        paper_near_end=bool(paper & 0x0C),
        error=bool(offline & 0x40 or error & 0x2C),
    )


def answers_for(*, offline: bool = False, cover_open: bool = False, paper_near_end: bool = False,
                paper_out: bool = False, error: bool = False) -> dict[int, int]:
    """The bytes a printer in this condition answers (used by the simulator)."""
    return {
        1: 0x12 | (0x08 if offline or cover_open or paper_out or error else 0),
        2: 0x12 | (0x04 if cover_open else 0) | (0x20 if paper_out else 0)
        | (0x40 if error else 0),
        3: 0x12 | (0x08 if error else 0),
        4: 0x12 | (0x0C if paper_near_end or paper_out else 0) | (0x60 if paper_out else 0),
    }
