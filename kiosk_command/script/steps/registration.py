"""Scenes and steps of the registration flow (求职登记, 失业登记, my page)."""

from __future__ import annotations

from typing import Any

from devices.idcard.card import parse_card
from devices.idcard.deck import card_text, sample
from kiosk.flows.registration.flow import MyPage, RegistrationFlow
from kiosk.flows.registration.mypage import intentions_text
from kiosk_command.script.context import ScriptContext, ScriptFailure
from kiosk_command.script.steps.scenes import catalog, home


def _flow(ctx: ScriptContext) -> RegistrationFlow:
    return ctx.core.flow("registration", RegistrationFlow)


def _with_card(ctx: ScriptContext, name: str = "resident") -> RegistrationFlow:
    """A visitor signed in with a sample card, as if laid on the reader."""
    home(ctx)
    card = parse_card(card_text(sample(name)))
    ctx.core.session.card_read(card, ctx.core.clock.now().date())
    flow = _flow(ctx)
    flow.start()                      # the identity comes from the card
    return flow


def _filled(ctx: ScriptContext) -> RegistrationFlow:
    """A visitor with a card who has agreed and answered the usual questions."""
    flow = _with_card(ctx)
    flow.agree(photo=False)
    about, wants = flow.visit.about, flow.visit.wants
    about.phone, about.education, about.major = "13800138000", "vocational", "汽车维修"
    about.experience_years, about.last_occupation = 3, "汽车修理工"
    about.certificates |= {"education_cert", "vocational_qualification"}
    about.status = "unemployed"
    about.key_groups |= {"registered_unemployed"}
    about.difficulties |= {"skills"}
    wants.major_groups |= {"g4", "g6"}
    wants.occupations |= {"交通运输", "生产制造"}
    wants.pay_min, wants.work_type, wants.start_by = 5000, "full_time", "now"
    return flow


def _show(ctx: ScriptContext, screen: str) -> None:
    ctx.app.go(screen)


def _manual_error(ctx: ScriptContext) -> None:
    home(ctx)
    _show(ctx, "reg_manual")
    manual = ctx.app.screen("reg_manual")
    manual.ids.number.text, manual.ids.name.text = "110105199001011235", "张晓明"
    manual.go_on()


def _consent(ctx: ScriptContext) -> None:
    flow = _with_card(ctx)
    _show(ctx, flow.start())


def _done(ctx: ScriptContext, state: str) -> None:
    flow = _filled(ctx)
    flow.visit.reference, flow.visit.outcome = "R20261202-000123", state
    _show(ctx, "reg_done")
    ctx.app.screen("reg_done").delivered(state)


SAMPLE_PAGE = dict(registered=True, registered_at="2026-11-20",
                   registered_text=("reg.my.registered_on", {"y": 2026, "m": "11", "d": "20"}),
                   intentions_text=intentions_text({"occupation_groups": ["交通运输", "生产制造"],
                                                    "pay_min": 5000,
                                                    "employment_type": "full_time"}),
                   fewer_note=None,
                   specialist=("reg.my.specialist", {"name": "李**", "desk": "3",
                                                    "phone": "028-6666****"}),
                   appointments=[], complaints=[], unemployment=[])


def _my_page(ctx: ScriptContext, matches: bool = True) -> None:
    flow = _with_card(ctx)
    catalog(ctx)
    jobs = []
    if matches and ctx.core.platform is not None:
        jobs = ctx.core.platform.search("", None, "newest", 5).items
    page = dict(SAMPLE_PAGE, matches=[j for j in jobs if j])
    if not matches:
        page["fewer_note"] = ("reg.my.fewer", {"n": 0})
    flow.visit.lookup = MyPage(**page)
    _show(ctx, "my_page")


def expect_registration(ctx: ScriptContext, state: str) -> Any:
    """Wait until the registration's outcome is state (sent, queued, refused)."""
    def done() -> bool:
        outcome = _flow(ctx).visit.outcome
        if outcome and outcome != state:
            raise ScriptFailure(f"the registration ended {outcome!r}, not {state!r}")
        return outcome == state
    return done


