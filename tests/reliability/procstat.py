"""What a process costs, from /proc: memory (RSS, PSS, private, peak), open files, threads.

Private memory (USS: pages no other process maps) is what a leak grows. PSS also
counts a share of every library page, and that share changes whenever another
process mapping the same files starts or stops: on a machine running tests beside
a soak, PSS swings by tens of MiB with no change in the app itself.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Sample:
    """One look at a process (sizes in KiB)."""

    rss_kib: int
    pss_kib: int
    peak_kib: int
    uss_kib: int
    fds: int
    threads: int


def _status(pid: int) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return fields


def _kib(value: str) -> int:
    return int(value.split()[0]) if value else 0


def _rollup(pid: int) -> dict[str, int]:
    """Pss, Private_Clean, Private_Dirty, ... of smaps_rollup in KiB (empty when gone)."""
    out: dict[str, int] = {}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            key, sep, value = line.partition(":")
            if sep and value.strip().endswith("kB"):
                out[key] = _kib(value.strip())
    except OSError:
        pass
    return out


def sample(pid: int) -> Sample | None:
    """A sample of pid, or None when it is gone."""
    try:
        status = _status(pid)
        fds = len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return None
    rollup = _rollup(pid)
    return Sample(_kib(status.get("VmRSS", "")), rollup.get("Pss", 0),
                  _kib(status.get("VmHWM", "")),
                  rollup.get("Private_Clean", 0) + rollup.get("Private_Dirty", 0), fds,
                  int(status.get("Threads", "0")))


def children(pid: int) -> list[int]:
    """Every descendant of pid (the script's platform, its virtual display)."""
    out: list[int] = []
    try:
        kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return out
    for kid in map(int, kids):
        out += [kid, *children(kid)]
    return out


def tree(pid: int) -> Sample | None:
    """pid and its descendants added up (peak: the largest single peak)."""
    parts = [s for s in (sample(p) for p in [pid, *children(pid)]) if s is not None]
    if not parts:
        return None
    return Sample(sum(s.rss_kib for s in parts), sum(s.pss_kib for s in parts),
                  max(s.peak_kib for s in parts), sum(s.fds for s in parts),
                  sum(s.threads for s in parts))


def disk_kib(path: Path) -> int:
    """Bytes on disk under path, in KiB."""
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            with contextlib.suppress(OSError):
                total += os.lstat(os.path.join(root, name)).st_size
    return total // 1024
