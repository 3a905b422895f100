"""Visitor flows: one package each, found by listing this package.

Every flow package declares itself once, in its `FLOW` (a FlowInfo): its
home tile, the screen the tile opens, its screens with the scenes that
render them, the outbox kinds it submits and the receipts it prints. The
app's screen registry, the home tiles, `kiosk shot --list`, the screen
checks and the outbox's kinds are all read from these declarations, so a
new flow adds its own package and touches no shared list.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from functools import cache

from kiosk.platform.kinds import Kind


@dataclass(frozen=True)
class Tile:
    """A service tile on the home screen (tile.<key> and tile.<key>.hint in the catalogs)."""

    key: str
    order: int           # the tiles follow the order the service standards list them in


@dataclass(frozen=True)
class Say:
    """One catalog message a screen speaks (kiosk/speech reads these, docs/voice.md).

    values names a method of the flow object that returns the message's values
    (None: nothing to say now); private marks a message holding the visitor's
    own data (a name, an ID or phone number, a result), spoken only into a headset.
    """

    key: str
    values: str = ""
    private: bool = False


@dataclass(frozen=True)
class ScreenInfo:
    """One screen (or overlay) of a flow and the named scenes that show it.

    speaks: what the screen says on entry, in order; long_press: (test id of a
    control, the message a long press on it speaks).
    """

    name: str
    scenes: tuple[str, ...]
    overlay: bool = False
    speaks: tuple[Say, ...] = ()
    long_press: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class FlowInfo:
    """What a flow brings to the terminal."""

    name: str
    tile: Tile | None = None
    entry: str | None = None        # the screen the tile opens; None: "coming soon"
    screens: tuple[ScreenInfo, ...] = ()
    outbox_kinds: dict[str, Kind] | None = None  # what it submits, with platform paths
    receipts: dict[str, str] | None = None        # receipt name -> its template module
    factory: str = ""    # "module:Class" of the flow object, made with the KioskCore

    def screen_names(self) -> tuple[str, ...]:
        """The names of the flow's screens and overlays."""
        return tuple(s.name for s in self.screens)

    def scenes(self) -> dict[str, str]:
        """Scene name -> the screen or overlay it shows."""
        return {scene: s.name for s in self.screens for scene in s.scenes}


@cache
def discover() -> tuple[FlowInfo, ...]:
    """Every flow package's FLOW, by package name."""
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.ispkg:
            module = importlib.import_module(f"{__name__}.{info.name}")
            found.append(module.FLOW)
    return tuple(found)


def build_flows(core: object) -> dict[str, object]:
    """Every flow object, by flow name, each made with the core it works on."""
    made: dict[str, object] = {}
    for flow in discover():
        if flow.factory:
            module, _, name = flow.factory.partition(":")
            made[flow.name] = getattr(importlib.import_module(module), name)(core)
    return made


def tiles() -> tuple[FlowInfo, ...]:
    """Flows with a home tile, in tile order."""
    with_tile = [f for f in discover() if f.tile is not None]
    return tuple(sorted(with_tile, key=lambda f: f.tile.order if f.tile else 0))


def scene_screens() -> dict[str, str]:
    """Every declared scene and the screen (or overlay) it shows."""
    out: dict[str, str] = {}
    for flow in discover():
        out.update(flow.scenes())
    return out


def screen_info(name: str) -> tuple[FlowInfo, ScreenInfo] | None:
    """The flow declaring a screen (or overlay) and the screen's declaration."""
    for flow in discover():
        for screen in flow.screens:
            if screen.name == name:
                return flow, screen
    return None


def outbox_kinds() -> dict[str, Kind]:
    """Every outbox kind of every flow, with its platform path and order group."""
    out: dict[str, Kind] = {}
    for flow in discover():
        out.update(flow.outbox_kinds or {})
    return out
