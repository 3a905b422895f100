"""The driver against the simulator over a real pseudo-terminal: cards and faults."""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path

import pytest

from devices.idcard.deck import DECK
from devices.idcard.driver import CardRead, CardRemoved, IdcardReader, ReaderState
from devices.idcard.errors import ProtocolError, ReaderTimeout, ReaderUnavailable, SamError
from devices.idcard.simulator import IdcardSimulator
from kiosk.logs import JsonFormatter
from tests.idcard.conftest import frozen_clock


@pytest.mark.parametrize("name", sorted(DECK))
def test_every_card_type_is_read(sim, reader, name: str) -> None:
    assert reader.poll_once() is None
    sim.place_card(name)
    event = reader.poll_once()
    assert isinstance(event, CardRead) and event.card.number == DECK[name]["number"]
    assert event.card.photo and reader.card_present()


@pytest.mark.parametrize("behaviour", ["not_found_until_lifted", "keeps_finding"])
def test_card_is_read_once_and_its_removal_noticed(sim, reader, behaviour: str) -> None:
    sim.state.behaviour = behaviour
    sim.place_card("resident")
    assert isinstance(reader.poll_once(), CardRead)
    for _ in range(3):
        assert reader.poll_once() is None          # still lying there: not read again
    assert reader.card_present()
    sim.remove_card()
    assert isinstance(reader.poll_once(), CardRemoved)
    assert not reader.card_present()


def test_a_swapped_card_is_noticed(sim, reader) -> None:
    sim.state.behaviour = "keeps_finding"
    sim.place_card("resident")
    reader.poll_once()
    sim.place_card("permit_2023")                  # swapped between two polls
    assert isinstance(reader.poll_once(), CardRemoved)
    event = reader.poll_once()
    assert isinstance(event, CardRead) and event.card.card_type == "permit_2023"


def test_no_card_fault_reads_nothing(sim, reader) -> None:
    sim.set_fault("no_card")
    sim.place_card("resident")
    assert reader.poll_once() is None


def test_garbage_before_replies_is_skipped(sim, reader) -> None:
    sim.set_fault("garbage")
    sim.place_card("resident")
    assert isinstance(reader.poll_once(), CardRead)
    assert reader.link.garbage_bytes > 0


@pytest.mark.parametrize("fault, error, words", [
    ("bad_checksum", ProtocolError, "bad checksum"),
    ("truncated", ProtocolError, "cut short"),
    ("slow", ReaderTimeout, "no reply"),
])
def test_line_faults_time_out_on_the_injected_clock(sim, impatient_reader, fault, error,
                                                    words) -> None:
    sim.set_fault(fault)
    sim.place_card("resident")
    with pytest.raises(error, match=words):
        impatient_reader.poll_once()


def test_sam_failure_is_reported_as_such(sim, reader) -> None:
    sim.set_fault("sam_failure")
    with pytest.raises(SamError, match="SAM"):
        reader.poll_once()


def test_unplug_and_replug(sim, reader) -> None:
    sim.place_card("resident")
    reader.poll_once()
    sim.unplug()
    with pytest.raises(ReaderUnavailable):
        reader.poll_once()
    with pytest.raises(ReaderUnavailable, match="cannot open"):
        reader.poll_once()
    sim.replug()
    sim.remove_card()
    sim.place_card("permit_2017")
    reader._present = False                         # the card was lifted while unplugged
    assert isinstance(reader.poll_once(), CardRead)


def test_thread_reports_events_and_status(sim) -> None:
    events, got_card, got_sam = [], threading.Event(), threading.Event()

    def on_event(event) -> None:
        events.append(event)
        if isinstance(event, CardRead):
            got_card.set()
        if getattr(event, "state", None) is ReaderState.SAM_ERROR:
            got_sam.set()

    reader = IdcardReader(sim.port, on_event=on_event, clock=frozen_clock(), poll_s=0.005)
    reader.start()
    try:
        sim.place_card("hmt_residence")
        assert got_card.wait(5)
        sim.set_fault("sam_failure")
        assert got_sam.wait(5)
        assert reader.status().state is ReaderState.SAM_ERROR
        assert reader.status().cards_read == 1
    finally:
        reader.close()


def test_bad_port_is_unavailable(tmp_path) -> None:
    reader = IdcardReader(str(tmp_path / "ttyNOPE"), clock=frozen_clock())
    with pytest.raises(ReaderUnavailable, match="cannot open"):
        reader.poll_once()


def test_a_reply_without_status_word_is_a_protocol_error(sim, reader) -> None:
    sim.set_fault("short_reply")
    sim.place_card("resident")
    with pytest.raises(ProtocolError, match="too short"):
        reader.poll_once()
    sim.set_fault("none")
    assert isinstance(reader.poll_once(), CardRead)


class Waiter:
    """Collects a reader's events; wait(pred) blocks until one matches (or 5 s pass)."""

    def __init__(self) -> None:
        self.events: list = []
        self._cond = threading.Condition()

    def __call__(self, event) -> None:
        with self._cond:
            self.events.append(event)
            self._cond.notify_all()

    def wait(self, pred) -> object:
        with self._cond:
            assert self._cond.wait_for(lambda: any(pred(e) for e in self.events), timeout=5)
            return next(e for e in self.events if pred(e))


def _faulty(event) -> bool:
    return getattr(event, "state", None) is ReaderState.FAULT


def test_the_reader_thread_outlives_a_reply_without_status_word(sim) -> None:
    waiter = Waiter()
    reader = IdcardReader(sim.port, on_event=waiter, clock=frozen_clock(), poll_s=0.005)
    sim.set_fault("short_reply")
    sim.place_card("resident")
    reader.start()
    try:
        assert "too short" in waiter.wait(_faulty).detail
        sim.set_fault("none")
        card = waiter.wait(lambda e: isinstance(e, CardRead)).card
        assert card.number == DECK["resident"]["number"] and reader.card_present()
        assert reader._thread.is_alive()
    finally:
        reader.close()


class BrokenOnceClock:
    """A clock that moves only when told and fails once when armed: a fault nobody foresaw."""

    def __init__(self) -> None:
        self.now, self.armed = 1000.0, False

    def monotonic(self) -> float:
        if self.armed:
            self.armed = False
            raise RuntimeError("李晓梅 110105198503123620")    # personal data in a message
        return self.now


def test_an_unforeseen_fault_is_logged_reported_and_the_reader_restarts(sim, caplog) -> None:
    clock, waiter = BrokenOnceClock(), Waiter()
    reader = IdcardReader(sim.port, on_event=waiter, clock=clock, poll_s=0.005)
    caplog.set_level(logging.ERROR, logger="devices.idcard.driver")
    reader.start()
    try:
        clock.armed = True
        status = waiter.wait(_faulty)
        assert status.detail.startswith("unexpected RuntimeError at ")
        [record] = [r for r in caplog.records if r.msg.startswith("device worker fault")]
        assert record.device == "idcard" and record.restart_in_s == 0.5
        line = JsonFormatter().format(record)
        assert json.loads(line)["cause"] == status.detail
        assert "李晓梅" not in line and "110105198503123620" not in line
        sim.place_card("resident")
        clock.now += 0.5                              # the back-off passes on the injected clock
        waiter.wait(lambda e: isinstance(e, CardRead))
        assert reader.status().state is ReaderState.OK and reader.supervisor.faults == 1
    finally:
        reader.close()


def test_the_simulator_leaves_no_folder_behind() -> None:
    simulator = IdcardSimulator(baud=0).start()
    folder = Path(simulator.port).parent
    assert folder.is_dir()
    simulator.close()
    assert not folder.exists()
