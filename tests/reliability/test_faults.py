"""Visitor sessions with faults: nothing stored is lost or doubled, nothing escapes."""

from __future__ import annotations

import pytest

from tests.reliability.faults import FAULTS, Figures

KNOWN_ESCAPE = "JSONDecodeError"       # a mangled 2xx answer leaves the client unwrapped
EMPTY_ANSWER = "terminal command failed: AttributeError"   # free_slots on an empty 2xx body
KNOWN_REFUSAL = "appointment_cancel:422"   # the path parameter travels in the body too
# A second set-aside reuses a dead.seq; the failed insert leaves BEGIN IMMEDIATE open, so
# every later write of the outbox stays uncommitted and every purge fails.
WEDGE = ("sqlite3.IntegrityError", "sqlite3.OperationalError")
WEDGE_REASON = ("kiosk/platform/outbox_store.py: set_aside copies pending.seq into dead.seq "
                "(reused rowid -> IntegrityError) and leaves its transaction open; the outbox "
                "is wedged (see test_known_bugs.py)")


def _wedged(fig: Figures) -> bool:
    return any(sig in key for key in fig.escapes for sig in WEDGE)


def _known(key: str) -> bool:
    return KNOWN_ESCAPE in key or EMPTY_ANSWER in key or any(sig in key for sig in WEDGE)


def test_the_run_met_every_fault(fault_run: Figures) -> None:
    assert set(FAULTS) - {"none"} <= set(fault_run.faults), fault_run.summary()
    assert {"down", "slow", "5xx", "malformed"} <= set(fault_run.injected)
    assert fault_run.terminal_starts > 1 and fault_run.receipts > 0


def test_every_stored_submission_reaches_the_platform(fault_run: Figures) -> None:
    assert sum(fault_run.stored.values()) > fault_run.sessions
    if fault_run.lost and _wedged(fault_run):
        pytest.xfail(WEDGE_REASON)
    assert fault_run.lost == [], fault_run.summary()


def test_no_submission_is_stored_twice(fault_run: Figures) -> None:
    assert fault_run.duplicated == [], fault_run.summary()


def test_devices_and_the_link_recover_from_every_fault(fault_run: Figures) -> None:
    others = [p for p in fault_run.problems if not p.startswith("outbox not drained")]
    assert others == [], fault_run.summary()
    if fault_run.problems and _wedged(fault_run):
        pytest.xfail(WEDGE_REASON)
    assert fault_run.problems == [], fault_run.summary()


def test_the_platform_never_answers_500(fault_run: Figures) -> None:
    assert fault_run.platform_500s == 0


def test_no_escapes_besides_the_known_one(fault_run: Figures) -> None:
    others = {k: n for k, n in fault_run.escapes.items() if not _known(k)}
    assert others == {}, fault_run.summary()


def test_no_refusals_besides_the_known_one(fault_run: Figures) -> None:
    others = [r for r in fault_run.refused if not r.startswith(KNOWN_REFUSAL)]
    assert others == [], fault_run.summary()


@pytest.mark.xfail(strict=False, reason="kiosk/platform/client.py: a 2xx answer whose body is "
                   "not JSON raises requests.JSONDecodeError, not a PlatformError; the sender "
                   "and periodic workers log it as an unexpected exception; an empty 2xx body "
                   "becomes None and free_slots() fails with AttributeError")
def test_a_mangled_answer_is_no_escape(fault_run: Figures) -> None:
    assert not [k for k in fault_run.escapes if KNOWN_ESCAPE in k or EMPTY_ANSWER in k], \
        fault_run.summary()


@pytest.mark.xfail(strict=False, reason=WEDGE_REASON)
def test_set_asides_do_not_wedge_the_outbox(fault_run: Figures) -> None:
    assert not _wedged(fault_run), fault_run.summary()


@pytest.mark.xfail(strict=False, reason="kiosk/platform/outbox.py: appointment_cancel sends "
                   "appointment_id in the body as well as the path; CancelIn forbids it (422), "
                   "so every cancel is set aside")
def test_a_cancel_is_accepted(fault_run: Figures) -> None:
    assert not [r for r in fault_run.refused if r.startswith(KNOWN_REFUSAL)]


def test_peak_memory_stays_bounded(fault_run: Figures) -> None:
    assert 0 < fault_run.terminal_peak_mib < 400
    assert 0 < fault_run.platform_peak_mib < 400
