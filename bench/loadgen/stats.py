"""Latencies and errors per request kind, and the CPU each process used.

Percentiles are nearest-rank on the sorted samples, as the other benchmarks print
them; an error is a transport failure, a time-out or an answer other than 2xx,
counted by its reason so a failing run says why.
"""

from __future__ import annotations

import os
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bench.proctree import tree

KINDS = ("heartbeat", "rating", "complaint", "sync", "console")


def percentile(ordered: list[float], share: float) -> float:
    """Nearest-rank percentile of already sorted values (0.0 when there are none)."""
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


@dataclass
class Recorder:
    """Every answered request's latency (ms) and every error, by kind."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def ok(self, kind: str, ms: float) -> None:
        self.latencies[kind].append(ms)

    def failed(self, kind: str, reason: str) -> None:
        self.errors[kind][reason] += 1

    def error_count(self) -> int:
        return sum(sum(c.values()) for c in self.errors.values())

    def p95(self, kind: str) -> float:
        return percentile(sorted(self.latencies[kind]), 0.95)

    def rows(self) -> list[tuple[str, int, int, float, float, float]]:
        """(kind, count, errors, p50, p95, p99) for each kind seen."""
        out = []
        for kind in KINDS:
            values = sorted(self.latencies.get(kind, []))
            errors = sum(self.errors.get(kind, Counter()).values())
            if values or errors:
                out.append((kind, len(values) + errors, errors, percentile(values, 0.5),
                            percentile(values, 0.95), percentile(values, 0.99)))
        return out

    def table(self) -> str:
        lines = [f"{'kind':<10} {'count':>7} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} "
                 f"{'p99 ms':>8}"]
        for kind, count, errors, p50, p95, p99 in self.rows():
            lines.append(f"{kind:<10} {count:>7} {errors:>6} {p50:>8.1f} {p95:>8.1f} "
                         f"{p99:>8.1f}")
        for kind, reasons in self.errors.items():
            for reason, n in reasons.most_common(3):
                lines.append(f"  {kind} error: {reason} x{n}")
        return "\n".join(lines)


def cpu_seconds(pid: int | None = None) -> float:
    """User + system CPU seconds of a process and its children that run (this process
    alone when pid is None): several server processes, or a database server's."""
    if pid is None:
        times = os.times()
        return times.user + times.system
    total = 0
    for member in tree(pid):
        try:
            fields = Path(f"/proc/{member}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue            # ended meanwhile
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


class CpuMeter:
    """Cores a process kept busy between start() and cores() (1.0 = one core)."""

    def __init__(self, pid: int | None = None) -> None:
        self.pid = pid
        self.start()

    def start(self) -> None:
        self._cpu, self._wall = cpu_seconds(self.pid), time.monotonic()

    def cores(self) -> float:
        wall = max(1e-9, time.monotonic() - self._wall)
        return (cpu_seconds(self.pid) - self._cpu) / wall
