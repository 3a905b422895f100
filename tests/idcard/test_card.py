"""Card layouts of all four types, validation and masking."""

from __future__ import annotations

import datetime as dt

import pytest

from devices.idcard.card import parse_card
from devices.idcard.deck import DECK, card_text, sample, with_check
from devices.idcard.errors import CardDataError
from devices.idcard.layouts import check_layouts
from devices.idcard.validation import check_char, number_ok

TODAY = dt.date(2026, 11, 23)


def test_layouts_are_256_bytes_with_type_at_248() -> None:
    check_layouts()


def test_known_check_digit() -> None:
    assert check_char("11010519491231002") == "X"
    assert number_ok("11010519491231002X")
    assert not number_ok("110105194912310021")


@pytest.mark.parametrize("name", sorted(DECK))
def test_every_sample_card_parses_and_validates(name: str) -> None:
    fields = sample(name)
    card = parse_card(card_text(fields))
    v = card.validation(TODAY)
    assert card.name == fields["name"] and card.number == fields["number"]
    assert v.number_ok and v.birth_matches and v.dates_ok
    assert v.expired == (name == "resident_expired")


def test_types_and_type_specific_fields() -> None:
    types = {n: parse_card(card_text(sample(n))) for n in DECK}
    assert types["hmt_residence"].card_type == "hmt_residence"
    assert types["hmt_residence"].extra["pass_number"] == "H12345678"
    assert types["permit_2017"].nationality == "USA"
    assert types["permit_2023"].name_en == "MARTIN, PAUL"
    assert types["resident_tibetan"].nation == "04"
    assert types["resident_elder"].valid_to == "长期"


def test_birth_date_must_match_the_number() -> None:
    fields = sample("resident") | {"birth": "19850313"}
    assert not parse_card(card_text(fields)).validation(TODAY).birth_matches


def test_impossible_dates_are_reported() -> None:
    fields = sample("resident") | {"valid_from": "20150231"}
    assert not parse_card(card_text(fields)).validation(TODAY).dates_ok


def test_wrong_length_is_a_data_error() -> None:
    with pytest.raises(CardDataError):
        parse_card(b"\x00" * 100)


def test_personal_data_stays_masked() -> None:
    card = parse_card(card_text(sample("resident")))
    assert "李晓梅" not in repr(card) and card.number not in repr(card)
    out = card.to_json(TODAY)
    assert out["number"] == "110105********" + card.number[-4:]
    assert out["name"] == "李**" and out["address"] == ""
    full = card.to_json(TODAY, reveal=True)
    assert full["number"] == card.number and full["birth_date"] == "1985-03-12"
    assert full["nation"] == {"code": "01", "text": "汉"}


def test_with_check_builds_valid_numbers() -> None:
    assert number_ok(with_check("54010219920708154"))


# Characters for which str.isdigit() is true that no card prints: superscripts,
# circled and full-width digits, other scripts' digits.
NOT_ASCII_DIGITS = ["²", "①", "１", "٣", "६", "𝟗"]


@pytest.mark.parametrize("digit", NOT_ASCII_DIGITS)
def test_a_number_with_unusual_digits_is_invalid_not_an_error(digit: str) -> None:
    good = sample("resident")["number"]
    for at in (0, 9, 16, 17):
        number = good[:at] + digit + good[at + 1:]
        assert not number_ok(number)
    with pytest.raises(CardDataError):
        check_char(good[:16] + digit)


def _in_digits(text: str, zero: str) -> str:
    """text with its ASCII digits written in the script whose zero is `zero`."""
    return "".join(chr(ord(zero) + int(c)) if c.isascii() and c.isdigit() else c for c in text)


@pytest.mark.parametrize("zero", ["０", "٠", "०", "𝟎"])       # full-width, Arabic, Devanagari…
@pytest.mark.parametrize("field", ["birth", "valid_from", "valid_to"])
def test_dates_in_other_digits_are_not_dates(field: str, zero: str) -> None:
    fields = sample("resident")
    fields[field] = _in_digits(fields[field], zero)
    v = parse_card(card_text(fields)).validation(TODAY)
    assert not v.dates_ok and not v.valid


def test_a_date_with_a_superscript_is_not_a_date() -> None:
    fields = sample("resident")
    fields["valid_to"] = fields["valid_to"][:7] + "¹"
    card = parse_card(card_text(fields))
    assert not card.validation(TODAY).dates_ok
    assert card.to_json(TODAY)["validation"]["valid"] is False


@pytest.mark.parametrize("text", ["1985312", "198503120", " 19850312", "1985-3-12"])
def test_dates_are_exactly_eight_digits(text: str) -> None:
    from devices.idcard.validation import parse_date

    assert parse_date(text) is None
    assert parse_date("19850312") == dt.date(1985, 3, 12)
