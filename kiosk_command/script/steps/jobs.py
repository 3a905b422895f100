"""Script steps for the find-a-job flow: what the visitor opened, and its slip on paper."""

from __future__ import annotations

from typing import Any

from kiosk_command.script.context import ScriptContext, ScriptFailure


def _current_job(ctx: ScriptContext) -> dict[str, Any]:
    job = ctx.core.session.data.get("job")
    if not job:
        raise ScriptFailure("no posting is open in this session")
    return job


def printed_current_job(ctx: ScriptContext, _arg: Any) -> Any:
    """Wait until the printer simulator's paper holds the open posting's title."""
    sim = ctx.core.simulators.get("printer")
    if sim is None:
        raise ScriptFailure("the printer is not simulated in this run")
    title = _current_job(ctx)["title"]
    return lambda: title in sim.text().replace("\n", "")


def expect_job_matches(ctx: ScriptContext, text: str) -> None:
    """The open posting mentions text (title, company, duties or requirements)."""
    job = _current_job(ctx)
    fields = " ".join(str(job.get(k, "")) for k in ("title", "company", "duties",
                                                    "requirements"))
    if text not in fields:
        raise ScriptFailure(f"the open posting {job['id']} does not mention {text!r}")


def expect_results_all(ctx: ScriptContext, arg: dict[str, str]) -> None:
    """{"field": "district", "value": "..."}: every listed posting has that value
    ("value": "$filter" means the value the list is filtered on)."""
    jobs = ctx.app.screen("jobs")
    value = arg["value"]
    if value == "$filter":
        value = getattr(jobs.query.filters, arg["field"])
    if not jobs.results:
        raise ScriptFailure("the job list is empty")
    platform = ctx.core.platform
    for card in jobs.results:
        job = platform.catalog.job(card["job_id"])
        if job.get(arg["field"]) != value:
            raise ScriptFailure(f"{job['id']} has {arg['field']}={job.get(arg['field'])!r}, "
                                f"expected {value!r}")


STEPS = {"printed_current_job": printed_current_job, "expect_job_matches": expect_job_matches,
         "expect_results_all": expect_results_all}
