"""The career-interest self-assessment (职业兴趣自评) as the screens use it.

One question a screen, answered with one of five worded steps; back goes to the
previous question with its answer shown (a new tap replaces it); pause keeps the
answers only while the visitor's session lasts. The report says what the answers
add up to and where to go next: the job list filtered to a group that fits, a
guidance session, the staff desk. It is printed, or carried to the visitor's phone
in a QR code that holds the result itself.

Confidential (G 6.2): the answers and the result live in the visit only, and go to
the platform only when the visitor asks to keep them in their record after a card
read and a consent line, through the outbox (delivered once, even when the platform
is away at the time). Nothing of them is logged: the state's repr leaves them out.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from kiosk.flows.assessment import groups as fit
from kiosk.flows.assessment.inventory import ANSWERS, ITEMS, TYPE_MAX, Item
from kiosk.flows.assessment.payload import platform_result, qr_text
from kiosk.flows.assessment.receipt import ReportData
from kiosk.flows.assessment.receipt import build as build_report
from kiosk.flows.assessment.scoring import AssessmentError, Result, score
from kiosk.flows.base import VisitorFlow, slip_language
from kiosk.flows.jobs.flow import JobsVisit
from kiosk.flows.jobs.query import JobQuery
from kiosk.i18n import Text, raw
from kiosk.platform.identity import id_hash
from kiosk.platform.search import JobFilters
from kiosk.receipts.handing import PrintOutcome, hand_over

if TYPE_CHECKING:

    from devices.printer.document import Document
    from kiosk.platform.outbox import Outcome

__all__ = ["AssessmentError", "AssessmentFlow", "AssessmentVisit", "PrintOutcome",
           "Question"]

log = logging.getLogger(__name__)
Delivery = Literal["", "sending", "sent", "queued", "refused"]
SaveState = Literal["no_result", "no_card", "expired", "ready", "sending", "sent",
                    "queued", "refused"]


@dataclass
class AssessmentVisit:
    """What the flow holds of one visitor: answers by question key and where they are.
    Wiped with the visit; a fresh one equals another (nothing held)."""

    answers: dict[str, int] = field(default_factory=dict, repr=False)
    position: int = 0
    paused: bool = False
    finished: bool = False
    saved: str = field(default="", repr=False)      # the outbox key, once asked to keep
    save_outcome: Delivery = ""
    print_count: int = 0


@dataclass(frozen=True)
class Question:
    """The question on the glass: where it stands, its words' keys, the answer held."""

    index: int                      # 0-based
    count: int
    item: Item
    chosen: int | None

    @property
    def activity(self) -> Text:
        return f"as.item.{self.item.activity}", {}

    @property
    def asks(self) -> Text:
        return f"as.ask.{self.item.part}", {}

    @property
    def part(self) -> Text:
        return f"as.part.{self.item.part}", {}

    @property
    def progress(self) -> Text:
        return "as.progress", {"n": self.index + 1, "count": self.count}

    def answers(self) -> list[tuple[int, Text]]:
        """The five steps, lowest first, each with its words."""
        return [(v, (f"as.answer.{self.item.part}.{v}", {})) for v in ANSWERS]


