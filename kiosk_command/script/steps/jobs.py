"""Script steps for the find-a-job flow: what the visitor opened, and its slip on paper."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kiosk.flows.jobs.flow import JobsFlow
from kiosk_command.script.context import ScriptContext, ScriptFailure
from kiosk_command.script.steps.scenes import catalog, home


def _current_job(ctx: ScriptContext) -> dict[str, Any]:
    job = ctx.core.flow("jobs", JobsFlow).job
    if not job:
        raise ScriptFailure("no posting is open in this session")
    return job


def printed_current_job(ctx: ScriptContext, _arg: Any) -> Any:
    """Wait until the printer simulator's paper holds the open posting's title."""
    sim = ctx.core.simulators.printer
    if sim is None:
        raise ScriptFailure("the printer is not simulated in this run")
    title = _current_job(ctx)["title"]
    return lambda: title in sim.text().replace("\n", "")


def _mentions(job: dict[str, Any], text: str) -> bool:
    return text in " ".join(str(job.get(k, "")) for k in ("title", "company", "duties",
                                                          "requirements"))


def expect_job_matches(ctx: ScriptContext, text: str) -> None:
    """The open posting mentions text (title, company, duties or requirements)."""
    job = _current_job(ctx)
    if not _mentions(job, text):
        raise ScriptFailure(f"the open posting {job['id']} does not mention {text!r}")


def expect_results_mention(ctx: ScriptContext, text: str) -> None:
    """Every listed posting mentions text (the list is a search for it)."""
    jobs = ctx.app.screen("jobs")
    if not jobs.results:
        raise ScriptFailure("the job list is empty")
    for card in jobs.results:
        job = ctx.core.platform.catalog.job(card["job_id"])
        if not _mentions(job, text):
            raise ScriptFailure(f"{job['id']} is listed but does not mention {text!r}")


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
         "expect_results_mention": expect_results_mention,
         "expect_results_all": expect_results_all}


# -- scenes -------------------------------------------------------------------
def _jobs(ctx: ScriptContext) -> None:
    home(ctx)
    catalog(ctx)
    ctx.app.go("jobs")


def _job_filters(ctx: ScriptContext, section: str = "more") -> None:
    _jobs(ctx)
    ctx.app.screen("jobs").choose(section)


def _job_detail(ctx: ScriptContext, then: str = "") -> None:
    """The newest posting's detail (then: one of its print / qr / interest screens)."""
    _jobs(ctx)
    jobs = ctx.app.screen("jobs")
    if jobs.results:
        jobs.open_job(jobs.results[0]["job_id"])
    if then:
        ctx.app.screen("job_detail").take_home(then)


def _job_print(ctx: ScriptContext, state: str = "preview") -> Callable[[], bool] | None:
    """The slip's print screen as a visitor meets it before, after and when printing
    fails (whether a printer is attached or not: the scene shows the screen, scripts
    test the way to it)."""
    _job_detail(ctx)
    ctx.app.go("job_print")
    screen = ctx.app.screen("job_print")
    if state == "printed":
        screen.state, screen.message = "printed", ctx.app.tr("jobs.print.done")
    elif state == "failed":
        screen.state = "failed"
        screen.message = ctx.app.say(("jobs.print.failed.paper_out", {}))
    elif ctx.core.printer is not None:            # the preview is drawn off the UI thread
        return lambda: screen.preview_texture is not None
    return None


SCENES = {
    "jobs": _jobs, "job_filters": _job_filters,
    "job_groups": lambda ctx: _job_filters(ctx, "occupation_group"),
    "job_detail": _job_detail, "job_print": _job_print,
    "job_printed": lambda ctx: _job_print(ctx, "printed"),
    "job_print_failed": lambda ctx: _job_print(ctx, "failed"),
    "job_qr": lambda ctx: _job_detail(ctx, "qr"),
    "job_interest": lambda ctx: _job_detail(ctx, "interest"),
}
