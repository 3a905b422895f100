"""The complaints flow's rules without a display, against the reference platform on
127.0.0.1: the number and the five-working-day promise on the synced calendar, what
a complaint needs, anonymous ones said plainly, the slip, and the rating rules (one
per service per visit, a skip counts, the bottom two grades ask why)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

import pytest

from central.workdays import calendar_docs
from kiosk.clock import CHINA, FakeClock
from kiosk.config import load_settings
from kiosk.core import KioskCore
from kiosk.flows.complaints import filing
from kiosk.flows.complaints.flow import ComplaintsFlow
from kiosk.session import VisitorSession
from kiosk_command.platform_proc import PlatformProcess
from tests.platform.conftest import service_for

FRIDAY = dt.datetime(2026, 3, 6, 16, 20, tzinfo=CHINA)


def tr(key: str, lang: str) -> str:
    return f"{lang}:{key}"


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory):
    with PlatformProcess(tmp_path_factory.mktemp("central"),
                         extra_args=("--max-skew", "315360000")) as proc:
        yield proc


@pytest.fixture
def flow(platform: PlatformProcess, tmp_path) -> ComplaintsFlow:
    clock = FakeClock(FRIDAY)
    service = service_for(platform, tmp_path / "kiosk", clock, submit_wait_s=10).start()
    core = KioskCore(load_settings(environ={}), clock, VisitorSession(clock), platform=service)
    yield ComplaintsFlow(core)
    service.stop()


def wait_ui(flow: ComplaintsFlow, ready: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 30
    while not ready():
        flow.ui.run_pending()
        assert time.monotonic() < deadline, "no answer from the worker thread"
        time.sleep(0.02)


def test_numbers_and_the_promise_on_the_working_day_calendar() -> None:
    number = filing.tracking_number(FRIDAY.date())
    assert filing.NUMBER.match(number) and number.startswith("TS20260306-")
    assert filing.typed_number("".join(c for c in number if c.isdigit())) == number
    assert filing.typed_number("123") is None
    docs = calendar_docs()
    assert filing.promised(dt.date(2026, 3, 6), docs) == dt.date(2026, 3, 13)
    # Tuesday 29 September 2026: 30 Sep, National Day 1-7 October off, 8, 9, the
    # make-up Saturday 10 October, then Monday 12
    assert filing.promised(dt.date(2026, 9, 29), docs) == dt.date(2026, 10, 12)
    assert filing.promised(dt.date(2026, 3, 6), []) == dt.date(2026, 3, 13)


def test_a_complaint_needs_words_and_a_phone_or_anonymity(flow: ComplaintsFlow) -> None:
    flow.start("complaint")
    assert flow.check("", "13800138000") == ("fb.file.need_text", {})
    flow.toggle_reason("waiting")
    assert flow.check("", "138") == ("fb.file.need_phone", {})
    flow.set_anonymous(True)
    assert flow.check("", "") is None
    states: list[str] = []
    assert flow.file("", "13800138000", tr, states.append) is None
    wait_ui(flow, lambda: bool(states))
    filed = flow.visit.filed
    assert states == ["sent"] and filed.phone == ""          # anonymous keeps no phone
    assert filed.text == "zh:fb.reason.waiting" and filed.answer_by == dt.date(2026, 3, 13)
    assert flow.follow_up() == ("fb.filed.anonymous", {})
    slip = flow.slip("en", tr)
    assert slip is not None and filed.tracking_number in flow.qr_text()


def test_a_posting_report_offers_its_own_reasons(flow: ComplaintsFlow) -> None:
    flow.report_posting("J0001", "叉车司机")
    assert flow.visit.kind == "report" and flow.visit.about == "posting"
    assert "discrimination" in flow.reasons()


def test_one_rating_per_service_per_visit_and_the_bottom_two_ask_why(
        flow: ComplaintsFlow) -> None:
    assert flow.offer("jobs_print", "J0001", "job_detail")
    flow.choose_grade(4)
    assert not flow.asks_why()
    flow.choose_grade(2)
    assert flow.asks_why()
    flow.toggle_why("attitude")
    assert flow.send_rating("  排队太久 ") == "job_detail"
    assert not flow.offer("jobs_print", "J0002")              # the same service again
    assert flow.offer("complaint", "TS20260306-100000")
    assert flow.skip_rating() == "home"
    assert not flow.offer("complaint", "TS20260306-100001")   # a skip counts
    assert flow.offer("desk", "guidance", desk="3")
    assert flow.skip_rating() == "home"
    assert flow.offer("desk", "jobs", desk="5")               # another desk
    with pytest.raises(ValueError):
        flow.offer("nothing")
