"""Arrows only point down: kiosk/ and devices/ never import kivy or screens/."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = {
    "kiosk": {"kivy", "screens", "kiosk_command", "central"},
    "devices": {"kivy", "screens", "kiosk_command", "central", "kiosk"},
    "screens": {"kiosk_command", "central"},
    "central": {"kivy", "screens", "kiosk_command", "kiosk", "devices"},
}


def imported_roots(path: Path) -> set[str]:
    """Top-level package names a module imports (anywhere in it)."""
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("room", sorted(FORBIDDEN))
def test_room_imports_only_downwards(room: str) -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_roots(path) & FORBIDDEN[room])
        for path in (ROOT / room).rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}
