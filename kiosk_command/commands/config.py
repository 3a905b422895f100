"""`kiosk config check`: validate the layered configuration and print it."""

from __future__ import annotations

import argparse
import dataclasses
import json

from kiosk_command.common import settings_from


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("config", help="validate and show the effective configuration")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    print(json.dumps(dataclasses.asdict(settings), ensure_ascii=False, indent=2))
    return 0
