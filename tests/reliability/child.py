"""The parent's handle on the headless terminal (tests/reliability/terminal.py).

It starts the child, sends it one command at a time, and can pull the plug
(SIGKILL) in the middle of one: whatever answers arrived before the kill are
what the visitor was told; "stored" lines say which keys the outbox held.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from tests.reliability import procstat

ROOT = Path(__file__).resolve().parents[2]
READY_S = 60.0
ANSWER_S = 60.0


class ChildGone(Exception):
    """The terminal process ended (killed, or crashed) before it answered."""


class TerminalChild:
    """One run of the headless terminal at a time, restartable on the same data dir."""

    def __init__(self, conf: dict[str, Any], log_path: Path) -> None:
        self.conf = conf
        self.log_path = log_path
        self.proc: subprocess.Popen[str] | None = None
        self.lines: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.stored: dict[str, str] = {}           # key -> kind, once the outbox held it
        self.peak_kib = 0
        self.starts = 0

    def start(self) -> TerminalChild:
        log = self.log_path.open("a")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.terminal", json.dumps(self.conf)],
            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)})
        log.close()
        self.lines = queue.Queue()
        threading.Thread(target=self._read, args=(self.proc, self.lines), daemon=True).start()
        self.starts += 1
        first = self.lines.get(timeout=READY_S)
        if not first or not first.get("ready"):
            raise ChildGone(f"terminal did not start; see {self.log_path}")
        return self

    def _read(self, proc: subprocess.Popen[str], lines: queue.Queue[Any]) -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            doc = json.loads(line)
            if "stored" in doc:
                self.stored[doc["stored"]] = doc["kind"]
            else:
                lines.put(doc)
        lines.put(None)

    def send(self, op: str, **args: Any) -> None:
        assert self.proc is not None and self.proc.stdin is not None
        self.proc.stdin.write(json.dumps({"op": op, **args}, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()

    def answer(self, timeout: float = ANSWER_S) -> dict[str, Any]:
        doc = self.lines.get(timeout=timeout)
        if doc is None:
            raise ChildGone("terminal ended before answering")
        return doc

    def call(self, op: str, **args: Any) -> dict[str, Any]:
        self.send(op, **args)
        return self.answer()

    def _note_peak(self) -> None:
        if self.proc is not None:
            got = procstat.sample(self.proc.pid)
            if got is not None:
                self.peak_kib = max(self.peak_kib, got.peak_kib)

    def kill(self) -> list[dict[str, Any]]:
        """SIGKILL now; the answers that had already arrived."""
        assert self.proc is not None
        self._note_peak()
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        got: list[dict[str, Any]] = []
        while (doc := self.lines.get(timeout=10)) is not None:
            got.append(doc)
        self.proc = None
        return got

    def quit(self) -> int:
        """Ask it to stop cleanly; its exit status."""
        assert self.proc is not None
        self._note_peak()
        self.send("quit")
        rc = self.proc.wait(timeout=60)
        self.proc = None
        return rc

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None
