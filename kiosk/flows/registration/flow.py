"""Job-seeker registration (求职登记), unemployment registration and the visitor's page.

The screens show what this says and turn taps into calls on it; every rule
of the flow is here and runs without a display: who the visitor is (card or
typed and checked), the consent, what the form still needs, what to bring,
the submission through the outbox and how its delivery is told, the slips,
and the visitor's own page from the platform. Everything said is a Text.

Devices and the platform are read from the core when used (they are wired
after the first frame and may be None); answers that arrive on worker
threads go back through core.ui. An answer that arrives after the visitor
has gone, or after they said "not now", is dropped.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kiosk.clock import CHINA, parse_moment
from kiosk.errors import KioskError
from kiosk.flows.base import VisitorFlow, slip_language
from kiosk.flows.jobs.present import mask_phone
from kiosk.flows.registration import documents, options, payload
from kiosk.flows.registration.identity import (
    Identity,
    from_card,
    normal_name,
    normal_number,
    typed,
)
from kiosk.flows.registration.mypage import (
    MyPage,
    Specialist,
    intentions_text,
    page_from,
    parse_iso_date,
)
from kiosk.flows.registration.receipt import RegistrationSlip
from kiosk.flows.registration.receipt import build as build_slip
from kiosk.flows.registration.state import (
    About,
    Delivery,
    RegistrationVisit,
    Unemployment,
    Wants,
)
from kiosk.flows.registration.unemployment_receipt import UnemploymentSlip
from kiosk.flows.registration.unemployment_receipt import build as build_unemployment_slip
from kiosk.i18n import Text, listing, raw
from kiosk.receipts.handing import PrintOutcome, hand_over

if TYPE_CHECKING:

    from devices.printer.document import Document
    from kiosk.core import KioskCore
    from kiosk.platform.outbox import Outcome
    from kiosk.platform.service import PlatformService

__all__ = ["About", "Identity", "MyPage", "PrintOutcome", "RegistrationError",
           "RegistrationFlow", "RegistrationVisit", "Unemployment", "Wants"]

log = logging.getLogger(__name__)
MOBILE = re.compile(r"1[3-9][0-9]{9}")
NOT_GIVEN: Text = ("reg.not_given", {})
NONE_OF_THESE: Text = ("reg.none_of_these", {})


START_AFTER_DAYS = (14, 30, 90)     # the earliest-start choices besides "now"


class RegistrationError(KioskError):
    """The screens asked the flow for something its state does not allow."""


class RegistrationFlow(VisitorFlow[RegistrationVisit]):
    """One terminal's registration flow, over the visitor session's visit; "not now"
    wipes, so answers for what was declined are dropped."""

    visit_type = RegistrationVisit

    def __init__(self, core: KioskCore) -> None:
        super().__init__(core)
        self.record_url = core.settings.kiosk.record_url
        self.retention_days = int(core.settings.platform.retention_days)

    # -- who is registering -------------------------------------------------
    def start(self) -> str:
        """The screen to show first: the visitor's page for a registered card holder
        (their page loaded before), the consent for a card holder, the start screen
        (card or typing) otherwise; an expired card stays on the start screen."""
        card = self.session.visit.card
        if card is None or self.session.visit.card_expired:
            return "reg_start"
        visit = self.visit
        visit.identity = from_card(card)
        if visit.lookup is not None and visit.lookup.registered and not visit.updating:
            return "my_page"
        return "reg_consent"

    def card_problem(self) -> Text | None:
        """What to do about an expired card, with the staff desk; None for a good card."""
        if self.session.visit.card is not None and self.session.visit.card_expired:
            return "reg.card_expired", {"desk": self.staff_desk}
        return None

    def manual_help(self) -> Text:
        """The line under the typing form: staff can help at their desk."""
        return "reg.manual.help", {"desk": self.staff_desk}

    def identify_typed(self, id_number: str, name: str) -> Text | None:
        """Take a typed ID number and name: None when accepted, else one plain line.

        What was typed is kept in the visit either way, so the form shows it
        again to be corrected rather than typed anew.
        """
        visit = self.visit
        visit.typed_number, visit.typed_name = id_number, name
        number, who = normal_number(id_number), normal_name(name)
        card = self.session.visit.card
        if card is not None and self.session.visit.card_expired \
                and normal_number(card.number) == number:
            return self.card_problem()          # the expired card's number, typed instead
        found = typed(number, who, self._today())
        if not isinstance(found, Identity):
            return found
        visit.identity = found
        return None

    # -- notice and consent ---------------------------------------------------
    def consent_notice(self) -> list[tuple[Text, Text]]:
        """The notice (GB/T 35273, PIPL) as (heading, words) pairs: what is collected,
        why, who receives it, how long it is kept, how to withdraw, and the photo."""
        values = {"desk": self.staff_desk, "days": self.retention_days}
        return [((f"reg.consent.{part}.title", {}), (f"reg.consent.{part}", values))
                for part in ("what", "why", "who", "keep", "withdraw", "photo")]

    def agree(self, photo: bool = False) -> None:
        """The visitor agreed to the notice; the photo has a consent of its own."""
        self.visit.consent = True
        self.visit.photo_consent = bool(photo)

    def decline(self) -> None:
        """"Not now": forget everything the flow holds of the visitor (their card stays
        with the session; nothing was stored or sent)."""
        self._forget()

    def declined_text(self) -> Text:
        """What the screen says after "not now": nothing kept, staff can help."""
        return "reg.declined", {"desk": self.staff_desk}

    # -- about the visitor ------------------------------------------------------
    def set_phone(self, text: str) -> Text | None:
        """Take the phone number: None when it is a mobile number, else one plain line
        (what was typed is kept to be corrected)."""
        self.visit.typed_phone = text
        digits = "".join(ch for ch in text if ch not in " -")
        if not (digits.isascii() and digits.isdigit() and digits.startswith("1")):
            return "reg.phone.not_mobile", {}         # a landline, or not a number
        if len(digits) != 11:
            return "reg.phone.length", {"n": len(digits)}
        if not MOBILE.fullmatch(digits):
            return "reg.phone.not_mobile", {}
        self.visit.about.phone = digits
        return None

    def district_choices(self) -> list[str]:
        """Districts as the job filters offer them (those with postings, most first)."""
        if self.platform is None:
            return []
        return list(self.platform.catalog.counts().get("district", {}))

    def start_choices(self) -> list[tuple[str, Text]]:
        """When the visitor could start: as soon as possible ("") or from a date two
        weeks, one month or three months from today, each with its words."""
        today = self._today()
        choices: list[tuple[str, Text]] = [("", ("reg.start_now", {}))]
        for days in START_AFTER_DAYS:
            day = today + dt.timedelta(days=days)
            choices.append((day.isoformat(), ("reg.date", _date_values(day))))
        return choices

    def documents_to_bring(self) -> list[Text]:
        """Everything to bring to the desk, said once (一次性告知)."""
        about = self.visit.about
        return documents.to_bring(about.certificates, about.status, about.key_groups)

    # -- review -------------------------------------------------------------------
    def voice_identity(self) -> dict[str, object] | None:
        """The name and ID number in full, for a headset only (declared private)."""
        who = self.visit.identity
        if who is None:
            return None
        return {"name": who.name, "id": who.id_number}

    def review_rows(self) -> list[tuple[str, Text, str]]:
        """Every answer as (label key, value, screen to change it; "" when it came from
        the card and cannot be changed here). Personal values are masked."""
        visit = self.visit
        rows: list[tuple[str, Text, str]] = []
        # on an update, an unanswered question keeps what the registration holds
        unset: Text = ("reg.unchanged", {}) if visit.updating else NOT_GIVEN
        who = visit.identity
        if who is not None:
            change = "" if who.from_card else "reg_manual"
            rows += [("reg.f.name", raw(who.masked_name()), change),
                     ("reg.f.id", raw(who.masked_number()), change)]
            if who.sex:
                rows.append(("reg.f.sex", (f"reg.sex.{who.sex}", {}), change))
            if who.birth_date:
                rows.append(("reg.f.birth", ("reg.date", _date_values(
                    parse_iso_date(who.birth_date))), change))
        a = visit.about
        held: Text = unset if visit.updating else ("reg.none_held", {})
        none: Text = unset if visit.updating else NONE_OF_THESE
        rows += [
            ("reg.f.phone", raw(mask_phone(a.phone)) if a.phone else NOT_GIVEN, "reg_about"),
            ("reg.f.education", _one("education", a.education, unset), "reg_about"),
            ("reg.f.major", raw(a.major.strip()) if a.major.strip() else unset, "reg_about"),
            ("reg.f.experience", ("reg.years", {"n": a.experience_years})
             if a.experience_years is not None else unset, "reg_about"),
            ("reg.f.last_occupation", raw(a.last_occupation.strip())
             if a.last_occupation.strip() else unset, "reg_about"),
            ("reg.f.certificates", _many("certificates", a.certificates, held), "reg_about"),
            ("reg.f.status", _one("status", a.status, unset), "reg_about"),
            # key groups are filled in from the registration on an update: none is none
            ("reg.f.key_groups", _many("key_groups", a.key_groups, NONE_OF_THESE), "reg_about"),
            ("reg.f.difficulties", _many("difficulties", a.difficulties, none), "reg_about"),
        ]
        w = visit.wants
        chosen = w.major_groups | w.occupations
        pay: Text = (options.label("pay_bands", w.pay_min) if w.pay_min in options.PAY_BANDS
                     else ("reg.pay_from", {"n": w.pay_min}))
        start = parse_iso_date(w.start_by) if w.start_by else None
        rows += [
            ("reg.f.occupations", _many("occupations", chosen, NOT_GIVEN), "reg_wants"),
            ("reg.f.districts", listing(raw(d) for d in sorted(w.districts))
             if w.districts else ("reg.any_district", {}), "reg_wants"),
            ("reg.f.industries", _many("industries", w.industries, ("reg.any_industry", {})),
             "reg_wants"),
            ("reg.f.pay", pay, "reg_wants"),
            ("reg.f.work_type", _one("work_types", w.work_type, ("reg.any_type", {})),
             "reg_wants"),
            ("reg.f.start_by", ("reg.date", _date_values(start)) if start
             else ("reg.start_now", {}), "reg_wants"),
            ("reg.f.photo", ("reg.photo.agreed", {}) if visit.photo_consent
             else ("reg.photo.not_agreed", {}), "reg_consent"),
        ]
        return rows

    def missing(self) -> list[str]:
        """Label keys of what is still needed before the registration can be sent."""
        visit, out = self.visit, []
        if visit.identity is None:
            out.append("reg.f.identity")
        if not visit.consent:
            out.append("reg.f.consent")
        if not visit.about.phone:
            out.append("reg.f.phone")
        if visit.about.education not in options.EDUCATION and not visit.updating:
            out.append("reg.f.education")        # an update keeps what is not given again
        if visit.about.status not in options.STATUS and not visit.updating:
            out.append("reg.f.status")
        if not (visit.wants.major_groups or visit.wants.occupations):
            out.append("reg.f.occupations")
        return out

    # -- submission -------------------------------------------------------------------
    def submit(self, done: Callable[[str], None]) -> None:
        """Store the registration in the outbox (personal fields sealed) and say how it
        went: done("sent" | "queued" | "refused") runs on the UI thread.

        One registration per visit: a second tap while it is on its way sends
        nothing more. "queued" means saved on this terminal and sent when the
        link is back — never "failed, try again", which makes people register twice.
        """
        visit, who = self.visit, self.visit.identity
        if self.missing() or who is None:
            raise RegistrationError(f"registration: still missing {', '.join(self.missing())}")
        if visit.submitted:
            return
        platform = self.platform
        if platform is None:
            visit.outcome = "refused"
            self.ui.post(lambda: done("refused"))
            return
        # an update that takes away every key group the registration had says so
        held = visit.lookup.key_groups if visit.updating and visit.lookup else ()
        clear = frozenset({"key_groups"} if held else ())
        body, personal = payload.registration(who, visit.about, visit.wants,
                                              visit.photo_consent, clear)
        wipes = self._wipes
        visit.registered_at = self._now_text()

        def record(state: Delivery, ack: dict[str, Any]) -> None:
            visit.outcome = state
            if state == "sent":
                visit.reference = str(ack.get("registration_id") or "")
                visit.updated = ack.get("status") == "updated"
                visit.registered_at = _moment_text(ack.get("registered_at"),
                                                   visit.registered_at)
                visit.specialist = Specialist.from_answer(ack.get("specialist"))
                visit.lookup = None            # the page is loaded again when shown
        delivered = self._delivery(visit, wipes, record, done)
        visit.submitted = platform.submit_in_background(
            "registration", body, personal, delivered, order_scope=self.session.visit.id)

    def done_message(self) -> Text:
        """What the screen says about the registration's delivery."""
        visit = self.visit
        if visit.outcome == "sent":
            if visit.updated:
                return "reg.done.updated", {}
            return "reg.done.sent", {"number": visit.reference}
        if visit.outcome == "queued":
            return "reg.done.queued", {}
        if visit.outcome == "refused":
            return "reg.done.refused", {"desk": self.staff_desk}
        return "reg.done.sending", {}

    # -- the registration slip -------------------------------------------------------
    def can_print(self) -> bool:
        """Whether the slip can be printed now (registration stored, allowance left,
        printer not known down)."""
        return (self.visit.outcome in ("sent", "queued") and self.desk is not None
                and self.desk.can_print())

    def slip(self, lang: str) -> Document | None:
        """The registration slip in the visitor's language; None before it is stored."""
        visit = self.visit
        if visit.identity is None or visit.outcome not in ("sent", "queued"):
            return None
        state = ("queued" if visit.outcome == "queued"
                 else "updated" if visit.updated else "registered")
        data = RegistrationSlip(
            reference=visit.reference, name=visit.identity.name,
            id_number=visit.identity.id_number, registered_at=visit.registered_at,
            intentions=intentions_text(payload.intentions(visit.wants)),
            documents=tuple(self.documents_to_bring()), state=state,
            specialist=visit.specialist, record_url=self._record_url(), desk=self.staff_desk)
        return build_slip(data, self._stamp(), slip_language(lang))

    def print_slip(self, lang: str, done: Callable[[PrintOutcome], None]) -> None:
        """Print the slip; done(outcome) runs on the UI thread when it is out, or at once
        with the reason when it cannot be printed (the screen offers the QR then)."""
        visit = self.visit
        self._print(self.slip(lang), f"registration-{self.session.visit.id}-{visit.submitted}",
                    done)

    def qr_text(self) -> str:
        """What the QR shows when the printer is out: the visitor's record page when the
        terminal knows it, else the slip's words (masked) in the visitor's language."""
        url = self._record_url()
        if url:
            return url
        visit = self.visit
        if visit.identity is None:
            return ""
        from kiosk.receipts.writer import catalogs

        texts, lang = catalogs(), slip_language(self.session.visit.language)

        def say(key: str, **values: object) -> str:
            return texts.text(f"receipt.registration.{key}", lang, **values)
        lines = [say("title"),
                 say("ref") + (visit.reference or say("ref_pending")),
                 say("name") + visit.identity.masked_name(),
                 say("id") + visit.identity.masked_number(),
                 say("time") + visit.registered_at,
                 say("intent") + texts.say(intentions_text(payload.intentions(visit.wants)),
                                           lang),
                 say("bring", desk=self.staff_desk)]
        lines += ["· " + texts.say(text, lang) for text in self.documents_to_bring()]
        return "\n".join(lines)

    # -- unemployment registration (失业登记) ------------------------------------------
    def unemployment_conditions(self) -> list[Text]:
        """Who may be registered as unemployed, in plain words; the last line says that
        staff decide (the terminal never promises the outcome)."""
        keys = ("age", "able", "no_job", "looking", "place", "not_student")
        return ([(f"reg.unemp.cond.{key}", {}) for key in keys]
                + [("reg.unemp.decide", {"desk": self.staff_desk})])

    def can_apply_unemployment(self) -> bool:
        """A visitor who is known and said they are unemployed (or, on their page, is
        registered) may apply, once a visit."""
        visit = self.visit
        if visit.identity is None or visit.unemployment_submitted:
            return False
        if visit.about.status:
            return visit.about.status == "unemployed"
        return visit.lookup is not None and visit.lookup.registered

    def apply_unemployment(self, last_employer: str, left_on: str, reason: str,
                           insured: bool, done: Callable[[str], None]) -> Text | None:
        """Record an application for unemployment registration: the words to show at once
        when it cannot be taken, else None and done("sent" | "queued" | "refused") later
        on the UI thread."""
        visit = self.visit
        if visit.identity is None:
            return "reg.unemp.need_identity", {"desk": self.staff_desk}
        if visit.about.status and visit.about.status != "unemployed":
            return "reg.unemp.not_unemployed", {}
        employer = " ".join(last_employer.split())
        if len(employer) > options.MAX_EMPLOYER:
            return "reg.unemp.employer_long", {"max": options.MAX_EMPLOYER}
        left: dt.date | None = None
        if left_on.strip():
            left = _typed_date(left_on)
            born = parse_iso_date(visit.identity.birth_date)
            if left is None or (born is not None and left < born):
                return "reg.unemp.date_bad", {}
            if left > self._today():
                return "reg.unemp.date_future", {}
        elif employer:
            return "reg.unemp.date_missing", {}
        if reason not in options.REASONS:
            return "reg.unemp.reason_missing", {}
        if visit.unemployment_submitted:
            return "reg.unemp.already", {}
        platform = self.platform
        if platform is None:
            return "reg.unemp.unavailable", {"desk": self.staff_desk}
        application = Unemployment(employer, left.isoformat() if left else "", reason,
                                   bool(insured))
        body, personal = payload.unemployment(visit.identity, application)
        visit.unemployment = application
        wipes, submitted_at = self._wipes, self._now_text()

        def record(state: Delivery, ack: dict[str, Any]) -> None:
            visit.unemployment_outcome = state
            if state == "sent":
                visit.unemployment_reference = str(ack.get("application_id") or "")
        delivered = self._delivery(visit, wipes, record, done)
        visit.unemployment_at = submitted_at
        visit.unemployment_submitted = platform.submit_in_background(
            "unemployment", body, personal, delivered, order_scope=self.session.visit.id)
        return None

    def unemployment_message(self) -> Text:
        """What the screen says about the application's delivery (never its outcome)."""
        visit = self.visit
        if visit.unemployment_outcome == "sent":
            return "reg.unemp.sent", {"number": visit.unemployment_reference}
        if visit.unemployment_outcome == "queued":
            return "reg.unemp.queued", {}
        if visit.unemployment_outcome == "refused":
            return "reg.unemp.refused", {"desk": self.staff_desk}
        return "reg.unemp.sending", {}

    def unemployment_slip(self, lang: str) -> Document | None:
        """The application slip: what staff check and what to bring; None before it is
        stored."""
        visit = self.visit
        application = visit.unemployment
        if (visit.identity is None or application is None
                or visit.unemployment_outcome not in ("sent", "queued")):
            return None
        held = visit.about.certificates
        data = UnemploymentSlip(
            reference=visit.unemployment_reference, name=visit.identity.name,
            id_number=visit.identity.id_number,
            submitted_at=visit.unemployment_at,
            left_on=application.left_on,
            documents=tuple(documents.for_unemployment(held, bool(application.left_on))),
            state="queued" if visit.unemployment_outcome == "queued" else "received",
            desk=self.staff_desk)
        return build_unemployment_slip(data, self._stamp(), slip_language(lang))

    def print_unemployment_slip(self, lang: str, done: Callable[[PrintOutcome], None]) -> None:
        """Print the application slip (as print_slip)."""
        visit = self.visit
        self._print(self.unemployment_slip(lang),
                    f"unemployment-{self.session.visit.id}-{visit.unemployment_submitted}", done)

    # -- the visitor's page --------------------------------------------------------------
    def load_my_page(self, done: Callable[[MyPage | None], None]) -> None:
        """Ask the platform for the card holder's own page on a worker thread; done(page)
        runs on the UI thread, with None when there is no card or no answer (the screen
        says the platform cannot be reached). Only the hash of the number is sent."""
        card = self.session.visit.card
        platform = self.platform
        if card is None or self.session.visit.card_expired or platform is None:
            self.ui.post(lambda: done(None))
            return
        visit, wipes, number = self.visit, self._wipes, card.number

        def run() -> None:
            page = page_from(_lookup(platform, number))

            def on_ui() -> None:
                if not self._still(visit, wipes):
                    return
                if page is not None:
                    visit.lookup = page
                done(page)
            self.ui.post(on_ui)
        threading.Thread(target=run, name="my-page", daemon=True).start()

    def my_page_unavailable(self) -> Text:
        """What the page says when the platform did not answer."""
        return "reg.my.unreachable", {"desk": self.staff_desk}

    def begin_update(self) -> str:
        """"Update my intentions": the same registration again (the platform updates it),
        with the intentions and key groups it holds filled in; returns the screen."""
        visit = self.visit
        page = visit.lookup
        card = self.session.visit.card
        if page is None or not page.registered or card is None:
            raise RegistrationError("registration: an update needs a registered card holder")
        known = page.intentions
        visit.identity = from_card(card)
        visit.wants = Wants(
            major_groups={c for c in known.get("major_groups") or []
                          if c in options.MAJOR_GROUPS},
            occupations={c for c in known.get("occupation_groups") or []
                         if c in options.SUBGROUPS},
            districts={str(d) for d in known.get("districts") or []},
            industries={c for c in known.get("industries") or [] if c in options.INDUSTRIES},
            pay_min=int(known.get("pay_min") or 0),
            work_type=str(known.get("employment_type") or ""),
            start_by=str(known.get("start_by") or ""))
        visit.about.key_groups = set(page.key_groups)
        visit.updating = True
        visit.consent = False
        visit.submitted, visit.outcome, visit.reference = "", "", ""
        return "reg_consent"

    # -- helpers ----------------------------------------------------------------------------
    def _delivery(self, visit: RegistrationVisit, wipes: int,
                  record: Callable[[Delivery, dict[str, Any]], None],
                  done: Callable[[str], None]) -> Callable[[Outcome], None]:
        """The outbox's callback for one submission: on the UI thread, and only while
        the visit that made it lasts, record(state, answer) then done(state)."""
        def delivered(outcome: Outcome) -> None:
            state = _state(outcome)
            ack = outcome.response if isinstance(outcome.response, dict) else {}

            def on_ui() -> None:
                if self._still(visit, wipes):
                    record(state, ack)
                    done(state)
            self.ui.post(on_ui)
        return delivered

    def _record_url(self) -> str:
        ref = self.visit.reference
        return self.record_url.replace("{ref}", ref) if self.record_url and ref else ""

    def _print(self, doc: Document | None, print_id: str,
               done: Callable[[PrintOutcome], None]) -> None:
        hand_over(self.desk, self.ui, doc, print_id, "reg.print", self.staff_desk, done)

