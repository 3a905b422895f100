"""Layered configuration: defaults, site file, environment; one-line errors."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

import pytest

from kiosk.config import Settings, load_settings
from kiosk.config.loader import default_file
from kiosk.errors import ConfigError


def test_defaults_load() -> None:
    settings = load_settings(None, environ={})
    assert settings.kiosk.idle_timeout_s == 60
    assert settings.kiosk.elder_idle_timeout_s == 120
    assert settings.kiosk.warning_s >= 20


def test_default_file_mirrors_schema() -> None:
    tree = tomllib.loads(default_file().read_text(encoding="utf-8"))
    for section in dataclasses.fields(Settings):
        keys = {f.name for f in dataclasses.fields(getattr(Settings(), section.name))}
        assert set(tree[section.name]) == keys, section.name


def test_site_file_then_environment(tmp_path: Path) -> None:
    site = tmp_path / "site.toml"
    site.write_text('[kiosk]\nhall_name = "朝阳区"\nidle_timeout_s = 90\n', encoding="utf-8")
    settings = load_settings(site, environ={"KIOSK_KIOSK__IDLE_TIMEOUT_S": "75"})
    assert settings.kiosk.hall_name == "朝阳区"
    assert settings.kiosk.idle_timeout_s == 75
    assert settings.kiosk.staff_desk == "1"          # untouched keys keep defaults


@pytest.mark.parametrize("env, expected", [
    ({"KIOSK_KIOSK__IDLE_TIMEOUT_S": "5"},
     "config: kiosk.idle_timeout_s = 5 is not allowed; allowed: a number from 10 to 600"),
    ({"KIOSK_KIOSK__LANGUAGE": '"fr"'},
     "config: kiosk.language = 'fr' is not allowed; allowed: 'zh', 'en', 'bo'"),
    ({"KIOSK_DISPLAY__FULLSCREEN": '"yes"'},
     "config: display.fullscreen = 'yes' is not allowed; allowed: true or false"),
])
def test_bad_value_names_key_value_and_allowed(env: dict[str, str], expected: str) -> None:
    with pytest.raises(ConfigError) as err:
        load_settings(None, environ=env)
    assert str(err.value) == expected


def test_unknown_key_is_an_error(tmp_path: Path) -> None:
    site = tmp_path / "site.toml"
    site.write_text("[kiosk]\nidle_timeout = 90\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"unknown key kiosk\.idle_timeout; allowed: "):
        load_settings(site, environ={})


def test_cli_stops_with_one_line(kiosk_cli, tmp_path: Path) -> None:
    site = tmp_path / "site.toml"
    site.write_text("[kiosk]\nwarning_s = 5\n", encoding="utf-8")
    result = kiosk_cli("--config", str(site), "config")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "kiosk: config: kiosk.warning_s = 5 is not allowed; allowed: a number from 20 to 120"]


def test_readme_documents_every_key() -> None:
    readme = (default_file().parents[1] / "README.md").read_text(encoding="utf-8")
    missing = [f"{section.name}.{f.name}"
               for section in dataclasses.fields(Settings)
               for f in dataclasses.fields(getattr(Settings(), section.name))
               if f"`{section.name}.{f.name}`" not in readme]
    assert missing == []
