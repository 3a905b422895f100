"""Scenes and steps of the career-interest self-assessment (职业兴趣自评)."""

from __future__ import annotations

from typing import Any

from devices.idcard.card import parse_card
from devices.idcard.deck import card_text, sample
from kiosk.flows.assessment.flow import AssessmentFlow
from kiosk.flows.assessment.inventory import ITEMS, TYPES
from kiosk.flows.assessment.payload import read_qr
from kiosk_command.script.context import ScriptContext, ScriptFailure
from kiosk_command.script.steps.scenes import home

# a visitor drawn most to social work, then conventional, then enterprising (SCE)
PROFILE = {"R": (1, 2), "I": (1, 1), "A": (0, 1), "S": (4, 3), "E": (2, 2), "C": (3, 3)}
TIED = {"R": (0, 0), "I": (1, 0), "A": (1, 1), "S": (3, 3), "E": (3, 3), "C": (2, 2)}
FLAT = {t: (2, 2) for t in TYPES}


def _flow(ctx: ScriptContext) -> AssessmentFlow:
    return ctx.core.flow("assessment", AssessmentFlow)


def _answered(ctx: ScriptContext, profile: dict[str, tuple[int, int]],
              upto: int | None = None) -> AssessmentFlow:
    """A visitor who answered (the first upto) questions by type."""
    home(ctx)
    flow = _flow(ctx)
    flow.begin()
    for item in ITEMS[:upto]:
        flow.answer(profile[item.letter][0 if item.part == "like" else 1])
    return flow


def _card(ctx: ScriptContext, name: str = "resident") -> None:
    card = parse_card(card_text(sample(name)))
    ctx.core.session.card_read(card, ctx.core.clock.now().date())


def _show(ctx: ScriptContext, screen: str) -> None:
    ctx.app.go(screen)


def _report(ctx: ScriptContext, profile: dict[str, tuple[int, int]]) -> None:
    _answered(ctx, profile)
    _show(ctx, "as_report")


def _save(ctx: ScriptContext, card: bool, queued: bool = False) -> None:
    flow = _answered(ctx, PROFILE)
    if card:
        _card(ctx)
    if queued:
        flow.visit.save_outcome = "queued"
    _show(ctx, "as_save")


def _item_can(ctx: ScriptContext) -> None:
    """A question of the second part whose answer is held (the visitor went back)."""
    flow = _answered(ctx, PROFILE, upto=len(ITEMS) // 2 + 4)
    flow.back()
    _show(ctx, "as_item")


SCENES = {
    "as_intro": lambda ctx: (home(ctx), _show(ctx, "as_intro"))[-1],
    "as_intro_resume": lambda ctx: (_answered(ctx, PROFILE, upto=20),
                                    _show(ctx, "as_intro"))[-1],
    "as_item": lambda ctx: (_answered(ctx, PROFILE, upto=0), _show(ctx, "as_item"))[-1],
    "as_item_can": _item_can,
    "as_pause": lambda ctx: (_answered(ctx, PROFILE, upto=30).pause(),
                             _show(ctx, "as_pause"))[-1],
    "as_report": lambda ctx: _report(ctx, PROFILE),
    "as_report_tie": lambda ctx: _report(ctx, TIED),
    "as_report_flat": lambda ctx: _report(ctx, FLAT),
    "as_save": lambda ctx: _save(ctx, card=False),
    "as_save_card": lambda ctx: _save(ctx, card=True),
    "as_save_queued": lambda ctx: _save(ctx, card=True, queued=True),
}


# -- steps ----------------------------------------------------------------------------
def expect_assessment_code(ctx: ScriptContext, code: str) -> None:
    """The visitor's answers add up to this code."""
    result = _flow(ctx).result()
    if result is None:
        raise ScriptFailure("the assessment has no result yet "
                            f"({len(_flow(ctx).visit.answers)} answers held)")
    if result.code != code:
        raise ScriptFailure(f"the code is {result.code!r}, not {code!r}")


def expect_report_paper(ctx: ScriptContext, arg: dict[str, Any]) -> Any:
    """{"code": "SCE", "names": [...]}: wait until a printed receipt holds the code and the
    names of its three types, and its QR code reads back to the same code."""
    sim = ctx.core.simulators.printer if ctx.core else None
    if sim is None:
        raise ScriptFailure("the printer is not simulated in this run")
    code, names = str(arg["code"]), [str(n) for n in arg.get("names", [])]

    def printed() -> bool:
        for paper in sim.receipts():
            if not paper.cuts():
                continue                # still printing: the QR code comes near the end
            text = paper.text().replace("\n", "")
            if code not in text or not all(n in text for n in names):
                continue
            payloads = paper.qr_payloads()
            if not payloads:
                raise ScriptFailure("the report on paper has no QR code")
            read = read_qr(payloads[0])[0]
            if read != code:
                raise ScriptFailure(f"the report's QR code reads {read!r}, not {code!r}")
            return True
        printed.detail = "no receipt with the code and names yet"  # type: ignore[attr-defined]
        return False
    return printed


def expect_platform_assessments(ctx: ScriptContext, count: Any) -> None:
    """The platform holds exactly this many assessment results from this terminal, each
    with its visitor's pseudonym (read from its database: no endpoint lists them)."""
    if ctx.platform is None:
        raise ScriptFailure("no platform in this run")
    with ctx.platform.database() as conn:
        rows = conn.execute("SELECT id_hash FROM assessments WHERE device_id = ?",
                            (ctx.platform.device_id,)).fetchall()
    if len(rows) != int(count):
        raise ScriptFailure(f"the platform holds {len(rows)} assessments, not {count}")
    if any(who is None for (who,) in rows):
        raise ScriptFailure("an assessment reached the platform without its visitor")


STEPS = {"expect_assessment_code": expect_assessment_code,
         "expect_report_paper": expect_report_paper,
         "expect_platform_assessments": expect_platform_assessments}