def _lookup(platform: PlatformService, number: str) -> Any:
    """The platform's answer, or None when it cannot be had (never raises: a worker
    thread has nobody to raise to)."""
    from kiosk.platform.errors import PlatformError

    try:
        return platform.lookup(number)
    except PlatformError as exc:
        log.info("my page: no answer from the platform", extra={"error": type(exc).__name__})
    except Exception:  # noqa: BLE001 - see above
        log.exception("my page: lookup failed")
    return None


def _state(outcome: Outcome) -> Delivery:
    return "sent" if outcome.state == "sent" else \
        "queued" if outcome.state == "queued" else "refused"


def _one(set_name: str, code: str, empty: Text = NOT_GIVEN) -> Text:
    return options.label(set_name, code) if code in options.SETS[set_name] else empty


def _many(set_name: str, codes: set[str], empty: Text) -> Text:
    chosen = options.in_order(set_name, codes)
    return listing(options.label(set_name, c) for c in chosen) if chosen else empty


def _date_values(day: dt.date | None) -> dict[str, object]:
    if day is None:
        return {"y": "", "m": "", "d": ""}
    return {"y": day.year, "m": f"{day.month:02d}", "d": f"{day.day:02d}"}


def _typed_date(text: str) -> dt.date | None:
    """A date typed as 2026-01-31, 2026/1/31, 2026.1.31 or 20260131."""
    text = "".join(text.split())
    found = re.fullmatch(r"([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?", text) \
        or re.fullmatch(r"([0-9]{4})([0-9]{2})([0-9]{2})", text)
    if found is None:
        return None
    try:
        return dt.date(*(int(part) for part in found.groups()))
    except ValueError:
        return None


def _moment_text(value: Any, fallback: str) -> str:
    moment = parse_moment(value)
    return moment.astimezone(CHINA).strftime("%Y-%m-%d %H:%M") if moment else fallback
