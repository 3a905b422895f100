"""Scenes and steps of the technician's menu."""

from __future__ import annotations

from typing import Any

from kiosk_command.script.context import ScriptContext


def _menu(ctx: ScriptContext) -> None:
    ctx.app.go("tech_menu")


def _menu_oos(ctx: ScriptContext) -> None:
    ctx.core.session.out_of_service("demo", "设备维护中")
    ctx.app.go("tech_menu")


def open_tech_pad(ctx: ScriptContext, _arg: Any) -> None:
    """The PIN pad, as the hidden gesture opens it."""
    ctx.app.open_tech_exit()


SCENES = {"tech_menu": _menu, "tech_menu_oos": _menu_oos}
STEPS = {"open_tech_pad": open_tech_pad}
