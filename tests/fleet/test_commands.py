"""The allow-list: what a terminal runs, with which arguments, and until when."""

from __future__ import annotations

import logging

import pytest

from kiosk.fleet.commands import SPECS, CommandRefused, parse
from kiosk.fleet.loglevels import TimedLevels
from kiosk.fleet.uploads import clean_line

LISTED_AT = 1_800_000_000.0
EXPIRES = "2027-01-15T08:00:00Z"          # 1_800_000_000 is 2027-01-15T08:00:00Z


def item(kind: str, **args: object) -> dict[str, object]:
    return {"id": "K-1", "kind": kind, "args": args, "expires_at": EXPIRES}


def test_every_kind_of_the_contract_is_known() -> None:
    from central.contract import document

    assert set(SPECS) == set(document()["components"]["schemas"]["CommandKind"]["enum"])


def test_the_deadline_counts_from_the_platforms_time_on_the_steady_clock() -> None:
    command = parse({**item("sync_catalog"), "expires_at": "2027-01-15T08:10:00+00:00"},
                    LISTED_AT, steady_now=50.0)
    assert command.deadline == pytest.approx(650.0)


@pytest.mark.parametrize(("raw", "why"), [
    ({"id": "K-1", "kind": "reboot_now", "args": {}, "expires_at": EXPIRES}, "not a command"),
    (item("restart", force=True), "takes no arguments"),
    (item("log_level", logger="kiosk", level="LOUD"), "level must be one of"),
    (item("log_level", logger="os; rm -rf /", level="DEBUG"), "module name"),
    (item("upload_logs", lines=10**9), "from 1 to 2000"),
    (item("upload_logs", lines=True), "whole number"),
    (item("out_of_service", message="x" * 201), "at most 200"),
    ({"id": "K-1", "kind": "restart", "args": {}}, "without an expiry"),
    ({"id": "K-1", "kind": "restart", "args": {}, "expires_at": "soon"}, "not a date"),
    ({"id": "K-1", "kind": "restart", "args": [], "expires_at": EXPIRES}, "must be an object"),
])
def test_refused_with_its_reason_and_id(raw: dict[str, object], why: str) -> None:
    with pytest.raises(CommandRefused, match=why) as caught:
        parse(raw, LISTED_AT, 0.0)
    assert caught.value.command_id == "K-1"


def test_a_command_without_a_usable_id_cannot_even_be_answered() -> None:
    with pytest.raises(CommandRefused) as caught:
        parse({"id": "../../etc", "kind": "restart", "expires_at": EXPIRES}, LISTED_AT, 0.0)
    assert caught.value.command_id == ""


def test_arguments_come_out_checked_with_their_defaults() -> None:
    assert parse(item("upload_logs"), LISTED_AT, 0).args == {"lines": 500}
    assert parse(item("log_level", logger="kiosk.platform", level="DEBUG"), LISTED_AT,
                 0).args == {"logger": "kiosk.platform", "level": "DEBUG", "minutes": 30}
    assert parse(item("out_of_service", message=" 维护中 "), LISTED_AT, 0).args == {
        "message": "维护中"}


def test_a_raised_log_level_is_put_back_at_its_time() -> None:
    logger = logging.getLogger("kiosk.fleet.test_module")
    logger.setLevel(logging.WARNING)
    levels = TimedLevels()
    levels.set("kiosk.fleet.test_module", "DEBUG", until=100.0)
    levels.set("kiosk.fleet.test_module", "INFO", until=200.0)   # the level before stays
    assert levels.expire(150.0) == [] and logger.level == logging.INFO
    assert levels.expire(200.0) == ["kiosk.fleet.test_module"]
    assert logger.level == logging.WARNING


@pytest.mark.parametrize(("line", "kept", "gone"), [
    ('{"msg": "lookup", "id": "110105199001011234"}', "110105********1234", "19900101"),
    ('{"msg": "sms to 13812345678"}', "138****5678", "12345678"),
    ('{"msg": "name 王小明 signed in"}', "〇", "王小明"),
    ('{"msg": "card 6222021234567890123"}', "#", "6222021234567890123"),
])
def test_uploaded_log_lines_lose_personal_shapes(line: str, kept: str, gone: str) -> None:
    cleaned, blanked = clean_line(line)
    assert kept in cleaned and gone not in cleaned and blanked >= 1


def test_the_last_good_configuration_is_laid_between_site_and_environment(tmp_path) -> None:
    from kiosk.config import load_settings
    from kiosk.config.fleetfile import HeldConfig, write_fleet_file

    env = {"KIOSK_PATHS__DATA_DIR": str(tmp_path), "KIOSK_KIOSK__HALL_NAME": "现场名称"}
    write_fleet_file(tmp_path, HeldConfig(3, {"kiosk": {"staff_desk": "6", "hall_name": "远端"}}))
    settings = load_settings(None, environ=env, fleet=True)
    assert settings.kiosk.staff_desk == "6"            # the fleet's
    assert settings.kiosk.hall_name == "现场名称"        # the environment wins over it
    assert load_settings(None, environ=env).kiosk.staff_desk == "1"   # only when asked


def test_a_last_good_file_that_no_longer_validates_is_left_out(tmp_path) -> None:
    from kiosk.config import load_settings
    from kiosk.config.fleetfile import FLEET_FILE

    (tmp_path / FLEET_FILE).write_text('{"version": 2, "settings": {"kiosk": {"warning_s": 1}}}')
    env = {"KIOSK_PATHS__DATA_DIR": str(tmp_path)}
    assert load_settings(None, environ=env, fleet=True).kiosk.warning_s == 25.0
    (tmp_path / FLEET_FILE).write_text("{not json")
    assert load_settings(None, environ=env, fleet=True).kiosk.warning_s == 25.0


def test_what_changes_live_and_what_waits_for_a_restart() -> None:
    from kiosk.config import load_settings
    from kiosk.fleet.config import ConfigRefused, check, differences

    current = load_settings(None, environ={})
    new = check(current, {"kiosk": {"staff_desk": "4"}, "printer": {"status_poll_s": 3}})
    assert differences(current, new) == ({"kiosk.staff_desk"}, {"printer.status_poll_s"})
    for bad, why in (({"paths": {"data_dir": "/tmp"}}, "paths.data_dir"),
                     ({"platform": {"key_file": "/k"}}, "platform.key_file"),
                     ({"kiosk": "x"}, "tables"), ({"nosuch": {}}, "unknown section")):
        with pytest.raises(ConfigRefused, match=why):
            check(current, bad)
