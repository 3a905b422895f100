"""Memory of a whole process tree: PSS summed from /proc/*/smaps_rollup.

PSS divides shared pages among the processes sharing them, so a browser's
many processes are neither double-counted nor let off; RSS is the fallback
where smaps_rollup is unreadable.
"""

from __future__ import annotations

from pathlib import Path


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return out


def tree(pid: int) -> list[int]:
    """pid and all its descendants."""
    seen, todo = [], [pid]
    while todo:
        p = todo.pop()
        seen.append(p)
        todo += _children(p)
    return seen


def _kib(pid: int, field: str, name: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_memory_mib(pid: int) -> tuple[float, str]:
    """(MiB, "PSS" or "RSS") for the process tree rooted at pid."""
    pids = tree(pid)
    pss = sum(_kib(p, "Pss", "smaps_rollup") for p in pids)
    if pss:
        return pss / 1024, "PSS"
    return sum(_kib(p, "VmRSS", "status") for p in pids) / 1024, "RSS"
