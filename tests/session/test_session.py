"""The visitor session state machine, driven by a fake clock (no sleeping)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from devices.idcard.card import parse_card
from devices.idcard.deck import card_text, sample
from kiosk.clock import FakeClock
from kiosk.session import CardOutcome, SessionState, SessionTimings, VisitorSession
from kiosk.taps import TapGuard

S = SessionState
TODAY = dt.date(2026, 3, 2)


@dataclass
class Form:
    """A flow's visit state, as a flow would keep it."""

    text: str = ""


def card(name: str):
    return parse_card(card_text(sample(name)))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def session(clock: FakeClock) -> VisitorSession:
    return VisitorSession(clock, SessionTimings(60, 120, 25, 15), "zh")


def idle_for(session: VisitorSession, clock: FakeClock, seconds: float) -> None:
    clock.advance(seconds)
    session.tick()


def test_touch_starts_a_session(session: VisitorSession) -> None:
    assert session.state is S.IDLE
    session.touch()
    assert session.state is S.ACTIVE


def test_warning_after_idle_timeout_then_continue(session, clock) -> None:
    session.touch()
    idle_for(session, clock, 59.9)
    assert session.state is S.ACTIVE
    idle_for(session, clock, 0.1)
    assert session.state is S.WARNING
    assert session.seconds_left() == pytest.approx(25)
    session.touch()                                   # one tap: continue
    assert session.state is S.ACTIVE
    idle_for(session, clock, 59)
    assert session.state is S.ACTIVE


def test_countdown_end_forgets_the_visitor(session, clock) -> None:
    ended = []
    session.on_end(lambda: ended.append(True))
    session.touch()
    session.set_language("bo")
    session.set_elder(True)
    session.visit.state(Form).text = "司机"
    idle_for(session, clock, 120)
    assert session.state is S.WARNING
    idle_for(session, clock, 24.9)
    assert session.state is S.WARNING
    idle_for(session, clock, 0.1)
    assert session.state is S.IDLE
    assert not session.visit.holds_personal_data() and ended == [True]
    assert (session.language, session.elder) == ("zh", False)
    assert session.end_reason == "timeout"


def test_elder_mode_waits_longer(session, clock) -> None:
    session.touch()
    session.set_elder(True)
    idle_for(session, clock, 119)
    assert session.state is S.ACTIVE
    idle_for(session, clock, 1)
    assert session.state is S.WARNING


def test_failsafe_returns_home_by_itself(session, clock) -> None:
    session.touch()
    session.visit.state(Form).text = "x"
    session.fail(RuntimeError("printer thread died"))
    assert session.state is S.FAILSAFE and not session.visit.holds_personal_data()
    idle_for(session, clock, 14)
    assert session.state is S.FAILSAFE
    idle_for(session, clock, 1)
    assert session.state is S.IDLE


def test_failure_is_logged_with_its_cause(session, caplog) -> None:
    session.fail(ValueError("bad posting id"))
    assert "bad posting id" in caplog.text


def test_out_of_service_until_back(session, clock) -> None:
    session.out_of_service("printer cover open")
    session.touch()
    idle_for(session, clock, 1000)
    assert session.state is S.OUT_OF_SERVICE
    session.back_in_service()
    assert session.state is S.IDLE


def test_left_card_is_reported_and_not_carried_over(session, clock) -> None:
    card_on_reader = [True]
    session.add_holder("card", lambda: card_on_reader[0])
    session.touch()
    session.end()
    assert session.items_to_take() == ["card"]
    assert session.is_leftover("card")
    session.touch()                                   # next visitor starts
    assert session.is_leftover("card")                # the old card still isn't theirs
    card_on_reader[0] = False
    session.tick()
    assert session.items_to_take() == [] and not session.is_leftover("card")


def test_faulty_holder_does_not_break_the_session(session) -> None:
    session.add_holder("receipt", lambda: 1 / 0)
    session.touch()
    session.end()
    assert session.state is S.IDLE and session.items_to_take() == []


def test_listeners_see_every_change(session, clock) -> None:
    seen = []
    session.on_change(lambda s: seen.append(s.state))
    session.touch()
    idle_for(session, clock, 60)
    idle_for(session, clock, 25)
    assert seen == [S.ACTIVE, S.WARNING, S.IDLE]


def test_tap_guard_blocks_a_quick_second_tap(clock) -> None:
    guard = TapGuard(clock, 0.6)
    assert guard.allow("print")
    clock.advance(0.3)
    assert not guard.allow("print")
    assert guard.allow("home")                        # another button is another action
    clock.advance(0.6)
    assert guard.allow("print")


def test_a_card_signs_its_owner_in(session) -> None:
    assert session.card_read(card("resident"), TODAY) is CardOutcome.SIGNED_IN
    assert session.state is S.ACTIVE
    assert session.visit.masked_name() == card("resident").masked_name()
    assert session.card_read(card("resident"), TODAY) is CardOutcome.SAME


def test_another_card_ends_the_visit_first(session) -> None:
    ended = []
    session.on_end(lambda: ended.append(session.end_reason))
    session.card_read(card("resident"), TODAY)
    session.visit.state(Form).text = "the first visitor's search"
    assert session.card_read(card("resident_elder"), TODAY) is CardOutcome.SWAPPED
    assert ended == ["another card"]
    assert session.visit.state(Form).text == ""
    assert session.visit.card.number == card("resident_elder").number


def test_an_expired_card_signs_in_flagged(session) -> None:
    assert session.card_read(card("resident_expired"), TODAY) is CardOutcome.EXPIRED
    assert session.visit.card_expired


def test_a_card_left_behind_signs_nobody_in(session) -> None:
    on_reader = {"card": True}
    session.add_holder("card", lambda: on_reader["card"])
    session.card_read(card("resident"), TODAY)
    session.end("done")
    assert session.card_read(card("resident"), TODAY) is CardOutcome.LEFTOVER
    assert session.state is S.IDLE and session.visit.card is None
    on_reader["card"] = False
    session.tick()
    assert session.card_read(card("resident"), TODAY) is CardOutcome.SIGNED_IN


def test_no_sign_in_on_the_failsafe_screen(session) -> None:
    session.fail(RuntimeError("x"))
    assert session.card_read(card("resident"), TODAY) is CardOutcome.BUSY
    assert session.visit.card is None


def test_a_card_lifted_and_laid_again_before_a_tick_signs_its_owner_in(session) -> None:
    """The reader's "card removed" reaches the session in order, before the next read:
    the card is the visitor's again even though no tick has looked at the reader."""
    on_reader = {"card": True}
    session.add_holder("card", lambda: on_reader["card"])
    session.card_read(card("resident"), TODAY)
    session.end("done")
    assert session.is_leftover("card")
    session.card_removed()                 # lifted; laid down again at once
    assert session.card_read(card("resident"), TODAY) is CardOutcome.SIGNED_IN
