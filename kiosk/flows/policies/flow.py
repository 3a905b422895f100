"""The policies flow as the screens use it: the handbook, "for you", print, questions.

Every rule is here and runs without a display: which policies are in force on
the terminal's clock, what a category or a search lists, what the list says
about its data while the platform is away, the summary slip, the question's
tracking number, promised date and slip, and the answer's lookup.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from kiosk.clock import CHINA
from kiosk.flows.base import VisitorFlow, day_values, parse_day, slip_language
from kiosk.flows.policies import handbook, questions
from kiosk.flows.policies.question_receipt import QuestionSlip
from kiosk.flows.policies.question_receipt import build as build_question_slip
from kiosk.flows.policies.receipt import PolicySlip
from kiosk.flows.policies.receipt import build as build_policy_slip
from kiosk.i18n import Text, raw
from kiosk.platform.identity import id_hash
from kiosk.receipts.handing import PrintOutcome, hand_over

if TYPE_CHECKING:
    from devices.printer.document import Document
    from kiosk.platform.outbox import Outcome
    from kiosk.platform.service import PlatformService

log = logging.getLogger(__name__)
Policy = dict[str, Any]
Delivery = Literal["sent", "queued", "refused"]
MAX_POLICIES = 1000


@dataclass
class Asked:
    """A question this visitor sent: what the slip prints and the screen shows."""

    tracking_number: str
    question: str
    policy_id: str
    policy_title: str
    asked_at: dt.datetime
    answer_by: dt.date
    phone: str = ""
    code: str = ""
    state: str = "sending"          # sending, sent, queued, refused


@dataclass
class PoliciesVisit:
    """What this visitor looked at, asked and looked up."""

    listing: str = ""               # "category", "search" or "for_you"
    category: str = ""
    text: str = ""
    policy: Policy = field(default_factory=dict)
    groups: tuple[str, ...] | None = None       # the card holder's key groups, once known
    asked: Asked | None = None
    answer: Answer | None = None


@dataclass(frozen=True)
class Answer:
    """What a lookup found: the words about it, and staff's answer as they wrote it."""

    words: Text
    number: str = ""
    answer: str = ""


