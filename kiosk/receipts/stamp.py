"""Where and when a receipt was printed (handed in, so sample receipts stay repeatable)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Stamp:
    """The footer of every receipt."""

    hall: str
    terminal: str
    printed_at: str        # already formatted "2026-03-02 09:30"


SAMPLE_STAMP = Stamp("示范公共就业服务中心", "demo-001", "2026-03-02 09:30")
