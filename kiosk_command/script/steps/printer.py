"""Script steps for the printer simulator: faults, what was printed, taking the receipt."""

from __future__ import annotations

from typing import Any

from kiosk_command.script.context import ScriptContext, ScriptFailure


def _sim(ctx: ScriptContext) -> Any:
    sim = ctx.core.simulators.printer if ctx.core else None
    if sim is None:
        raise ScriptFailure("the printer is not simulated in this run")
    return sim


def printer_fault(ctx: ScriptContext, arg: Any) -> None:
    """"paper_out", "cover_open", "paper_near_end", "offline", "offline_mid_job",
    {"mode": "offline_mid_job", "after": 300}, or "none"."""
    spec = {"mode": arg} if isinstance(arg, str) or arg is None else dict(arg)
    try:
        _sim(ctx).set_fault(spec.get("mode") or "none", int(spec.get("after", 200)))
    except ValueError as exc:
        raise ScriptFailure(str(exc)) from exc
    if ctx.core.printer is not None:
        ctx.core.printer.refresh()       # screens see the new state without waiting for a job


def printed_text_contains(ctx: ScriptContext, text: str) -> Any:
    """Wait until the printed paper (decoded back to text) holds text."""
    sim = _sim(ctx)
    needle = str(text)
    return lambda: needle in sim.text().replace("\n", "") or needle in sim.text()


def take_receipt(ctx: ScriptContext, _arg: Any) -> None:
    """The visitor pulls the printed receipt out of the printer."""
    _sim(ctx).take_receipt()


STEPS = {"printer_fault": printer_fault, "printed_text_contains": printed_text_contains,
         "take_receipt": take_receipt}
