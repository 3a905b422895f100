"""`kiosk devices read-card` against the simulator: JSON, masking, exit codes."""

from __future__ import annotations

import json

from devices.idcard.deck import sample


def test_read_card_prints_masked_json(kiosk_cli, sim) -> None:
    sim.place_card("resident")
    result = kiosk_cli("devices", "read-card", "--port", sim.port, "--timeout", "5")
    assert result.returncode == 0, result.stderr
    card = json.loads(result.stdout)
    assert card["card_type"] == "resident" and card["name"] == "李**"
    assert card["number"].startswith("110105********")
    assert card["validation"]["valid"] is True
    assert "李晓梅" not in result.stdout + result.stderr


def test_reveal_and_expired(kiosk_cli, sim) -> None:
    sim.place_card("resident_expired")
    result = kiosk_cli("devices", "read-card", "--port", sim.port, "--reveal")
    card = json.loads(result.stdout)
    assert result.returncode == 0
    assert card["name"] == "赵小军" and card["validation"]["expired"] is True
    assert card["valid_to"] == "2016-05-20"


def test_no_card_exits_2(kiosk_cli, sim) -> None:
    result = kiosk_cli("devices", "read-card", "--port", sim.port, "--timeout", "0")
    assert result.returncode == 2
    assert result.stderr.strip() == "kiosk: card reader: no card within 0 s"


def test_reader_error_exits_3(kiosk_cli, sim, tmp_path) -> None:
    result = kiosk_cli("devices", "read-card", "--port", str(tmp_path / "ttyNONE"))
    assert result.returncode == 3 and "cannot open" in result.stderr
    sim.set_fault("sam_failure")
    result = kiosk_cli("devices", "read-card", "--port", sim.port, "--timeout", "0")
    assert result.returncode == 3 and "SAM" in result.stderr


def test_a_reply_without_status_word_exits_3_with_one_line(kiosk_cli, sim) -> None:
    sim.set_fault("short_reply")
    sim.place_card("resident")
    result = kiosk_cli("devices", "read-card", "--port", sim.port, "--timeout", "0")
    assert result.returncode == 3, result.stderr
    assert result.stderr.strip().splitlines() == [
        f"kiosk: card reader: reply on {sim.port} is not a valid GA/T 467 reply: "
        "frame too short for its head (2 bytes)"]


def test_a_number_with_a_superscript_digit_is_printed_as_invalid(kiosk_cli, sim) -> None:
    card = sample("resident")
    card["number"] = card["number"][:16] + "²" + card["number"][17:]
    sim.place_card(card)
    result = kiosk_cli("devices", "read-card", "--port", sim.port, "--timeout", "5")
    assert result.returncode == 0, result.stderr
    validation = json.loads(result.stdout)["validation"]
    assert validation["number_ok"] is False and validation["valid"] is False
