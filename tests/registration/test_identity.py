"""Who is registering: the card fills everything; a typed number and name are checked
and each problem is one plain line that keeps what was typed."""

from __future__ import annotations

from kiosk.flows.registration.identity import Identity
from kiosk.flows.registration.state import RegistrationVisit
from tests.registration.conftest import NUMBER, OTHER, card, lay_card, make_flow, number


def test_a_card_fills_the_identity_and_leads_to_the_consent() -> None:
    flow = make_flow()
    lay_card(flow)
    assert flow.start() == "reg_consent"
    who = flow.visit.identity
    assert who == Identity("张晓明", "male", "1990-01-01", NUMBER, from_card=True)
    assert "张晓明" not in repr(who) and NUMBER not in repr(who)
    assert flow.card_problem() is None


def test_without_a_card_the_visit_starts_at_the_start_screen() -> None:
    flow = make_flow(staff_desk="7")
    assert flow.start() == "reg_start"
    assert flow.visit.identity is None
    assert flow.manual_help() == ("reg.manual.help", {"desk": "7"})


def test_a_typed_number_and_name_are_accepted() -> None:
    flow = make_flow()
    assert flow.identify_typed(" " + OTHER.lower() + " ", " 李娜 ") is None
    assert flow.visit.identity == Identity("李娜", "female", "1992-03-15", OTHER, False)


def test_a_wrong_check_digit_is_one_line_and_the_typing_is_kept() -> None:
    flow = make_flow()
    wrong = NUMBER[:17] + ("0" if NUMBER[17] != "0" else "1")
    assert flow.identify_typed(wrong, "张晓明") == ("reg.manual.check_digit", {})
    assert flow.visit.identity is None
    assert (flow.visit.typed_number, flow.visit.typed_name) == (wrong, "张晓明")


def test_a_birth_date_in_the_future_or_impossible_is_one_line() -> None:
    flow = make_flow()
    future = number("11010520990101123")
    assert flow.identify_typed(future, "张晓明") == ("reg.manual.birth_future", {})
    assert flow.visit.typed_number == future
    assert flow.identify_typed(number("11010519901301123"), "张晓明") == (
        "reg.manual.birth_impossible", {})
    assert flow.identify_typed(number("11010518000101123"), "张晓明") == (
        "reg.manual.birth_impossible", {})


def test_a_number_of_the_wrong_shape_says_how_long_it_was() -> None:
    flow = make_flow()
    assert flow.identify_typed("1101051990", "张晓明") == ("reg.manual.number_form", {"n": 10})
    assert flow.identify_typed(NUMBER[:17] + "Y", "张晓明") == ("reg.manual.number_form",
                                                               {"n": 18})


def test_a_name_with_digits_or_letters_is_one_line_and_kept() -> None:
    flow = make_flow()
    assert flow.identify_typed(NUMBER, "张晓明2") == ("reg.manual.name_digits", {})
    assert flow.visit.typed_name == "张晓明2" and flow.visit.identity is None
    assert flow.identify_typed(NUMBER, "zhang xiaoming") == ("reg.manual.name_latin", {})
    assert flow.identify_typed(NUMBER, "") == ("reg.manual.name_missing", {})
    assert flow.identify_typed(NUMBER, "张") == ("reg.manual.name_chars", {})
    assert flow.identify_typed(NUMBER, "张·") == ("reg.manual.name_chars", {})
    assert flow.identify_typed(NUMBER, "张晓明！") == ("reg.manual.name_chars", {})


def test_a_name_of_several_parts_takes_the_middle_dot_in_any_form() -> None:
    flow = make_flow()
    assert flow.identify_typed(NUMBER, "阿依古丽・买买提") is None      # katakana dot typed
    assert flow.visit.identity is not None and flow.visit.identity.name == "阿依古丽·买买提"


def test_an_expired_card_is_refused_with_what_to_do_and_the_desk() -> None:
    flow = make_flow(staff_desk="3")
    lay_card(flow, card(valid_to="20250101"))
    assert flow.start() == "reg_start"
    assert flow.card_problem() == ("reg.card_expired", {"desk": "3"})
    assert flow.visit.identity is None
    # typing the expired card's number instead is refused the same way
    assert flow.identify_typed(NUMBER, "张晓明") == ("reg.card_expired", {"desk": "3"})
    assert flow.visit == RegistrationVisit(typed_number=NUMBER, typed_name="张晓明")
