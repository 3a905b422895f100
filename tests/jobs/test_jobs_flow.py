"""The find-a-job flow's rules without a display."""

from __future__ import annotations

from kiosk.clock import FakeClock
from kiosk.config import load_settings
from kiosk.core import KioskCore
from kiosk.flows.jobs.flow import JobsFlow, JobsVisit
from kiosk.handoff import UiQueue
from kiosk.session import VisitorSession

JOB = {"id": "J-1", "title": "仓库管理员", "company": "示范物流", "headcount": 3,
       "education": "高中/中专", "duties": "收发货物", "posted_at": "2026-03-01T09:00:00+08:00",
       "valid_from": "2026-03-01", "valid_until": "2026-04-01", "district": "城关区"}


def flow() -> JobsFlow:
    clock = FakeClock()
    return JobsFlow(KioskCore(load_settings(environ={}), clock, VisitorSession(clock)))


def test_each_visit_prints_its_own_slip_of_a_posting() -> None:
    jobs = flow()
    jobs.session.touch()
    jobs.session.visit.state(JobsVisit).job = JOB
    first = jobs.print_id()
    assert jobs.print_id() == first          # a retry reuses the id: nothing twice
    jobs.session.end("done")
    jobs.session.touch()
    jobs.session.visit.state(JobsVisit).job = JOB
    assert jobs.print_id() != first          # the next visitor gets paper of their own


def test_the_visit_forgets_the_posting_and_query() -> None:
    jobs = flow()
    jobs.session.touch()
    jobs.set_query(jobs.query.with_text("司机"))
    jobs.visit.job = JOB
    jobs.session.end("timeout")
    assert jobs.query.text == "" and jobs.job == {}


def test_detail_rows_follow_the_standard_and_skip_empty_fields() -> None:
    jobs = flow()
    jobs.visit.job = JOB
    labels = [label for label, _ in jobs.detail_rows()]
    assert labels == ["jobs.f.headcount", "jobs.f.type", "jobs.f.education", "jobs.f.duties",
                      "jobs.f.address", "jobs.f.posted", "jobs.f.valid"]


def test_without_a_platform_the_flow_says_so() -> None:
    jobs = flow()
    assert jobs.search() is None
    assert jobs.note(None) == ("jobs.unavailable", {})
    assert not jobs.can_print()
    assert jobs.print_slip(None) == ("jobs.print.unavailable", {})
    assert jobs.send_interest("123", lambda *_: None) == ("jobs.interest.bad_phone", {})
    assert jobs.send_interest("", lambda *_: None) == ("jobs.interest.bad_phone", {})
    assert jobs.send_interest(None, lambda *_: None) == ("jobs.interest.unavailable", {})


def test_ui_queue_runs_posted_work_in_order() -> None:
    ui, seen = UiQueue(), []
    ui.post(lambda: seen.append(1))
    ui.post(lambda: seen.append(2))
    assert ui.run_pending() == 2 and seen == [1, 2]
