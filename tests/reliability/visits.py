"""What a visitor does in a session, through today's flow API: the one module to reshape.

The flow API is moving into flow objects (kiosk/flows/<flow>/); everything the
reliability runs ask of a flow goes through this module, so only it follows
that change. Today: interest goes through kiosk.flows.jobs.interest (the job flow's
own use case), the other outbox kinds through PlatformService.submit_in_background
exactly as their screens will, and the job slip through kiosk.flows.jobs.slip and
kiosk.receipts into the ReceiptDesk.

Every submission carries a marker (free text or a field the platform keeps),
so the ledger can count it by content as well as by idempotency key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from devices.idcard.card import Card
from kiosk.flows.jobs.interest import express_interest
from kiosk.flows.jobs.receipt import build as build_job_slip
from kiosk.flows.jobs.slip import slip_for
from kiosk.platform.identity import id_hash
from kiosk.platform.outbox import Outcome
from kiosk.platform.service import PlatformService
from kiosk.receipts.desk import ReceiptDesk
from kiosk.receipts.stamp import Stamp

# Every outbox kind a visitor can cause today (command_result is the fleet agent's).
VISITOR_KINDS = ("job_interest", "registration", "complaint", "rating", "assessment",
                 "appointment", "appointment_cancel", "checkin")
# Refusals the platform may rightly give under concurrency, not lost submissions.
# (A check-in is judged by the appointment's day and window, so a visit that checks in
# for tomorrow's slot is rightly told wrong_day; central/guidance/states.py has the codes.)
FAIR_REFUSALS = {"appointment": {"slot_taken", "unknown_slot", "already_booked", "slot_past",
                                 "priority_slot"},
                 "appointment_cancel": {"unknown_appointment", "cancelled",
                                        "already_checked_in", "already_served", "no_show"},
                 "checkin": {"unknown_appointment", "wrong_day", "too_early", "too_late",
                             "cancelled", "already_checked_in", "already_served"}}
Done = Callable[[Outcome], None]


@dataclass(frozen=True)
class Action:
    """One submission the visitor makes: its kind, a marker, and what it refers to."""

    kind: str
    marker: str
    ref: str = ""          # job id, slot id or appointment id, as the kind needs


def _who(card: Card | None) -> dict[str, str]:
    return {"id_hash": id_hash(card.number)} if card is not None else {}


def _personal(card: Card | None, phone: str) -> dict[str, str]:
    return {**_who(card), "phone": phone, **({"name": card.name} if card else {})}


def submit(platform: PlatformService, action: Action, card: Card | None, phone: str,
           done: Done) -> str:
    """Start one submission; done(outcome) tells sent or saved. Returns its key."""
    if action.kind == "job_interest":
        return express_interest(platform, action.ref, card, phone, done)
    payload, personal = _body(action, card, phone)
    # the registration flow orders a registration only with what follows it in the same
    # visit (its scope); each visit here registers once, so its marker stands for the visit
    scope = action.marker if action.kind == "registration" else ""
    return platform.submit_in_background(action.kind, payload, personal or None, done,
                                         order_scope=scope)


def _body(action: Action, card: Card | None, phone: str
          ) -> tuple[dict[str, Any], dict[str, Any]]:
    """Payload (kept plain in the outbox) and personal fields (sealed) of one kind."""
    kind, marker = action.kind, action.marker
    if kind == "registration":
        birth = card.birth if card else "19900101"
        return ({"intentions": {"districts": [], "occupation_groups": []},
                 "employment_status": "unemployed"},
                {**_personal(card, phone), "birth_date": f"{birth[:4]}-{birth[4:6]}-{birth[6:]}"})
    if kind == "complaint":
        return {"category": "suggestion", "text": f"排队时间可以更短 {marker}"}, \
            _personal(card, phone)
    if kind == "rating":
        return {"service": "自助终端", "score": 1 + len(marker) % 5, "comment": marker}, {}
    if kind == "assessment":
        scores = {t: {"like": 12, "can": 10} for t in "RIASEC"}
        return {"kind": "interest", "result": {"instrument": marker, "code": "SEC",
                                               "scores": scores, "shape": "flat"}}, _who(card)
    if kind == "appointment":
        return {"slot_id": action.ref}, _personal(card, phone)
    if kind == "appointment_cancel":
        return {"appointment_id": action.ref, "reason": marker}, {}
    if kind == "checkin":
        return {}, _who(card)
    raise ValueError(f"visits: no visitor action for kind {kind!r}")


def print_job_slip(desk: ReceiptDesk, job: dict[str, Any], job_id: str, terminal: str) -> Any:
    """The job flow's slip for a posting, printed through the receipt desk; the job handle."""
    stamp = Stamp("示范公共就业服务中心", terminal,
                  dt.datetime.now().strftime("%Y-%m-%d %H:%M"))
    return desk.print(build_job_slip(slip_for(job), stamp), job_id)


def jobs_to_choose(platform: PlatformService, limit: int = 40) -> list[dict[str, Any]]:
    """Postings a visitor can see in the job list (from the catalog cache)."""
    return platform.search("", limit=limit).items


def free_slot(platform: PlatformService) -> str:
    """A free guidance slot (a live question); empty when none or the platform is away."""
    return (platform.free_slots() or [{}])[0].get("id", "")
