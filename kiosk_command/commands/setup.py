"""`kiosk setup`: derive the files the terminal needs once per install.

Extracting the Simplified Chinese font face, compiling the message catalogs
and building the input-method dictionary take seconds; doing them at install
keeps every later start fast. Each step is skipped when its output is fresh.
"""

from __future__ import annotations

import argparse

from kiosk import i18n
from kiosk.fonts import prepare_fonts


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("setup", help="prepare fonts, catalogs and dictionaries (run at install)")
    p.set_defaults(handler=run)


def _build_ime() -> str:
    """Build the pinyin dictionary now, so the first visitor never waits for it."""
    from kiosk.ime import ImeEngine

    ImeEngine.load()          # loads the cached dictionary, building it when missing
    return "ready"


def run(args: argparse.Namespace) -> int:
    fonts = prepare_fonts()
    print(f"fonts: {fonts.cjk_regular.parent}")
    print(f"catalogs: {i18n.compile_catalogs()}")
    print(f"input method dictionary: {_build_ime()}")
    return 0