class PoliciesFlow(VisitorFlow[PoliciesVisit]):
    """One terminal's policies flow, over the visitor session's visit."""

    visit_type = PoliciesVisit

    def today(self) -> dt.date:
        return self._today()

    # -- the handbook ---------------------------------------------------------------
    def policies(self) -> list[Policy]:
        """Every policy in force on the terminal's clock, newest first."""
        if self.platform is None:
            return []
        docs = self.platform.catalog.documents("policies", MAX_POLICIES)
        return handbook.current(docs, self.today())

    def categories(self) -> list[tuple[str, int]]:
        """(category, policies in force) in the handbook's order."""
        counted = handbook.counts(self.policies())
        return [(c, counted[c]) for c in handbook.CATEGORIES]

    def show_category(self, category: str) -> None:
        if category not in handbook.CATEGORIES:
            raise ValueError(f"policies: no category {category!r}")
        self.visit.listing, self.visit.category = "category", category

    def show_search(self, text: str) -> None:
        self.visit.listing, self.visit.text = "search", text.strip()

    def show_for_you(self) -> None:
        self.visit.listing = "for_you"

    def listed(self) -> list[Policy]:
        """What the list screen shows for the visitor's last choice."""
        visit, live = self.visit, self.policies()
        if visit.listing == "category":
            return [p for p in live if handbook.in_category(p, visit.category)]
        if visit.listing == "search":
            if not visit.text or self.platform is None:
                return []
            order = {pid: n for n, pid in
                     enumerate(self.platform.catalog.search_policies(visit.text))}
            return sorted((p for p in live if p.get("id") in order),
                          key=lambda p: order[p["id"]])
        if visit.listing == "for_you":
            return handbook.for_groups(live, set(visit.groups or ()))
        return []

    def list_title(self) -> Text:
        visit = self.visit
        if visit.listing == "category":
            return f"pol.cat.{visit.category}", {}
        if visit.listing == "search":
            return "pol.list.search", {"text": visit.text}
        return "pol.list.for_you", {}

    def list_note(self, found: int) -> Text:
        """The line above the list: how many, or why there are none."""
        visit = self.visit
        if found:
            return "pol.list.count", {"n": found}
        if visit.listing == "for_you":
            return ("pol.list.for_you_none" if visit.groups else "pol.list.for_you_no_groups",
                    {})
        return "pol.list.empty", {}

    def note(self) -> Text | None:
        """What the handbook must say about its data: nothing while the link is live;
        "as of <last sync>" while the platform is away or was never reached."""
        if self.platform is None:
            return "pol.unavailable", {}
        stamp = self.platform.catalog.data_as_of("policies")
        stale = stamp is None or self.platform.status.snapshot().get("reachable") is False
        if not stale:
            return None
        if stamp is None:
            return "pol.never_synced", {}
        when = dt.datetime.fromtimestamp(stamp, CHINA)
        return "pol.as_of", {"m": f"{when.month:02d}", "d": f"{when.day:02d}",
                             "time": when.strftime("%H:%M")}

    # -- one policy -------------------------------------------------------------------
    def open(self, policy_id: str) -> bool:
        """Open a policy in force (False when it is gone)."""
        for policy in self.policies():
            if policy.get("id") == policy_id:
                self.visit.policy = policy
                return True
        return False

    @property
    def policy(self) -> Policy:
        return self.visit.policy

    def issued_lines(self) -> tuple[Text, Text]:
        """Who issued it, and when (two lines: an issuer's name is long)."""
        p = self.policy
        return (("pol.detail.issuer", {"issuer": p.get("issued_by", "")}),
                ("pol.detail.date", day_values(parse_day(p.get("issued_at")))))

    def ends_line(self) -> Text | None:
        until = parse_day(self.policy.get("valid_until"))
        return ("pol.detail.until", day_values(until)) if until else None

    def summary_rows(self) -> list[tuple[str, Text]]:
        """The plain summary first: who, what, bring, where (empty ones left out)."""
        p = self.policy
        rows = [(f"pol.detail.{name}", raw(p.get(name))) for name in handbook.SUMMARY_FIELDS]
        return [(label, value) for label, value in rows if value[1].get("text")]

    def voice_policy(self) -> dict[str, object] | None:
        """What the policy screen says: its title and the plain summary (who, what,
        what to bring, where); the full text is for reading or the slip."""
        if not self.policy:
            return None
        return {"title": str(self.policy.get("title") or ""),
                "summary": [value for _label, value in self.summary_rows()]}

    def paragraphs(self) -> list[str]:
        """The full text, a paragraph at a time (the screen sets them large and spaced)."""
        body = str(self.policy.get("body") or self.policy.get("summary") or "")
        return [part.strip() for part in body.split("\n") if part.strip()]

    # -- "for you" -------------------------------------------------------------------
    def has_card(self) -> bool:
        return self.session.visit.card is not None and not self.session.visit.card_expired

    def load_groups(self, done: Callable[[bool], None]) -> None:
        """Ask the platform which key groups the card holder registered under (on a
        worker thread; only the hash of the number leaves the terminal); done(ok) on
        the UI thread. Once known they are kept for the visit."""
        card, platform, visit = self.session.visit.card, self.platform, self.visit
        if visit.groups is not None:
            self.ui.post(lambda: done(True))
            return
        if card is None or platform is None:
            self.ui.post(lambda: done(False))
            return
        number = card.number

        def run() -> None:
            groups = _groups(platform, number)

            def on_ui() -> None:
                if self.session.visit.state(PoliciesVisit) is not visit:
                    return                        # another visitor by now
                if groups is not None:
                    visit.groups = groups
                done(groups is not None)
            self.ui.post(on_ui)
        threading.Thread(target=run, name="policies-groups", daemon=True).start()

    # -- printing ----------------------------------------------------------------------
    def can_print(self) -> bool:
        return self.desk is not None and self.desk.can_print()

    def policy_slip(self, lang: str) -> Document | None:
        if not self.policy:
            return None
        return build_policy_slip(PolicySlip.of(self.policy), self._stamp(), slip_language(lang))

    def print_policy(self, lang: str, done: Callable[[PrintOutcome], None]) -> None:
        """Print the open policy's summary (one slip per policy per visit)."""
        pid = str(self.policy.get("id", ""))
        self._print(self.policy_slip(lang), f"policy-{pid}-{self.session.visit.id}", done)

    def question_slip(self, lang: str) -> Document | None:
        asked = self.visit.asked
        if asked is None:
            return None
        slip = QuestionSlip(asked.tracking_number, asked.asked_at.strftime("%Y-%m-%d %H:%M"),
                            asked.answer_by.isoformat(), asked.question, asked.policy_title,
                            questions.mask_phone(asked.phone) if asked.phone else "",
                            asked.code)
        return build_question_slip(slip, self._stamp(), slip_language(lang))

    def print_question(self, lang: str, done: Callable[[PrintOutcome], None]) -> None:
        asked = self.visit.asked
        number = asked.tracking_number if asked else ""
        self._print(self.question_slip(lang), f"question-{number}", done)

    def _print(self, doc: Document | None, print_id: str,
               done: Callable[[PrintOutcome], None]) -> None:
        hand_over(self.desk, self.ui, doc, print_id, "pol.print", self.staff_desk, done)

    # -- asking a question -----------------------------------------------------------------
    @staticmethod
    def common_questions() -> list[Text]:
        return [(f"pol.common.{i}", {}) for i in range(questions.COMMON)]

    def check_question(self, text: str, phone: str) -> Text | None:
        """Why the question cannot be sent as it is (None: it can)."""
        if not text.strip():
            return "pol.ask.need_text", {}
        if len(text.strip()) > questions.MAX_QUESTION:
            return "pol.ask.too_long", {"n": questions.MAX_QUESTION}
        if phone and not questions.valid_mobile(phone):
            return "pol.ask.bad_phone", {}
        if self.platform is None:
            return "pol.ask.unavailable", {"desk": self.staff_desk}
        return None

    def promised_date(self, asked: dt.date) -> dt.date:
        calendar = (self.platform.catalog.documents("calendar", 100)
                    if self.platform is not None else [])
        return questions.promised(asked, calendar)

    def ask(self, text: str, phone: str, done: Callable[[Delivery], None]) -> Text | None:
        """Store the question in the outbox (exactly once: one per visit until it is
        answered for, the idempotency key does the rest) and say at once what the slip
        says; done(state) runs on the UI thread with "sent" or "queued". Returns the
        words to show instead when it cannot be sent."""
        problem = self.check_question(text, phone)
        platform = self.platform
        if problem is not None or platform is None:
            return problem or ("pol.ask.unavailable", {"desk": self.staff_desk})
        visit = self.visit
        if visit.asked is not None and visit.asked.state == "sending":
            return None                                   # a second tap sends nothing
        now = self._now()
        policy = visit.policy
        asked = Asked(questions.tracking_number(now.date()), text.strip(),
                      str(policy.get("id") or ""), str(policy.get("title") or ""), now,
                      self.promised_date(now.date()), phone,
                      "" if phone else questions.slip_code())
        visit.asked = asked
        body: dict[str, Any] = {"tracking_number": asked.tracking_number,
                                "asked_at": now.isoformat(timespec="seconds"),
                                "lang": slip_language(self.session.visit.language)}
        if asked.policy_id:
            body["policy_id"] = asked.policy_id
        personal: dict[str, Any] = {"question": asked.question}
        personal.update({"phone": phone} if phone else {"code": asked.code})
        card = self.session.visit.card
        if card is not None and card.number:
            personal["id_hash"] = id_hash(card.number)

        def delivered(outcome: Outcome) -> None:
            state: Delivery = (outcome.state if outcome.state in ("sent", "queued")
                               else "refused")
            ack = outcome.response if isinstance(outcome.response, dict) else {}

            def on_ui() -> None:
                if self.session.visit.state(PoliciesVisit) is not visit:
                    return
                asked.state = state
                due = parse_day(ack.get("answer_by"))
                if state == "sent" and due is not None:
                    asked.answer_by = due               # the platform's record is the promise
                done(state)
            self.ui.post(on_ui)
        platform.submit_in_background("policy_question", body, personal, delivered)
        return None

    def asked_message(self) -> Text:
        """What the screen says about the question once stored."""
        asked = self.visit.asked
        if asked is None:
            return "pol.ask.sending", {}
        if asked.state == "refused":
            return "pol.asked.refused", {"desk": self.staff_desk}
        key = "pol.asked.queued" if asked.state == "queued" else "pol.asked.sent"
        return key, day_values(asked.answer_by)

    # -- looking an answer up ------------------------------------------------------------
    def look_up(self, number_text: str, secret: str,
                done: Callable[[Answer], None]) -> Text | None:
        """Ask the platform for the answer (worker thread); done(words) on the UI thread.
        Returns the words to show at once when the input cannot be a question's."""
        number = questions.typed_number(number_text)
        secret = "".join(c for c in secret if c.isdigit())
        if number is None:
            return "pol.lookup.bad_number", {}
        if len(secret) not in (6, 11):
            return "pol.lookup.bad_secret", {}
        platform, visit = self.platform, self.visit
        if platform is None:
            return "pol.lookup.unreachable", {"desk": self.staff_desk}

        def run() -> None:
            words = _answer_text(platform, number, secret, self.staff_desk)

            def on_ui() -> None:
                if self.session.visit.state(PoliciesVisit) is visit:
                    visit.answer = words
                    done(words)
            self.ui.post(on_ui)
        threading.Thread(target=run, name="policies-answer", daemon=True).start()
        return None


