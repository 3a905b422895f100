"""Visitor sessions with faults: nothing stored is lost or doubled, nothing escapes."""

from __future__ import annotations

from tests.reliability.faults import FAULTS, Figures


def test_the_run_met_every_fault(fault_run: Figures) -> None:
    assert set(FAULTS) - {"none"} <= set(fault_run.faults), fault_run.summary()
    assert {"down", "slow", "5xx", "malformed"} <= set(fault_run.injected)
    assert fault_run.terminal_starts > 1 and fault_run.receipts > 0


def test_every_stored_submission_reaches_the_platform(fault_run: Figures) -> None:
    assert sum(fault_run.stored.values()) > fault_run.sessions
    assert fault_run.lost == [], fault_run.summary()


def test_no_submission_is_stored_twice(fault_run: Figures) -> None:
    assert fault_run.duplicated == [], fault_run.summary()


def test_devices_and_the_link_recover_from_every_fault(fault_run: Figures) -> None:
    assert fault_run.problems == [], fault_run.summary()


def test_the_platform_never_answers_500(fault_run: Figures) -> None:
    assert fault_run.platform_500s == 0


def test_nothing_escapes(fault_run: Figures) -> None:
    assert fault_run.escapes == {}, fault_run.summary()


def test_the_platform_refuses_nothing_a_visitor_sent(fault_run: Figures) -> None:
    assert fault_run.refused == [], fault_run.summary()


def test_peak_memory_stays_bounded(fault_run: Figures) -> None:
    assert 0 < fault_run.terminal_peak_mib < 400
    assert 0 < fault_run.platform_peak_mib < 400