def _number(arg: dict[str, Any]) -> str:
    """The ID number a step names: {"card": deck name} or {"number": typed number}."""
    if "number" in arg:
        return str(arg["number"])
    return sample(str(arg.get("card", "resident")))["number"]


def expect_platform_registration(ctx: ScriptContext, arg: dict[str, Any]) -> None:
    """{"card" | "number": ..., "registered": bool, "key_groups"?: [...]}: what the
    platform holds for that visitor, asked as a lookup (its own words, not ours)."""
    platform = ctx.core.platform
    if platform is None:
        raise ScriptFailure("no platform in this run")
    answer = platform.lookup(_number(arg))
    if bool(answer.get("registered")) != bool(arg.get("registered", True)):
        raise ScriptFailure(f"the platform says registered={answer.get('registered')}")
    wanted = arg.get("key_groups")
    held = (answer.get("registration") or {}).get("key_groups")
    if wanted is not None and sorted(held or []) != sorted(wanted):
        raise ScriptFailure(f"the platform holds key groups {held}, not {wanted}")


def expect_unemployment_applications(ctx: ScriptContext, arg: dict[str, Any]) -> None:
    """{"card" | "number": ..., "count": N}: applications the platform holds for them."""
    answer = ctx.core.platform.lookup(_number(arg))
    held = answer.get("unemployment") or []
    if len(held) != int(arg["count"]):
        raise ScriptFailure(f"the platform holds {len(held)} applications, not {arg['count']}")


def expect_outbox_holds_nothing(ctx: ScriptContext, _arg: Any) -> None:
    """No submission of any kind was ever stored on this terminal (pending, parked,
    set aside or delivered): what "not now" promises."""
    counts = ctx.core.platform.outbox.counts()
    if any(counts.values()):
        raise ScriptFailure(f"the outbox holds {counts}")


def expect_matches(ctx: ScriptContext, at_least: int) -> Any:
    """Wait until my page lists at least that many postings."""
    def listed() -> bool:
        screen = ctx.app.screen("my_page")
        n = len(screen.ids.matches.children)
        listed.detail = f"my page lists {n} postings"   # type: ignore[attr-defined]
        return screen.state == "shown" and n >= int(at_least)
    return listed


def expect_no_trace(ctx: ScriptContext, traces: list[str]) -> None:
    """No screen (shown or not) still holds any of these texts: what a session's end
    promises for the visitor's name, number and phone, masked or not."""
    for screen in ctx.app.root.screens:
        for widget in screen.walk(restrict=True):
            for attr in ("raw", "text", "data"):
                value = getattr(widget, attr, "")
                if isinstance(value, str) and any(t in value for t in traces):
                    raise ScriptFailure(f"screen {screen.name!r} still shows {value[:60]!r}")


STEPS = {"expect_no_trace": expect_no_trace, "expect_registration": expect_registration,
         "expect_platform_registration": expect_platform_registration,
         "expect_unemployment_applications": expect_unemployment_applications,
         "expect_outbox_holds_nothing": expect_outbox_holds_nothing,
         "expect_matches": expect_matches}

SCENES = {
    "reg_start": lambda ctx: (home(ctx), _show(ctx, "reg_start"))[-1],
    "reg_manual": lambda ctx: (home(ctx), _show(ctx, "reg_manual"))[-1],
    "reg_manual_error": _manual_error,
    "reg_consent": _consent,
    "reg_about": lambda ctx: (_filled(ctx), _show(ctx, "reg_about"))[-1],
    "reg_wants": lambda ctx: (_filled(ctx), _show(ctx, "reg_wants"))[-1],
    "reg_review": lambda ctx: (_filled(ctx), _show(ctx, "reg_review"))[-1],
    "reg_done": lambda ctx: _done(ctx, "sent"),
    "reg_done_queued": lambda ctx: _done(ctx, "queued"),
    "reg_unemployment": lambda ctx: (_filled(ctx), _show(ctx, "reg_unemployment"))[-1],
    "my_page": _my_page,
    "my_page_empty": lambda ctx: _my_page(ctx, matches=False),
}
