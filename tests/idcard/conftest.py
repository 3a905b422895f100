"""A simulated reader on a pseudo-terminal, and clocks for the driver."""

from __future__ import annotations

import itertools

import pytest

from devices.idcard.driver import IdcardReader
from devices.idcard.simulator import IdcardSimulator


@pytest.fixture
def sim():
    simulator = IdcardSimulator(baud=0).start()       # unpaced: tests need no wire time
    yield simulator
    simulator.close()


class Ticks:
    """A monotonic clock reading its seconds from a function."""

    def __init__(self, read) -> None:
        self.read = read

    def monotonic(self) -> float:
        return self.read()


def frozen_clock() -> Ticks:
    """Time that never moves: no reply ever times out."""
    return Ticks(lambda: 1000.0)


def stepping_clock(step: float = 0.05) -> Ticks:
    """Time that moves `step` seconds each time it is read: time-outs come without waiting."""
    counter = itertools.count()
    return Ticks(lambda: 1000.0 + next(counter) * step)


@pytest.fixture
def reader(sim):
    r = IdcardReader(sim.port, clock=frozen_clock())
    yield r
    r.close()


@pytest.fixture
def impatient_reader(sim):
    r = IdcardReader(sim.port, clock=stepping_clock(), reply_timeout_s=0.5)
    yield r
    r.close()