def _groups(platform: PlatformService, number: str) -> tuple[str, ...] | None:
    """The registered key groups (() when not registered); None without an answer."""
    from kiosk.platform.errors import PlatformError

    try:
        found = platform.lookup(number)
    except PlatformError as exc:
        log.info("policies: no lookup answer", extra={"error": type(exc).__name__})
        return None
    except Exception:  # noqa: BLE001 - a worker thread has nobody to raise to
        log.exception("policies: lookup failed")
        return None
    registration = found.get("registration") if isinstance(found, dict) else None
    groups = registration.get("key_groups") if isinstance(registration, dict) else None
    return tuple(str(g) for g in groups) if isinstance(groups, list) else ()


def _answer_text(platform: PlatformService, number: str, secret: str, desk: str) -> Answer:
    from kiosk.platform.errors import PlatformError, Refused

    unreachable = Answer(("pol.lookup.unreachable", {"desk": desk}))
    try:
        found = platform.ask("/policy-questions/status",
                             {"tracking_number": number, "secret": secret})
    except Refused as exc:
        if exc.status == 404:
            return Answer(("pol.lookup.not_found", {}))
        log.info("policies: lookup refused", extra={"error": type(exc).__name__})
        return unreachable
    except PlatformError as exc:
        log.info("policies: no answer", extra={"error": type(exc).__name__})
        return unreachable
    if not isinstance(found, dict):
        return unreachable
    if found.get("status") == "answered" and found.get("answer"):
        return Answer(("pol.lookup.answered", {}), number, str(found["answer"]))
    return Answer(("pol.lookup.waiting", day_values(parse_day(found.get("answer_by")))), number)