class AssessmentFlow(VisitorFlow[AssessmentVisit]):
    """One terminal's self-assessment flow, over the visitor session's visit; "start
    again" and "end" forget the answers, so results on their way for them drop."""

    visit_type = AssessmentVisit

    # -- going through the questions -------------------------------------------
    def start(self) -> str:
        """The screen the tile opens: the introduction (which offers to go on when
        answers are held)."""
        return "as_intro"

    def in_progress(self) -> bool:
        """Whether answers are held (the introduction offers "go on" and "start again")."""
        return bool(self.visit.answers)

    def begin(self) -> str:
        """Start from the first question with nothing answered; returns the screen."""
        self._forget()
        return "as_item"

    def resume(self) -> str:
        """Go on where the visitor was: the report once every question is answered."""
        visit = self.visit
        visit.paused = False
        return "as_report" if visit.finished else "as_item"

    def question(self) -> Question:
        visit = self.visit
        index = min(visit.position, len(ITEMS) - 1)
        item = ITEMS[index]
        return Question(index, len(ITEMS), item, visit.answers.get(item.key))

    def answer(self, value: int) -> str:
        """Record the answer to the question shown and move on; returns the next screen
        (the report after the last question)."""
        if value not in ANSWERS:
            raise AssessmentError(f"assessment: no answer step {value!r}")
        visit = self.visit
        item = ITEMS[min(visit.position, len(ITEMS) - 1)]
        visit.answers[item.key] = value
        visit.position += 1
        if visit.position >= len(ITEMS):
            visit.finished = True
            return "as_report"
        return "as_item"

    def back(self) -> str:
        """The previous question, its answer shown; from the first, the introduction."""
        visit = self.visit
        if visit.position == 0:
            return "as_intro"
        visit.position = min(visit.position, len(ITEMS)) - 1
        visit.finished = False        # the report waits until the last question again
        return "as_item"

    def pause(self) -> str:
        self.visit.paused = True
        return "as_pause"

    def pause_text(self) -> Text:
        """What the pause screen says: kept until the visitor goes, nothing after."""
        q = self.question()
        return "as.paused", {"n": q.index + 1, "count": q.count}

    def end(self) -> str:
        """"End without keeping": the answers are forgotten now, not at the session's end."""
        self._forget()
        return "home"

    # -- the result -----------------------------------------------------------------
    def result(self) -> Result | None:
        """The scored answers once all are given, else None."""
        visit = self.visit
        if not visit.finished or len(visit.answers) < len(ITEMS):
            return None
        return score(visit.answers)

    def _need(self) -> Result:
        found = self.result()
        if found is None:
            raise AssessmentError("assessment: the report needs every question answered")
        return found

    def voice_item(self) -> dict[str, object] | None:
        """The question as said: the activity, what is asked, and the five answers
        from the most to the least (as the screen lists them)."""
        if self.visit.finished:
            return None
        q = self.question()
        return {"activity": q.activity, "asks": q.asks,
                "answers": [words for _, words in reversed(q.answers())]}

    def voice_result(self) -> dict[str, object] | None:
        """The code's types by name, for a headset only (the screen declares it private)."""
        r = self.result()
        if r is None:
            return None
        return {"types": [(f"as.type.{t}", {}) for t in r.code]}

    def ties(self) -> list[tuple[list[Text], str]]:
        """Each tie that reaches into the code: the tied types' names, and the codes the
        ties allow ("SEC / ESC"), said as a tie rather than an order."""
        r = self._need()
        codes = " / ".join(r.codes) + (" / …" if r.more_codes else "")
        return [([(f"as.type.{t}", {}) for t in tier], codes) for tier in r.ties]

    def summary(self) -> list[Text]:
        """What the profile says as a whole: flat, or low, each called what it is."""
        r = self._need()
        if r.shape == "flat":
            return [("as.flat", {"desk": self.staff_desk})]
        if r.low:
            return [("as.low", {})]
        return []

    def bars(self) -> list[tuple[str, Text, int, bool]]:
        """(letter, its name, total, in the code) for every type, highest first."""
        r = self._need()
        totals = r.totals
        order = [t for tier in r.tiers for t in tier]
        return [(t, (f"as.type.{t}", {}), totals[t], t in r.code) for t in order]

    def letters(self) -> list[tuple[str, Text, Text]]:
        """(letter, name, what it means) for each letter of the code, in order."""
        r = self._need()
        return [(t, (f"as.type.{t}", {}), (f"as.explain.{t}", {})) for t in r.code]

    def suggested_groups(self) -> list[tuple[str, Text, Text]]:
        """(group, its name, sample titles) for the groups that fit, best first."""
        r = self._need()
        out: list[tuple[str, Text, Text]] = []
        for group, letters in fit.suggested(r):
            titles = fit.samples(group, letters)
            # the titles are the postings' own (Chinese) words: joined as Chinese joins them
            out.append((group, (f"reg.occupations.{group}", {}), raw("、".join(titles))))
        return out

    def open_group(self, group: str) -> str:
        """The job list filtered to one occupation group (search text and other filters
        cleared); returns the screen to show."""
        jobs = self.session.visit.state(JobsVisit)
        jobs.query = JobQuery(filters=JobFilters(occupation_group=group))
        return "jobs"

    def desk_text(self) -> Text:
        return "as.next.desk", {"desk": self.staff_desk}

    # -- paper and QR ------------------------------------------------------------------
    def report_data(self, lang: str) -> ReportData:
        r = self._need()
        totals = r.totals
        return ReportData(
            code=r.code, codes=r.codes + (("…",) if r.more_codes else ()),
            tied=tuple("".join(t) for t in r.ties),
            shape=r.shape, low=r.low,
            totals=tuple((t, totals[t]) for tier in r.tiers for t in tier),
            type_max=TYPE_MAX,
            groups=tuple((g, fit.samples(g, letters)) for g, letters in fit.suggested(r)),
            desk=self.staff_desk, qr=self.qr_text(lang))

    def qr_text(self, lang: str) -> str:
        """The QR code's payload in the visitor's language (no personal data)."""
        from kiosk.receipts.writer import catalogs

        texts, lang = catalogs(), slip_language(lang)
        return qr_text(self._need(), lambda key, values: texts.text(key, lang, **values))

    def report(self, lang: str) -> Document | None:
        """The printed report; None before every question is answered."""
        if self.result() is None:
            return None
        return build_report(self.report_data(lang), self._stamp(), slip_language(lang))

    def can_print(self) -> bool:
        return self.result() is not None and self.desk is not None and self.desk.can_print()

    def print_report(self, lang: str, done: Callable[[PrintOutcome], None]) -> None:
        """Print the report; done(outcome) runs on the UI thread when it is out, or at
        once with the reason when it cannot be printed (the screen shows the QR)."""
        visit = self.visit
        visit.print_count += 1
        hand_over(self.desk, self.ui, self.report(lang),
                  f"report-{self.session.visit.id}-{visit.print_count}", "as.print",
                  self.staff_desk, done)

    # -- keeping it in the record --------------------------------------------------------
    def save_state(self) -> SaveState:
        """Where keeping the result stands: it needs the result and a valid card."""
        visit = self.visit
        if visit.save_outcome:
            return visit.save_outcome
        if self.result() is None:
            return "no_result"
        if self.session.visit.card is None:
            return "no_card"
        if self.session.visit.card_expired:
            return "expired"
        return "ready"

    def save_text(self) -> Text:
        """What the keeping screen says for its state."""
        state = self.save_state()
        if state in ("sent", "queued", "refused", "expired"):
            return f"as.save.{state}", {"desk": self.staff_desk}
        if state == "sending":
            return "as.save.sending", {}
        return "as.save.consent", {}

    def save(self, done: Callable[[str], None]) -> bool:
        """Keep the result in the card holder's record: stored in the outbox (result and
        the hash of the number sealed) before this returns; done("sent" | "queued" |
        "refused") runs later on the UI thread. Once per visit. False when it cannot be
        asked now (no result, no valid card, already asked)."""
        visit, card = self.visit, self.session.visit.card
        r = self.result()
        if self.save_state() != "ready" or r is None or card is None:
            return False
        platform, wipes = self.platform, self._wipes
        visit.save_outcome = "sending"
        if platform is None:
            def refused() -> None:
                if self._still(visit, wipes):
                    visit.save_outcome = "refused"
                    done("refused")
            self.ui.post(refused)
            return True
        personal = {"id_hash": id_hash(card.number), "result": platform_result(r)}

        def delivered(outcome: Outcome) -> None:
            state: Delivery = ("sent" if outcome.state == "sent" else
                               "queued" if outcome.state == "queued" else "refused")

            def on_ui() -> None:
                if self._still(visit, wipes):
                    visit.save_outcome = state
                    done(state)
            self.ui.post(on_ui)
        visit.saved = platform.submit_in_background("assessment", {"kind": "interest"},
                                                    personal, delivered)
        return True
