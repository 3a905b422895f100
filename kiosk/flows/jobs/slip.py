"""The printed job slip for a posting from the catalog."""

from __future__ import annotations

from typing import Any

from kiosk.flows.jobs.present import contact_line
from kiosk.flows.jobs.receipt import JobSlip


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
