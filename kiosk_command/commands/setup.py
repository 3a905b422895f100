"""`kiosk setup`: derive the files the terminal needs once per install.

Extracting the Simplified Chinese font face, compiling the message catalogs
and building the input-method dictionary take seconds; doing them at install
keeps every later start fast. Each step is skipped when its output is fresh.
"""

from __future__ import annotations

import argparse
import importlib

from kiosk import i18n
from kiosk.fonts import prepare_fonts


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("setup", help="prepare fonts, catalogs and dictionaries (run at install)")
    p.set_defaults(handler=run)


def _build_ime() -> str:
    """Build the pinyin dictionary when the input method is installed."""
    try:
        module = importlib.import_module("kiosk.ime")
    except ImportError:
        return "absent"
    build = getattr(module, "build_dictionary", None)
    if build is None:
        return "absent"
    build()
    return "ready"


def run(args: argparse.Namespace) -> int:
    fonts = prepare_fonts()
    print(f"fonts: {fonts.cjk_regular.parent}")
    print(f"catalogs: {i18n.compile_catalogs()}")
    print(f"input method dictionary: {_build_ime()}")
    return 0
