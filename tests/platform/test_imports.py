"""No import circle inside kiosk/platform, type-checking imports included.

A circle makes import order matter and hides which module owns a name; the
outbox owns Outcome, the sender owns Waiters, and arrows point one way.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = "kiosk.platform"


def imports_of(path: Path) -> set[str]:
    """Modules of the package this file imports, anywhere in it."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return {m for m in found if m.startswith(PACKAGE + ".")}


def graph() -> dict[str, set[str]]:
    folder = ROOT / PACKAGE.replace(".", "/")
    return {f"{PACKAGE}.{p.stem}": imports_of(p) for p in folder.glob("*.py")}


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every module path that leads back to where it started."""
    found: list[list[str]] = []

    def walk(path: list[str]) -> None:
        for nxt in sorted(edges.get(path[-1], ())):
            if nxt == path[0]:
                found.append([*path, nxt])
            elif nxt not in path and nxt > path[0]:   # report each circle once
                walk([*path, nxt])
    for start in sorted(edges):
        walk([start])
    return found


def test_no_import_circle_in_the_platform_link() -> None:
    assert circles(graph()) == []


def test_the_circle_finder_finds_one() -> None:
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
