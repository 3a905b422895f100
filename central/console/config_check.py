"""The console's editor checks a configuration against the terminal's own schema.

The schema file is written from the terminal's typed settings (`kiosk config
--json-schema`); a value the terminal would refuse is refused here, before a new
version is saved, with the schema's own words and where the value sits.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from central.console.errors import ConsoleError

SCHEMA_FILE = Path(__file__).with_name("terminal-config.schema.json")


class ConfigInvalid(ConsoleError):
    """The settings break the terminal's schema (the message lists each place and why)."""


@lru_cache(maxsize=1)
def _validator() -> Any:
    import jsonschema_rs

    return jsonschema_rs.Draft202012Validator(json.loads(SCHEMA_FILE.read_text("utf-8")))


def check(settings: dict[str, Any]) -> None:
    """ConfigInvalid naming every place the settings break the schema."""
    problems = []
    for error in _validator().iter_errors(settings):
        place = ".".join(str(p) for p in error.instance_path) or "(top)"
        problems.append(f"{place}: {error.message}")
    if problems:
        raise ConfigInvalid("; ".join(sorted(problems)[:10]))
