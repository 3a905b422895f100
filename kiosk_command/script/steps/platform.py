"""Script steps that take the reference platform away and bring it back."""

from __future__ import annotations

from typing import Any

from kiosk_command.script.context import ScriptContext, ScriptFailure


def _platform(ctx: ScriptContext) -> Any:
    if ctx.platform is None:
        raise ScriptFailure("this script runs without the platform (\"platform\": false)")
    return ctx.platform


def platform_down(ctx: ScriptContext, _arg: Any) -> None:
    """Stop the platform: the kiosk must keep serving and queue submissions."""
    _platform(ctx).down()


def platform_up(ctx: ScriptContext, _arg: Any) -> None:
    """Start the platform again on the same port and database."""
    _platform(ctx).up()


STEPS = {"platform_down": platform_down, "platform_up": platform_up}
