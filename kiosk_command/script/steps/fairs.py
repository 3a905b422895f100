"""Scenes of the job fairs flow."""

from __future__ import annotations

from kiosk_command.script.context import ScriptContext
from kiosk_command.script.steps.scenes import catalog, home


def _fairs(ctx: ScriptContext) -> None:
    home(ctx)
    catalog(ctx)
    ctx.app.go("fairs")


SCENES = {"fairs": _fairs}
STEPS: dict = {}
