"""PrinterService: one worker thread, a job queue, status before and after every job.

The kiosk never touches the printer from the UI thread. Each job carries an id
chosen by the caller (e.g. "complaint:C-20260302-0007"): submitting an id that
is queued, printing or printed returns that job instead of printing again, so a
visitor tapping "print" twice, or a flow retried after a crash, gives one
receipt. A job that fails, before or half-way, may be submitted again.

No error ends the worker: a fault nobody foresaw (a document it cannot lay
out, a connection class that raises something unexpected) is caught by the
supervisor and logged with its cause; the request it hit ends as failed with
that cause, the connection is dropped and the next request starts afresh. The
worker waits on its queue, so a recurring fault cannot spin, and the next
visitor's receipt is not held back by a back-off.
"""

from __future__ import annotations

import enum
import logging
import queue
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, TypeVar

from devices.printer.connection import query_status, spooled
from devices.printer.document import Document
from devices.printer.escpos_render import Renderer
from devices.printer.status import UNKNOWN, PrinterStatus
from devices.supervise import Fault, Supervisor

log = logging.getLogger(__name__)
CHUNK = 4096
T = TypeVar("T")


class JobState(enum.Enum):
    QUEUED = "queued"
    PRINTING = "printing"
    PRINTED = "printed"
    FAILED = "failed"


@dataclass(frozen=True)
class JobResult:
    """How a job ended; error says why it failed and whether anything came out."""

    job_id: str
    state: JobState
    before: PrinterStatus = UNKNOWN
    after: PrinterStatus = UNKNOWN
    bytes_sent: int = 0
    error: str = ""


class PrintJob:
    """A handle on a submitted job: its id, state and a future of its result."""

    def __init__(self, job_id: str, payload: Document | bytes) -> None:
        self.job_id = job_id
        self.payload = payload
        self.state = JobState.QUEUED
        self.future: Future[JobResult] = Future()

    def result(self, timeout: float | None = None) -> JobResult:
        """Block until the job has ended (the UI polls done() instead)."""
        return self.future.result(timeout)

    def done(self) -> bool:
        return self.future.done()


