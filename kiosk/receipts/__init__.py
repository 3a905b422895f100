"""Receipts as device-neutral documents: job, registration, appointment, complaint, report.

Templates take plain data and a Stamp (where and when), and return a
devices.printer.document.Document that any printer profile or preview can
render. SAMPLES are fixed data for `kiosk devices print-test` and the tests.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from devices.printer.document import Document
from kiosk.receipts import appointment, complaint, job, registration, report
from kiosk.receipts.stamp import SAMPLE_STAMP, Stamp

TEMPLATES: dict[str, Callable[..., Document]] = {
    "job": job.build, "registration": registration.build, "appointment": appointment.build,
    "complaint": complaint.build, "report": report.build,
}
SAMPLES: dict[str, Any] = {
    "job": job.SAMPLE, "registration": registration.SAMPLE, "appointment": appointment.SAMPLE,
    "complaint": complaint.SAMPLE, "report": report.SAMPLE,
}


def build_receipt(template: str, data: Any, stamp: Stamp, lang: str = "zh",
                  paper_mm: int = 80) -> Document:
    """The named receipt for this data, language and paper width."""
    try:
        builder = TEMPLATES[template]
    except KeyError:
        raise ValueError(f"unknown receipt {template!r}; known: {', '.join(TEMPLATES)}") from None
    return builder(data, stamp, lang, paper_mm)


def sample_receipt(template: str, lang: str = "zh", paper_mm: int = 80) -> Document:
    """The named receipt with fixed sample data (repeatable bytes)."""
    return build_receipt(template, SAMPLES[template], SAMPLE_STAMP, lang, paper_mm)
