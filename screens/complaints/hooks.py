"""The one hook other flows call: offer the rating after a service, or open the
complaint form about a posting. Both do nothing on an app without these screens."""

from __future__ import annotations

from kiosk.i18n import Text
from screens.base import Shell


def offer_rating(shell: Shell, service: str, ref: str = "", back_to: str = "home",
                 note: Text | None = None) -> bool:
    """Show the one-screen rating for a service just done (once per service per
    visit); False, and nothing shown, when it was rated or skipped already."""
    if not shell.has_screen("rate"):
        return False
    flow = shell.screen("rate").flow
    if flow is None or not flow.offer(service, ref, back_to, note):  # type: ignore[attr-defined]
        return False
    shell.go("rate")
    return True


def report_posting(shell: Shell, job_id: str, title: str) -> None:
    """"Report this posting" from a job's detail: the complaint form about it."""
    if not shell.has_screen("complaint_file"):
        return
    shell.screen("complaint_file").flow.report_posting(job_id, title)  # type: ignore[attr-defined]
    shell.go("complaint_file")
