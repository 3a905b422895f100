"""The driver against the simulator over a real pseudo-terminal: cards and faults."""

from __future__ import annotations

import threading

import pytest

from devices.idcard.deck import DECK
from devices.idcard.driver import CardRead, CardRemoved, IdcardReader, ReaderState
from devices.idcard.errors import ProtocolError, ReaderTimeout, ReaderUnavailable, SamError
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

    reader = IdcardReader(sim.port, on_event=on_event, monotonic=frozen_clock(), poll_s=0.005)
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
    reader = IdcardReader(str(tmp_path / "ttyNOPE"), monotonic=frozen_clock())
    with pytest.raises(ReaderUnavailable, match="cannot open"):
        reader.poll_once()
