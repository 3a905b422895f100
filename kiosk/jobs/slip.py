"""The printed job slip for a posting from the catalog."""

from __future__ import annotations

import uuid
from typing import Any

from kiosk.jobs.present import contact_line
from kiosk.receipts.job import JobSlip


def slip_for(job: dict[str, Any]) -> JobSlip:
    """The slip's fields from a posting as the platform sent it."""
    pay = job.get("pay_text") or ""
    if job.get("benefits"):
        pay = f"{pay}，{job['benefits']}" if pay else job["benefits"]
    return JobSlip(posting_id=job.get("id", ""), title=job.get("title", ""),
                   company=job.get("company", ""), headcount=int(job.get("headcount") or 1),
                   pay=pay, duties=job.get("duties", ""), requirements=job.get("requirements", ""),
                   address=job.get("address", ""), contact=contact_line(job),
                   url=job.get("url", ""))


def print_id(session: Any, job: dict[str, Any]) -> str:
    """The print job id of a posting's slip: one per posting per visit.

    A retry after a failure reuses the id, so nothing comes out twice; the next
    visitor asking for the same posting gets a new id, and so a slip of their own.
    """
    visit = session.data.setdefault("visit", uuid.uuid4().hex[:12])
    return f"job-{job.get('id', '')}-{visit}"
