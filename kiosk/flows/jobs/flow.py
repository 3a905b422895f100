"""The find-a-job flow as the screens use it: listing, detail, slip, interest.

The screens show what this says and turn taps into calls on it; every rule
of the flow is here and runs without a display: what the list holds, when
its data is too old to show without saying so, whether a slip can be
printed, the slip's print id, and how an interest's delivery is reported.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from kiosk.clock import CHINA
from kiosk.flows.base import VisitorFlow, slip_language
from kiosk.flows.jobs.interest import express_interest
from kiosk.flows.jobs.present import (
    date_text,
    mask_phone,
    posted_text,
    type_key,
    valid_mobile,
    validity_text,
)
from kiosk.flows.jobs.query import EDUCATION_KEYS, JobQuery
from kiosk.flows.jobs.receipt import build as build_slip
from kiosk.flows.jobs.slip import slip_for
from kiosk.i18n import Text, raw
from kiosk.platform.search import COUNT_CAP
from kiosk.receipts.desk import ReceiptLimitReached
from kiosk.receipts.handing import PrintOutcome

if TYPE_CHECKING:
    from devices.printer.document import Document
    from devices.printer.escpos_render import Renderer
    from devices.printer.service import PrintJob
    from kiosk.platform.outbox import Outcome
    from kiosk.platform.search import SearchResult

log = logging.getLogger(__name__)
PAGE = 20
Job = dict[str, Any]
InterestState = Literal["sent", "queued", "refused"]


@dataclass
class JobsVisit:
    """What this visitor narrowed the list to and the posting they opened."""

    query: JobQuery = field(default_factory=JobQuery)
    job: Job = field(default_factory=dict)


class JobsFlow(VisitorFlow[JobsVisit]):
    """One terminal's find-a-job flow, over the visitor session's visit."""

    visit_type = JobsVisit

    @property
    def renderer(self) -> Renderer | None:
        return self.core.printer.renderer if self.core.printer is not None else None

    # -- the list ---------------------------------------------------------
    @property
    def query(self) -> JobQuery:
        return self.visit.query

    def set_query(self, query: JobQuery) -> None:
        self.visit.query = query

    def search(self, offset: int = 0) -> SearchResult | None:
        """A page of the visitor's query from the catalog cache; None without a platform."""
        if self.platform is None:
            return None
        q = self.query
        return self.platform.search(q.text, q.filters, q.sort, PAGE, offset=offset)

    def counts(self, column: str) -> dict[str, int]:
        """Live postings per group (or district) under the visitor's other choices."""
        if self.platform is None:
            return {}
        query = self.query.with_filter(column, None)
        return self.platform.catalog.counts(query.text, query.filters).get(column, {})

    @staticmethod
    def count_text(total: int, capped: bool = False) -> Text:
        """The figure a screen shows for a number of postings. A search stops counting
        at the cap (one character can match most of a city's catalog), so wherever a
        count passes it, the list and the group screen alike say "1000+"."""
        if capped or total > COUNT_CAP:
            return "jobs.at_least", {"n": COUNT_CAP}
        return "jobs.raw_n", {"n": total}

    def data_as_of(self) -> float | None:
        return self.platform.catalog.data_as_of() if self.platform is not None else None

    def note(self, stamp: float | None) -> Text | None:
        """What the list must say about its data: nothing while it is live.

        With no platform link, or a link that is down, or no data yet, the
        visitor is told how old the postings are (or that there are none yet).
        """
        if self.platform is None:
            return "jobs.unavailable", {}
        stale = stamp is None or self.platform.status.snapshot().get("reachable") is False
        if not stale:
            return None
        if stamp is None:
            return "jobs.never_synced", {}
        when = dt.datetime.fromtimestamp(stamp, CHINA)
        return "jobs.as_of", {"m": f"{when.month:02d}", "d": f"{when.day:02d}",
                              "time": when.strftime("%H:%M")}

    def posted(self, job: Job) -> Text:
        """When a card's posting appeared, counted on the terminal's clock."""
        return posted_text(job, self.clock.now().astimezone(CHINA).date())

    # -- one posting --------------------------------------------------------
    def open(self, job_id: str) -> bool:
        """Open a posting from the cache (False when it is gone)."""
        job = self.platform.catalog.job(job_id) if self.platform is not None else None
        if job is None:
            return False
        self.visit.job = job
        return True

    @property
    def job(self) -> Job:
        """The posting the visitor opened ({} when none)."""
        return self.visit.job

    def detail_rows(self) -> list[tuple[str, Text]]:
        """(label key, value) in the order of DB11 5.3.2.3 b, then dates; empty ones left out."""
        job = self.job
        if not job:
            return []
        edu = job.get("education", "")
        rows: list[tuple[str, Text]] = [
            ("jobs.f.headcount", ("jobs.people", {"n": job.get("headcount", 1)})),
            ("jobs.f.type", (type_key(job), {})),
            ("jobs.f.education", (f"jobs.edu.{EDUCATION_KEYS[edu]}", {})
             if edu in EDUCATION_KEYS else raw(edu)),
            ("jobs.f.duties", raw(job.get("duties"))),
            ("jobs.f.requirements", raw(job.get("requirements"))),
            ("jobs.f.pay", raw(job.get("pay_text"))),
            ("jobs.f.benefits", raw(job.get("benefits"))),
            ("jobs.f.contact", raw(job.get("contact_name"))),
            ("jobs.f.phone", raw(job.get("contact_phone"))),
            ("jobs.f.email", raw(job.get("contact_email"))),
            ("jobs.f.address", raw(" ".join(p for p in (job.get("district"),
                                                      job.get("address")) if p))),
            ("jobs.f.posted", date_text(job.get("posted_at"))),
            ("jobs.f.valid", validity_text(job)),
        ]
        return [(label, value) for label, value in rows if not _empty(value)]

    def voice_job(self) -> dict[str, object] | None:
        """What the detail screen says of the open posting (kiosk/speech normalises the
        pay into words); None when none is open."""
        job = self.job
        if not job:
            return None
        return {k: job.get(src) or "" for k, src in
                (("title", "title"), ("company", "company"), ("pay", "pay_text"))}

    # -- the slip -------------------------------------------------------------
    def can_print(self) -> bool:
        """Whether a slip can be printed now (allowance left, printer not known down)."""
        return self.desk is not None and self.desk.can_print()

    def slip(self, lang: str) -> Document | None:
        """The open posting's slip in the visitor's language, stamped with hall and time."""
        if not self.job:
            return None
        return build_slip(slip_for(self.job), self._stamp(), slip_language(lang))

    def render_preview(self, doc: Document, done: Callable[[bytes], None]) -> None:
        """PNG of the paper from the printer's own bytes, made off the UI thread."""
        if self.renderer is None:
            return
        renderer = self.renderer

        def run() -> None:
            try:
                data = _png(doc, renderer)
            except Exception:  # noqa: BLE001 - no preview is no reason to stop printing
                log.exception("slip preview failed")
                return
            self.ui.post(lambda: done(data))
        threading.Thread(target=run, name="slip-preview", daemon=True).start()

    def print_id(self) -> str:
        """One print id per posting per visit: a retry never prints twice, the next
        visitor asking for the same posting gets a slip of their own."""
        return f"job-{self.job.get('id', '')}-{self.session.visit.id}"

    def print_slip(self, doc: Document | None) -> PrintJob | Text:
        """Send the slip to the printer; the words to show instead when it cannot go."""
        if self.desk is None or doc is None or not self.desk.can_print():
            return "jobs.print.unavailable", {}
        try:
            return self.desk.print(doc, self.print_id())
        except ReceiptLimitReached:
            return "jobs.print.limit", {}

    @staticmethod
    def print_outcome(job: PrintJob, known: Callable[[str], bool]) -> PrintOutcome | None:
        """None while printing; then printed, or the reason in words (known(key) tells
        which reasons have words of their own)."""
        if not job.done():
            return None
        result = job.result()
        if result.state.value == "printed":
            return PrintOutcome(True, ("jobs.print.done", {}))
        log.warning("job slip not printed", extra={"reason": result.after.reason,
                                                   "error": result.error})
        key = f"jobs.print.failed.{result.after.reason}"
        return PrintOutcome(False, (key if known(key) else "jobs.print.failed", {}))

    # -- interest -------------------------------------------------------------
    def send_interest(self, phone: str | None,
                      done: Callable[[InterestState, Text], None]) -> Text | None:
        """Tell the employer; the words to show at once when it cannot be sent.

        The submission is stored before this returns; done(state, words) then
        runs on the UI thread with "sent" or "queued" (saved, sent when the
        link is back) — never "failed, try again", which makes people send twice.
        """
        if phone is not None and not valid_mobile(phone):
            return "jobs.interest.bad_phone", {}      # "with my phone", and no good number
        if self.platform is None:
            return "jobs.interest.unavailable", {}
        shown = mask_phone(phone) if phone else ""

        def delivered(outcome: Outcome) -> None:
            state: InterestState = (outcome.state if outcome.state in ("sent", "queued")
                                    else "refused")
            key = f"jobs.interest.{state}" + ("_phone" if shown else "")
            self.ui.post(lambda: done(state, (key, {"phone": shown})))
        express_interest(self.platform, self.job.get("id", ""), self.session.visit.card,
                         phone or "", delivered)
        return None


def _empty(value: Text) -> bool:
    key, values = value
    return key == "raw" and not values.get("text")


def _png(doc: Document, renderer: Renderer) -> bytes:
    from devices.printer.preview import preview

    out = io.BytesIO()
    preview(doc, renderer).save(out, format="PNG")
    return out.getvalue()
