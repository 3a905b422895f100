"""The complaints flow as the screens use it: file, the slip, look up, rate.

Every rule runs without a display: what a complaint needs before it can be sent,
its tracking number and promised date, the honest word about delivery ("sent" only
when the platform acknowledged, else "saved, will be sent"), the slip and its QR
fallback, the status steps a lookup shows (overdue said plainly), and the rating
offered after a service (one per service per visit, skippable).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from kiosk.flows.base import VisitorFlow, day_values, parse_day, slip_language
from kiosk.flows.complaints import filing
from kiosk.flows.complaints.receipt import ComplaintReceipt, summary
from kiosk.flows.complaints.receipt import build as build_slip
from kiosk.i18n import Text
from kiosk.platform.identity import id_hash
from kiosk.receipts.handing import PrintOutcome, hand_over

if TYPE_CHECKING:
    from devices.printer.document import Document
    from kiosk.platform.outbox import Outcome
    from kiosk.platform.service import PlatformService

log = logging.getLogger(__name__)
Delivery = Literal["sent", "queued", "refused"]
STEPS = ("received", "in_progress", "answered", "closed")
GRADES = (5, 4, 3, 2, 1)                 # 非常满意 … 非常不满意, best first on screen
ASK_WHY_BELOW = 3                        # 不满意 and 非常不满意 ask why
WHY = ("speed", "attitude", "competence", "unsolved", "terminal")
SERVICES = ("jobs_print", "registration", "unemployment", "booking", "checkin",
            "complaint", "assessment", "policy", "desk")
DESK_SERVICES = ("registration", "unemployment", "jobs", "guidance", "insurance", "other")
MAX_COMMENT = 200


@dataclass
class Filed:
    """A complaint this visitor filed: what the slip prints and the screen shows."""

    tracking_number: str
    kind: str
    about: str
    about_title: str
    text: str
    filed_at: dt.datetime
    answer_by: dt.date
    phone: str = ""
    state: str = "sending"          # sending, sent, queued, refused


@dataclass(frozen=True)
class Found:
    """A lookup's answer: the words about it, the steps reached, staff's reply."""

    words: Text
    number: str = ""
    status: str = ""
    department: str = ""
    reply: str = ""
    overdue: bool = False
    due_by: dt.date | None = None


@dataclass(frozen=True)
class Offer:
    """A rating offered after a service: what is rated, the id it is tied to, where
    the visitor goes on, and a line about the service just done (e.g. "printed")."""

    service: str
    ref: str = ""
    back_to: str = "home"
    note: Text | None = None
    desk: str = ""


@dataclass
class ComplaintsVisit:
    """What this visitor is filing, filed, looked up and rated."""

    kind: str = "complaint"
    about: str = "service"
    about_ref: str = ""
    about_title: str = ""
    reasons: set[str] = field(default_factory=set)
    when: str = "today"
    anonymous: bool = False
    filed: Filed | None = None
    found: Found | None = None
    offer: Offer | None = None
    score: int = 0
    why: set[str] = field(default_factory=set)
    rated: set[str] = field(default_factory=set)       # services rated or skipped


class ComplaintsFlow(VisitorFlow[ComplaintsVisit]):
    """One terminal's complaints and ratings, over the visitor session's visit."""

    visit_type = ComplaintsVisit

    # -- what is being filed ------------------------------------------------------------
    def start(self, kind: str = "complaint", about: str = "service", ref: str = "",
              title: str = "") -> None:
        """Begin a new complaint (a posting's report names the posting)."""
        visit = self.visit
        visit.kind, visit.about, visit.about_ref, visit.about_title = kind, about, ref, title
        visit.reasons, visit.when, visit.anonymous = set(), "today", False

    def report_posting(self, job_id: str, title: str) -> None:
        self.start("report", "posting", job_id, title)

    def choose_kind(self, kind: str) -> None:
        if kind not in filing.KINDS:
            raise ValueError(f"complaints: no kind {kind!r}")
        self.visit.kind = kind

    def choose_about(self, about: str) -> None:
        if about not in filing.ABOUTS:
            raise ValueError(f"complaints: nothing to be about {about!r}")
        self.visit.about, self.visit.about_ref, self.visit.about_title = about, "", ""

    def reasons(self) -> tuple[str, ...]:
        """The common reasons offered for what is being filed."""
        return filing.REPORT_REASONS if self.visit.about == "posting" else filing.REASONS

    def toggle_reason(self, code: str) -> None:
        reasons = self.visit.reasons
        reasons.symmetric_difference_update({code})

    def choose_when(self, when: str) -> None:
        if when not in filing.WHEN:
            raise ValueError(f"complaints: no time {when!r}")
        self.visit.when = when

    def set_anonymous(self, anonymous: bool) -> None:
        self.visit.anonymous = anonymous

    def check(self, text: str, phone: str) -> Text | None:
        """Why it cannot be sent as it is (None: it can)."""
        visit = self.visit
        if not text.strip() and not visit.reasons:
            return "fb.file.need_text", {}
        if len(text.strip()) > filing.MAX_TEXT:
            return "fb.file.too_long", {"n": filing.MAX_TEXT}
        if not visit.anonymous and not filing.valid_mobile(phone):
            return "fb.file.need_phone", {}
        if self.platform is None:
            return "fb.file.unavailable", {"desk": self.staff_desk}
        return None

    def promised_date(self, day: dt.date) -> dt.date:
        calendar = (self.platform.catalog.documents("calendar", 100)
                    if self.platform is not None else [])
        return filing.promised(day, calendar)

    def _written(self, text: str, tr: Callable[[str, str], str]) -> str:
        """What the platform gets: the reasons chosen (in Chinese, the staff's
        language) then what was typed."""
        reasons = [tr(f"fb.reason.{r}", "zh") for r in self.reasons() if r in self.visit.reasons]
        parts = ["；".join(reasons)] if reasons else []
        if text.strip():
            parts.append(text.strip())
        return "\n".join(parts)

    def file(self, text: str, phone: str, tr: Callable[[str, str], str],
             done: Callable[[Delivery], None]) -> Text | None:
        """Store the complaint in the outbox (exactly once: the idempotency key does the
        rest) and make its number and date at once; done(state) on the UI thread.
        Returns the words to show instead when it cannot be sent."""
        phone = "".join(c for c in phone if c.isdigit())
        problem = self.check(text, phone)
        platform = self.platform
        if problem is not None or platform is None:
            return problem or ("fb.file.unavailable", {"desk": self.staff_desk})
        visit = self.visit
        if visit.filed is not None and visit.filed.state == "sending":
            return None                                   # a second tap sends nothing
        now, wipes = self._now(), self._wipes
        lang = slip_language(self.session.visit.language)
        written = self._written(text, tr)
        phone = "" if visit.anonymous else phone
        filed = Filed(filing.tracking_number(now.date()), visit.kind, visit.about,
                      visit.about_title, written, now, self.promised_date(now.date()), phone)
        visit.filed = filed
        body: dict[str, Any] = {"category": visit.kind, "tracking_number": filed.tracking_number,
                                "filed_at": now.isoformat(timespec="seconds"),
                                "about": visit.about, "lang": lang,
                                "reasons": sorted(visit.reasons)}
        if visit.about_ref:
            body["about_ref"] = visit.about_ref
        day = filing.happened_on(visit.when, now.date())
        if day is not None:
            body["happened_on"] = day.isoformat()
        personal: dict[str, Any] = {"text": written}
        if phone:
            personal["phone"] = phone
        card = self.session.visit.card
        if card is not None and card.number:
            personal["id_hash"] = id_hash(card.number)   # tied to the visitor's record

        def delivered(outcome: Outcome) -> None:
            state: Delivery = (outcome.state if outcome.state in ("sent", "queued")
                               else "refused")
            ack = outcome.response if isinstance(outcome.response, dict) else {}

            def on_ui() -> None:
                if not self._still(visit, wipes):
                    return
                filed.state = state
                if state == "sent":                 # the platform's record is the promise
                    filed.tracking_number = str(ack.get("tracking_number")
                                                or filed.tracking_number)
                    filed.answer_by = parse_day(ack.get("due_by")) or filed.answer_by
                done(state)
            self.ui.post(on_ui)
        platform.submit_in_background("complaint", body, personal, delivered)
        return None

    def filed_message(self) -> Text:
        """What the screen says once it is stored: received, or saved and sent later;
        anonymous ones are told there is no follow-up."""
        filed = self.visit.filed
        if filed is None:
            return "fb.filed.sending", {}
        if filed.state == "refused":
            return "fb.filed.refused", {"desk": self.staff_desk}
        key = "fb.filed.queued" if filed.state == "queued" else "fb.filed.sent"
        return key, day_values(filed.answer_by)

    def follow_up(self) -> Text:
        filed = self.visit.filed
        if filed is not None and not filed.phone:
            return "fb.filed.anonymous", {}
        return "fb.filed.lookup", {"phone": filing.mask_phone(filed.phone) if filed else ""}

    # -- the slip ----------------------------------------------------------------------------
    def can_print(self) -> bool:
        return self.desk is not None and self.desk.can_print()

    def slip(self, lang: str, tr: Callable[[str, str], str]) -> Document | None:
        filed = self.visit.filed
        if filed is None:
            return None
        lang = slip_language(lang)
        about = filed.about_title or tr(f"fb.about.{filed.about}", lang)
        receipt = ComplaintReceipt(
            filed.tracking_number, tr(f"fb.kind.{filed.kind}", lang),
            filed.filed_at.strftime("%Y-%m-%d %H:%M"), filed.answer_by.isoformat(), about,
            summary(filed.text), filing.mask_phone(filed.phone) if filed.phone else "",
            filed.state != "sent")
        return build_slip(receipt, self._stamp(), lang)

    def print_slip(self, lang: str, tr: Callable[[str, str], str],
                   done: Callable[[PrintOutcome], None]) -> None:
        filed = self.visit.filed
        number = filed.tracking_number if filed else ""
        hand_over(self.desk, self.ui, self.slip(lang, tr), f"complaint-{number}",
                  "fb.print", self.staff_desk, done)

    def qr_text(self) -> str:
        """What the QR fallback carries when there is no paper: the number and the date
        (a phone's camera shows it as text to keep)."""
        filed = self.visit.filed
        if filed is None:
            return ""
        return f"{filed.tracking_number} {filed.answer_by.isoformat()}"

    # -- looking it up ---------------------------------------------------------------------
    def look_up(self, number_text: str, phone: str,
                done: Callable[[Found], None]) -> Text | None:
        """Ask the platform where it stands (worker thread); done(found) on the UI
        thread. Returns the words to show at once when the input cannot be right."""
        number = filing.typed_number(number_text)
        phone = "".join(c for c in phone if c.isdigit())
        if number is None:
            return "fb.lookup.bad_number", {}
        if not filing.valid_mobile(phone):
            return "fb.lookup.bad_phone", {}
        platform, visit, wipes = self.platform, self.visit, self._wipes
        if platform is None:
            return "fb.lookup.unreachable", {"desk": self.staff_desk}

        def run() -> None:
            found = _status(platform, number, phone, self.staff_desk)

            def on_ui() -> None:
                if self._still(visit, wipes):
                    visit.found = found
                    done(found)
            self.ui.post(on_ui)
        threading.Thread(target=run, name="complaint-status", daemon=True).start()
        return None

    @staticmethod
    def steps(found: Found) -> list[tuple[str, bool]]:
        """(step, reached) for received → in progress → answered → closed."""
        if found.status not in STEPS:
            return []
        reached = STEPS.index(found.status)
        return [(step, i <= reached) for i, step in enumerate(STEPS)]

    # -- ratings ---------------------------------------------------------------------------
    def offer(self, service: str, ref: str = "", back_to: str = "home",
              note: Text | None = None, desk: str = "") -> bool:
        """Offer a rating for a service just done; False when this service was rated
        (or skipped) in this visit already, or there is no link to send it."""
        visit = self.visit
        if service not in SERVICES:
            raise ValueError(f"ratings: no service {service!r}")
        if self._key(service, desk) in visit.rated or self.platform is None:
            return False
        visit.offer, visit.score, visit.why = Offer(service, ref, back_to, note, desk), 0, set()
        return True

    @staticmethod
    def _key(service: str, desk: str) -> str:
        return f"{service}:{desk}" if desk else service

    def choose_grade(self, score: int) -> None:
        if score not in GRADES:
            raise ValueError(f"ratings: no grade {score}")
        self.visit.score = score
        if score >= ASK_WHY_BELOW:
            self.visit.why = set()

    def asks_why(self) -> bool:
        return 0 < self.visit.score < ASK_WHY_BELOW

    def toggle_why(self, code: str) -> None:
        self.visit.why.symmetric_difference_update({code})

    def send_rating(self, comment: str = "") -> str:
        """Store the rating in the outbox (tied to the service and its id, not to the
        person); returns the screen to go on to."""
        visit, offer = self.visit, self.visit.offer
        if offer is None or not visit.score or self.platform is None:
            return offer.back_to if offer else "home"
        body: dict[str, Any] = {"service": offer.service, "score": visit.score,
                                "lang": slip_language(self.session.visit.language)}
        if offer.ref:
            body["ref"] = offer.ref
        if offer.desk:
            body["desk"] = offer.desk
        if self.asks_why():
            body["reasons"] = sorted(visit.why)
            if comment.strip():
                body["comment"] = comment.strip()[:MAX_COMMENT]
        visit.rated.add(self._key(offer.service, offer.desk))
        self.platform.submit_in_background("rating", body, None, lambda _o: None)
        visit.offer = None
        return offer.back_to

    def skip_rating(self) -> str:
        """No rating: never asked again for this service in this visit."""
        visit, offer = self.visit, self.visit.offer
        if offer is None:
            return "home"
        visit.rated.add(self._key(offer.service, offer.desk))
        visit.offer = None
        return offer.back_to


def _status(platform: PlatformService, number: str, phone: str, desk: str) -> Found:
    from kiosk.platform.errors import PlatformError, Refused

    unreachable = Found(("fb.lookup.unreachable", {"desk": desk}))
    try:
        doc = platform.complaint_status(number, phone)
    except Refused as exc:
        if exc.status == 404:
            return Found(("fb.lookup.not_found", {}))
        if exc.status == 429:
            return Found(("fb.lookup.too_many", {}))
        log.info("complaints: lookup refused", extra={"error": type(exc).__name__})
        return unreachable
    except PlatformError as exc:
        log.info("complaints: no answer", extra={"error": type(exc).__name__})
        return unreachable
    if not isinstance(doc, dict) or doc.get("status") not in STEPS:
        return unreachable
    state, due = str(doc["status"]), parse_day(doc.get("due_by"))
    overdue = bool(doc.get("overdue"))
    words: Text
    if overdue:
        words = "fb.lookup.overdue", day_values(due)
    elif state in ("answered", "closed"):
        words = f"fb.lookup.{state}", {}
    else:
        words = f"fb.lookup.{state}", day_values(due)
    return Found(words, number, state, str(doc.get("department") or ""),
                 str(doc.get("reply") or ""), overdue, due)


