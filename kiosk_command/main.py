"""Entry point of the `kiosk` console script."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from kiosk.errors import KioskError


def _register_package(package: str, sub: argparse._SubParsersAction) -> None:
    """Import every module of package and let it add its sub-commands."""
    pkg = importlib.import_module(package)
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{package}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)


def build_parser() -> argparse.ArgumentParser:
    """The full command tree."""
    parser = argparse.ArgumentParser(prog="kiosk", description="Employment service kiosk")
    parser.add_argument("--config", help="site configuration file (TOML)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _register_package("kiosk_command.commands", sub)
    devices = sub.add_parser("devices", help="device tools: read cards, print, scan")
    dsub = devices.add_subparsers(dest="device_command", required=True, metavar="TOOL")
    _register_package("kiosk_command.devices", dsub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse, run the chosen handler, and turn KioskError into one clear line."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except KioskError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return getattr(exc, "exit_code", 1)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
