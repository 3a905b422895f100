"""The terminal's settings as a JSON Schema, for the fleet console's editor.

The console (central/) must not import the terminal's code, yet it should refuse a
value the terminal would refuse before a new configuration version is saved. So the
terminal's own typed settings are written out as a schema file that the platform
reads (central/console/terminal-config.schema.json, made by
`kiosk config --json-schema`; a test keeps the file in step with these dataclasses).
Keys only the terminal's own files may set (paths.*, platform.url/device_id/key_file)
are left out: the schema refuses them as the terminal does.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any, Literal, get_args, get_origin

from kiosk.config.schema import Settings
from kiosk.fleet.config import LOCAL_ONLY


def _type(hint: Any, meta: typing.Mapping[str, Any]) -> dict[str, Any]:
    origin = get_origin(hint)
    if origin is Literal:
        return {"enum": list(get_args(hint))}
    if origin in (types.UnionType, typing.Union):
        inner = [a for a in get_args(hint) if a is not type(None)][0]
        return {"anyOf": [_type(inner, meta), {"type": "null"}, {"const": ""}]}
    if origin is list:
        return {"type": "array", "items": _type(get_args(hint)[0], {})}
    if origin is dict:
        return {"type": "object", "additionalProperties": _type(get_args(hint)[1], {})}
    out: dict[str, Any] = {bool: {"type": "boolean"}, int: {"type": "integer"},
                           float: {"type": "number"}, str: {"type": "string"}}[hint].copy()
    if hint in (int, float):
        if meta.get("min") is not None:
            out["minimum"] = meta["min"]
        if meta.get("max") is not None:
            out["maximum"] = meta["max"]
    return out


def settings_schema() -> dict[str, Any]:
    """What the fleet may set, as a JSON Schema (draft 2020-12)."""
    sections: dict[str, Any] = {}
    hints = typing.get_type_hints(Settings)
    for section in dataclasses.fields(Settings):
        banned = LOCAL_ONLY.get(section.name, set())
        if section.name in LOCAL_ONLY and banned is None:
            continue
        cls = hints[section.name]
        field_hints = typing.get_type_hints(cls)
        props = {}
        for f in dataclasses.fields(cls):
            if f.name in (banned or set()):
                continue
            props[f.name] = {**_type(field_hints[f.name], f.metadata),
                             **({"description": f.metadata["doc"]}
                                if f.metadata.get("doc") else {})}
        sections[section.name] = {"type": "object", "properties": props,
                                  "additionalProperties": False}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "terminal settings the fleet may set", "type": "object",
            "properties": sections, "additionalProperties": False}


def schema_json() -> str:
    return json.dumps(settings_schema(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