class PrinterService:
    """The printer capability of the kiosk core.

    It remembers the last `history` jobs so a retried job id is not printed twice;
    a visit prints a handful, so a few dozen is plenty and the memory stays flat
    through days of visitors.
    """

    def __init__(self, connect: Callable[[], Any], renderer: Renderer, *,
                 status_timeout_s: float = 0.5, presence: Callable[[], bool] | None = None,
                 history: int = 32, poll_s: float = 0.0) -> None:
        self.renderer = renderer
        self._connect = connect
        self._timeout = status_timeout_s
        self._presence = presence
        self._history = history
        self._poll_s = poll_s
        self._printer: Any = None
        self._status = UNKNOWN
        self._since_paper = 0
        self._jobs: OrderedDict[str, PrintJob] = OrderedDict()
        self._lock = threading.Lock()
        self._queue: queue.Queue[Any] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="printer", daemon=True)
        self.supervisor = Supervisor("printer", log)

    # -- lifecycle -------------------------------------------------------
    def start(self) -> PrinterService:
        self._thread.start()
        return self

    def close(self) -> None:
        """Finish queued jobs, then stop the worker and close the connection."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join(timeout=10)
        self._disconnect()

    # -- for screens and remote management --------------------------------
    def status(self) -> PrinterStatus:
        """Last known status (refreshed around every job and by refresh())."""
        return self._status

    def refresh(self) -> Future[PrinterStatus]:
        """Ask the printer now, on the worker thread."""
        fut: Future[PrinterStatus] = Future()
        self._queue.put(fut)
        return fut

    @property
    def printed_since_paper_change(self) -> int:
        """Receipts printed since the paper last ran out and a roll went in (how a
        technician guesses how much is left on a roll without a near-end sensor)."""
        return self._since_paper

    def receipt_in_mouth(self) -> bool:
        """True while a printed receipt waits to be taken (when the printer can tell)."""
        return bool(self._presence and self._presence())

    def job(self, job_id: str) -> PrintJob | None:
        """A job submitted earlier, if still remembered."""
        return self._jobs.get(job_id)

    def submit(self, payload: Document | bytes, job_id: str) -> PrintJob:
        """Queue a receipt; an id already queued, printing or printed is not printed again."""
        with self._lock:
            known = self._jobs.get(job_id)
            if known is not None and known.state is not JobState.FAILED:
                return known
            job = PrintJob(job_id, payload)
            self._jobs[job_id] = job
            self._jobs.move_to_end(job_id)
            while len(self._jobs) > self._history:
                self._jobs.popitem(last=False)
        self._queue.put(job)
        return job

    def cancel_queued(self) -> int:
        """Fail every job still waiting (a technician clearing a stuck queue); the one
        printing now ends on its own. Returns how many were cancelled."""
        kept, cancelled = [], 0
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if isinstance(item, PrintJob):
                item.state = JobState.FAILED
                _settle(item.future, JobResult(item.job_id, JobState.FAILED,
                                               error="cancelled by a technician"))
                cancelled += 1
            else:
                kept.append(item)
        for item in kept:
            self._queue.put(item)
        return cancelled

    # -- worker ------------------------------------------------------------
    def _next(self) -> Any:
        """The next request; while idle, a status refresh every poll_s seconds."""
        try:
            return self._queue.get(timeout=self._poll_s or None)
        except queue.Empty:
            return Future()

    def _run(self) -> None:
        while (item := self._next()) is not None:
            outcome = self.supervisor.run(lambda item=item: self._serve(item))
            if isinstance(outcome, Fault):
                self._failed(item, outcome)

    def _serve(self, item: PrintJob | Future[PrinterStatus]) -> None:
        if isinstance(item, PrintJob):
            result = self._print(item)
            item.payload = b""              # the visitor's receipt is not kept in memory
            _settle(item.future, result)
        else:
            _settle(item, self._query())

    def _failed(self, item: PrintJob | Future[PrinterStatus], fault: Fault) -> None:
        """The request an unforeseen fault hit ends, with its cause; the link starts afresh."""
        self._disconnect()
        self._status = UNKNOWN
        if isinstance(item, PrintJob):
            item.payload = b""
            _settle(item.future, self._end(item, JobState.FAILED, UNKNOWN, UNKNOWN, 0,
                                           f"not printed: {fault}"))
        else:
            _settle(item, UNKNOWN)

    def _ensure_printer(self) -> Any:
        if self._printer is None:
            printer = self._connect()
            printer.open()
            self._printer = printer
        return self._printer

    def _disconnect(self) -> None:
        if self._printer is not None:
            try:
                self._printer.close()
            except Exception:   # closing a dead link must not stop the service
                log.debug("printer close failed", exc_info=True)
            self._printer = None

    def _query(self) -> PrinterStatus:
        try:
            was_out = self._status.paper_out
            self._status = query_status(self._ensure_printer(), self._timeout)
            if was_out and not self._status.unknown and not self._status.paper_out:
                self._since_paper = 0              # a new roll went in
        except Exception as exc:
            log.warning("printer status unavailable", extra={"cause": str(exc)})
            self._disconnect()
            self._status = UNKNOWN
        return self._status

    def _print(self, job: PrintJob) -> JobResult:
        job.state = JobState.PRINTING
        before = self._query()
        if not before.unknown and not before.ready:
            return self._end(job, JobState.FAILED, before, before, 0,
                             f"not printed: printer {before.reason}")
        data = job.payload if isinstance(job.payload, bytes) else self.renderer.render(job.payload)
        sent = 0
        try:
            printer = self._ensure_printer()
            for start in range(0, len(data), CHUNK):
                printer._raw(data[start:start + CHUNK])
                sent = min(len(data), start + CHUNK)
        except Exception as exc:
            self._disconnect()
            return self._end(job, JobState.FAILED, before, UNKNOWN, sent,
                             f"interrupted after {sent} of {len(data)} bytes: {exc}")
        if spooled(printer):
            self._disconnect()             # hands the job to the queue
        after = self._query()
        if not after.unknown and not after.ready:
            return self._end(job, JobState.FAILED, before, after, sent,
                             f"interrupted: printer {after.reason} during the job")
        return self._end(job, JobState.PRINTED, before, after, sent)

    def _end(self, job: PrintJob, state: JobState, before: PrinterStatus,
             after: PrinterStatus, sent: int, error: str = "") -> JobResult:
        job.state = state
        self._since_paper += state is JobState.PRINTED
        level = logging.INFO if state is JobState.PRINTED else logging.WARNING
        log.log(level, "print job ended", extra={"job": job.job_id, "state": state.value,
                                                 "bytes": sent, "error": error})
        return JobResult(job.job_id, state, before, after, sent, error)


def _settle(future: Future[T], value: T) -> None:
    """Give a future its value, unless it has one or its caller cancelled it meanwhile."""
    if future.done():
        return
    if future.running() or future.set_running_or_notify_cancel():
        future.set_result(value)
