"""`kiosk config`: validate the layered configuration and print it."""

from __future__ import annotations

import argparse
import dataclasses
import json

from kiosk.config import Settings
from kiosk_command.common import settings_from


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("config", help="validate and show the effective configuration")
    p.add_argument("--markdown", action="store_true",
                   help="print every key with its default and limits as a Markdown table "
                        "(the README's table)")
    p.add_argument("--json-schema", action="store_true",
                   help="print what the fleet may set as a JSON Schema (the fleet console's "
                        "central/console/terminal-config.schema.json)")
    p.set_defaults(handler=run)


def keys_table() -> str:
    """Every configuration key with default, limits and description."""
    rows = ["| key | default | allowed / meaning |", "|---|---|---|"]
    defaults = Settings()
    for section in dataclasses.fields(Settings):
        values = getattr(defaults, section.name)
        for f in dataclasses.fields(values):
            meta = f.metadata
            span = f"{meta['min']}–{meta['max']}" if meta.get("min") is not None else ""
            shown = getattr(values, f.name)
            if f.name == "technician_pin_sha256":
                shown = "sha256 of 123456"
            doc = "; ".join(x for x in (span, meta.get("doc", "")) if x)
            rows.append(f"| `{section.name}.{f.name}` | `{shown!r}` | {doc} |")
    return "\n".join(rows)


def run(args: argparse.Namespace) -> int:
    if args.json_schema:
        from kiosk.fleet.schema import schema_json

        print(schema_json(), end="")
        return 0
    if args.markdown:
        print(keys_table())
        return 0
    settings = settings_from(args)
    print(json.dumps(dataclasses.asdict(settings), ensure_ascii=False, indent=2))
    return 0
