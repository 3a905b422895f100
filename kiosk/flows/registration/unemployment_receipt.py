"""Unemployment-registration application slip: received, what staff check, what to bring.

Staff decide whether someone is registered as unemployed; the slip says the
application was received (or is held on this terminal until it can be sent)
and never promises the outcome.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from devices.idcard.masking import mask_name, mask_number
from devices.printer.document import Document
from kiosk.i18n import Text
from kiosk.receipts.stamp import Stamp
from kiosk.receipts.writer import ReceiptWriter

CHECKS = ("check.identity", "check.ended", "check.no_job", "check.looking")


@dataclass(frozen=True)
class UnemploymentSlip:
    """The application as the slip shows it (name and number masked when built)."""

    reference: str                 # "" while the application waits on this terminal
    name: str
    id_number: str
    submitted_at: str
    left_on: str                   # "" when no job was left (never employed)
    documents: tuple[Text, ...]
    state: Literal["received", "queued"] = "received"
    desk: str = "1"


SAMPLE = UnemploymentSlip(
    reference="U-20260302-0017", name="张晓明", id_number="110105199001011234",
    submitted_at="2026-03-02 09:31", left_on="2026-01-31",
    documents=(("reg.bring.id_card", {}), ("reg.bring.household_register", {}),
               ("reg.bring.leaving_proof", {})))


def build(app: UnemploymentSlip, stamp: Stamp, lang: str = "zh",
          paper_mm: int = 80) -> Document:
    """The application slip; the full ID number never reaches the paper."""
    w = ReceiptWriter("unemployment", lang, paper_mm)
    w.heading("title")
    w.field("ref", app.reference or w.t("ref_pending"))
    w.field("name", mask_name(app.name))
    w.field("id", mask_number(app.id_number))
    w.field("time", app.submitted_at)
    if app.left_on:
        w.field("left_on", app.left_on)
    w.note(f"state.{app.state}", bold=True)
    w.rule()
    w.note("check", bold=True)
    for key in CHECKS:
        w.note(key)
    w.rule()
    w.note("bring", bold=True, desk=app.desk)
    for document in app.documents:
        w.phrase(document, prefix="· ")
    w.rule()
    w.note("decide")
    w.footer(stamp.hall, stamp.terminal, stamp.printed_at)
    return w.document("unemployment")
