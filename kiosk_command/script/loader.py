"""Reading a script file and collecting every capability's steps."""

from __future__ import annotations

import importlib
import json
import pkgutil
from pathlib import Path
from types import ModuleType
from typing import Any

from kiosk_command.script.context import ScriptFailure
from kiosk_command.script.runner import Step, StepFn


def step_modules() -> list[ModuleType]:
    """Every module of kiosk_command.script.steps, in name order."""
    import kiosk_command.script.steps as pkg

    return [importlib.import_module(f"{pkg.__name__}.{m.name}")
            for m in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name)]


def step_table(modules: list[ModuleType]) -> dict[str, StepFn]:
    """name -> function over all modules; a name defined twice is an error."""
    table: dict[str, StepFn] = {}
    for module in modules:
        for name, fn in getattr(module, "STEPS", {}).items():
            if name in table:
                raise ScriptFailure(f"script: step {name!r} is defined twice")
            table[name] = fn
    return table


def parse_steps(raw: list[Any]) -> list[Step]:
    """[{"tap": "home.tile.jobs"}, {"advance": 61, "timeout": 5}] -> Steps."""
    steps = []
    for index, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            raise ScriptFailure(f"script: step {index} must be an object, got {item!r}")
        keys = [k for k in item if k not in ("timeout", "note")]
        if len(keys) != 1:
            raise ScriptFailure(f"script: step {index} must name exactly one action: {item!r}")
        steps.append(Step(index, keys[0], item[keys[0]], float(item.get("timeout", 10.0))))
    return steps


def read_script(path: Path) -> dict[str, Any]:
    """The script document; its errors name the file."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ScriptFailure(f"script: cannot read {path}: {exc}") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("steps"), list):
        raise ScriptFailure(f"script: {path} needs an object with a \"steps\" list")
    return doc
