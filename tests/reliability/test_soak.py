"""Soak, short form: visitors through the real app while /proc is watched."""

from __future__ import annotations

from tests.reliability.soak import SoakFigures, slope


def test_scripted_sessions_run_through(soak_run: SoakFigures) -> None:
    assert soak_run.ok(), soak_run.summary()
    assert soak_run.samples, "the app was never sampled"


def test_the_app_holds_few_files_and_threads(soak_run: SoakFigures) -> None:
    peak_fds = max(s["fds"] for s in soak_run.samples)
    peak_threads = max(s["threads"] for s in soak_run.samples)
    assert peak_fds < 200 and peak_threads < 60, soak_run.summary()


def test_slope_is_least_squares() -> None:
    assert slope([(0, 1), (1, 3), (2, 5)]) == 2.0
    assert slope([(0, 4), (1, 4)]) == 0.0
