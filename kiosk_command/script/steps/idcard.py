"""Script steps for the ID-card reader simulator."""

from __future__ import annotations

from typing import Any

from kiosk_command.script.context import ScriptContext, ScriptFailure


def _sim(ctx: ScriptContext) -> Any:
    sim = ctx.core.simulators.idcard if ctx.core else None
    if sim is None:
        raise ScriptFailure("the ID-card reader is not simulated in this run")
    return sim


def place_card(ctx: ScriptContext, card: Any) -> None:
    """Lay a sample card (by deck name, or a dict of fields) on the reader."""
    try:
        _sim(ctx).place_card(card or "resident")
    except KeyError as exc:
        raise ScriptFailure(str(exc)) from exc


def remove_card(ctx: ScriptContext, _arg: Any) -> None:
    """Lift the card off the reader."""
    _sim(ctx).remove_card()


def idcard_fault(ctx: ScriptContext, fault: str) -> None:
    """Make the reader misbehave (see devices.idcard.simulator.FAULTS), or "none"."""
    try:
        _sim(ctx).set_fault(fault)
    except ValueError as exc:
        raise ScriptFailure(str(exc)) from exc


def expect_card_present(ctx: ScriptContext, present: bool) -> Any:
    """Wait until the driver says a card is (or is not) lying on the reader."""
    return lambda: ctx.core.reader.card_present() == bool(present)


STEPS = {"place_card": place_card, "remove_card": remove_card, "idcard_fault": idcard_fault,
         "expect_card_present": expect_card_present}
