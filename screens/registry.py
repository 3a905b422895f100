"""Every screen and overlay of the app, found by listing the flow packages of screens/.

A package here (screens/<flow>/) declares `FLOW` (the flow whose object its
screens are handed), `SCREENS` and optionally `OVERLAYS`: name -> (class,
kv file in the package). Nothing else lists screens, so a new flow adds its
package and the app, the home tiles and the scene checks find it.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType

from kivy.lang import Builder
from kivy.uix.modalview import ModalView

from screens.base import KioskScreen, Shell


@dataclass(frozen=True)
class Entry:
    """A screen or overlay class, its kv file and the flow it belongs to."""

    cls: type
    kv: Path
    flow: str


def _packages() -> list[ModuleType]:
    import screens

    return [importlib.import_module(f"screens.{m.name}")
            for m in sorted(pkgutil.iter_modules(screens.__path__), key=lambda m: m.name)
            if m.ispkg]


def _package_entries(package: ModuleType, attribute: str) -> dict[str, Entry]:
    folder = Path(package.__file__ or "").parent
    return {name: Entry(cls, folder / kv, package.FLOW)
            for name, (cls, kv) in getattr(package, attribute, {}).items()}


def _entries(attribute: str) -> dict[str, Entry]:
    out: dict[str, Entry] = {}
    for package in _packages():
        for name, entry in _package_entries(package, attribute).items():
            if name in out:
                raise ValueError(f"screen {name!r} is declared twice")
            out[name] = entry
    return out


def declared(name: str) -> bool:
    """Whether a flow declares a screen of that name (tests check each is in a package)."""
    from kiosk.flows import discover

    return any(name in f.screen_names() for f in discover())


def _screen_entry(name: str) -> Entry:
    """The named screen's entry, importing only its own package while the rest are unread.

    The first frame needs one screen; importing every flow's screens (and the
    printer and QR code stacks they use) would only delay it. The flow that
    declares the screen names the package; anything else takes the full list.
    """
    if screens.cache_info().currsize == 0:
        from kiosk.flows import discover

        owner = next((f.name for f in discover() if name in f.screen_names()), None)
        if owner is not None and importlib.util.find_spec(f"screens.{owner}") is not None:
            own = _package_entries(importlib.import_module(f"screens.{owner}"), "SCREENS")
            if name in own:
                return own[name]
    return screens()[name]


@cache
def screens() -> dict[str, Entry]:
    """Every screen, by name."""
    return _entries("SCREENS")


@cache
def overlays() -> dict[str, Entry]:
    """Every overlay, by name."""
    return _entries("OVERLAYS")


def load_kv(path: Path) -> None:
    """Load a kv file once, when its first widget is built (keeps start-up short)."""
    name = str(path.resolve())
    if name not in Builder.files:
        Builder.load_file(name)


def build_screen(name: str, shell: Shell, flows: dict[str, object]) -> KioskScreen:
    """A fresh instance of the named screen, handed its shell and flow."""
    entry = _screen_entry(name)
    load_kv(entry.kv)
    return entry.cls(shell=shell, flow=flows.get(entry.flow), name=name)


def build_overlay(name: str, shell: Shell) -> ModalView:
    """A fresh instance of the named overlay."""
    entry = overlays()[name]
    load_kv(entry.kv)
    return entry.cls(shell=shell)
