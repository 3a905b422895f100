"""Scenes and steps of the technician's menu."""

from __future__ import annotations

from typing import Any

from kiosk_command.script.context import ScriptContext


def _menu(ctx: ScriptContext) -> None:
    ctx.app.go("tech_menu")


def _menu_oos(ctx: ScriptContext) -> None:
    ctx.core.session.out_of_service("demo", "设备维护中")
    ctx.app.go("tech_menu")


def _pairing(ctx: ScriptContext) -> None:
    ctx.core.pairing_code = "2718 2818"
    ctx.core.session.out_of_service("pairing")


def open_tech_pad(ctx: ScriptContext, _arg: Any) -> None:
    """The PIN pad, as the hidden gesture opens it."""
    ctx.app.open_tech_exit()


def pair_shown_code(ctx: ScriptContext, _arg: Any) -> Any:
    """A technician reads the code off the glass and confirms it on the platform."""
    from central.db import connect, secret_box
    from central.enrolment import pair

    def paired() -> bool:
        code = ctx.core.pairing_code
        if not code:
            return False
        conn = connect(ctx.platform.store)
        try:
            pair(conn, secret_box(conn, ctx.platform.store), code, None)
        finally:
            conn.close()
        return True
    return paired


SCENES = {"tech_menu": _menu, "tech_menu_oos": _menu_oos, "tech_pairing": _pairing}
STEPS = {"open_tech_pad": open_tech_pad, "pair_shown_code": pair_shown_code}
