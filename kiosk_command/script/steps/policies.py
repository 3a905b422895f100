"""Scenes and steps of the policies flow (政策查询): the handbook, a policy, questions.

Steps: {"policy_question_sent": null} remembers the question this visit asked
(its tracking number and phone or slip code) for later steps;
{"expect_promised": "2026-04-07"} checks its promised date;
{"answer_policy_question": "TEXT"} answers it as staff do, with
`kiosk central questions answer` on the run's platform database;
{"keys_tracking_number": null} / {"keys_question_secret": null} type the
remembered number and phone (or code) on the open digit pad, key by key;
{"expect_policies_listed": "P0002"} / {"expect_policies_not_listed": "P0002"}
check what the handbook holds on the terminal's clock.
"""

from __future__ import annotations

import subprocess
import sys
from typing import Any

from devices.idcard.card import parse_card
from devices.idcard.deck import card_text, sample
from kiosk.flows.policies.flow import PoliciesFlow
from kiosk_command.script.context import ScriptContext, ScriptFailure
from kiosk_command.script.steps.keyboard import keys
from kiosk_command.script.steps.scenes import catalog, home

REMEMBERED = "policies.question"


def _flow(ctx: ScriptContext) -> PoliciesFlow:
    return ctx.core.flow("policies", PoliciesFlow)


def policy_question_sent(ctx: ScriptContext, _arg: Any) -> Any:
    """Wait until this visit's question left the terminal's hands (sent or queued) and
    remember its number and phone or code for steps after the visit ends."""
    def stored() -> bool:
        asked = _flow(ctx).visit.asked
        if asked is None or asked.state == "sending":
            return False
        ctx.resources[REMEMBERED] = (asked.tracking_number, asked.phone or asked.code)
        return True
    return stored


def _remembered(ctx: ScriptContext) -> tuple[str, str]:
    found = ctx.resources.get(REMEMBERED)
    if found is None:
        raise ScriptFailure("no question remembered; run policy_question_sent first")
    return found


def expect_promised(ctx: ScriptContext, day: str) -> None:
    asked = _flow(ctx).visit.asked
    if asked is None:
        raise ScriptFailure("no question was asked in this visit")
    if asked.answer_by.isoformat() != day:
        raise ScriptFailure(f"the answer is promised by {asked.answer_by}, not {day}")


def answer_policy_question(ctx: ScriptContext, text: str) -> None:
    """Staff answer the remembered question with the platform's own command."""
    if ctx.platform is None:
        raise ScriptFailure("this script runs without the platform")
    number, _secret = _remembered(ctx)
    done = subprocess.run([sys.executable, "-m", "kiosk_command.main", "central", "questions",
                           "answer", "--db", str(ctx.platform.store), number, text],
                          capture_output=True, text=True, timeout=60, check=False)
    if done.returncode != 0:
        raise ScriptFailure(f"kiosk central questions answer failed: {done.stderr.strip()}")


def keys_tracking_number(ctx: ScriptContext, _arg: Any) -> None:
    number, _secret = _remembered(ctx)
    keys(ctx, "".join(c for c in number if c.isdigit()))


def keys_question_secret(ctx: ScriptContext, _arg: Any) -> None:
    keys(ctx, _remembered(ctx)[1])


def _listed(ctx: ScriptContext) -> set[str]:
    return {str(p.get("id")) for p in _flow(ctx).policies()}


def expect_policies_listed(ctx: ScriptContext, policy_id: str) -> None:
    if policy_id not in _listed(ctx):
        raise ScriptFailure(f"policy {policy_id} is not in force on the terminal's clock")


def expect_policies_not_listed(ctx: ScriptContext, policy_id: str) -> None:
    if policy_id in _listed(ctx):
        raise ScriptFailure(f"policy {policy_id} is still listed")


def printed_policy_slip(ctx: ScriptContext, _arg: Any) -> Any:
    """Wait until a receipt on the simulated paper holds the open policy's title and
    issuer; then its QR code, read off a picture of that receipt as a phone would,
    must be the policy's full-text address."""
    sim = ctx.core.simulators.printer if ctx.core else None
    if sim is None:
        raise ScriptFailure("the printer is not simulated in this run")
    policy = _flow(ctx).policy
    if not policy:
        raise ScriptFailure("no policy is open in this session")
    title, issuer, url = policy["title"], policy["issued_by"], policy["url"]

    def printed() -> bool:
        for receipt in sim.receipts():
            text = receipt.text().replace("\n", "")
            if title in text and issuer in text:
                found = _qr_of(receipt, sim.dots)
                if found != url:
                    raise ScriptFailure(f"the slip's QR code reads {found!r}, not {url!r}")
                return True
        return False
    printed.detail = f"a slip with {title!r} and {issuer!r}"  # type: ignore[attr-defined]
    return printed


def _qr_of(receipt: Any, dots: int) -> str | None:
    import numpy as np

    from devices.camera.qr import QrDecoder
    from devices.printer.paper_png import render_png

    return QrDecoder().decode(np.array(render_png(receipt, dots)))


def printed_question_slip(ctx: ScriptContext, _arg: Any) -> Any:
    """Wait until a receipt holds the remembered question's tracking number and date."""
    sim = ctx.core.simulators.printer if ctx.core else None
    if sim is None:
        raise ScriptFailure("the printer is not simulated in this run")
    asked = _flow(ctx).visit.asked
    if asked is None:
        raise ScriptFailure("no question was asked in this visit")
    wanted = (asked.tracking_number, asked.answer_by.isoformat())
    return lambda: any(all(w in r.text().replace("\n", "") for w in wanted)
                       for r in sim.receipts())


STEPS = {"printed_policy_slip": printed_policy_slip,
         "printed_question_slip": printed_question_slip,
         "policy_question_sent": policy_question_sent, "expect_promised": expect_promised,
         "answer_policy_question": answer_policy_question,
         "keys_tracking_number": keys_tracking_number,
         "keys_question_secret": keys_question_secret,
         "expect_policies_listed": expect_policies_listed,
         "expect_policies_not_listed": expect_policies_not_listed}


# -- scenes -------------------------------------------------------------------
def _handbook(ctx: ScriptContext, card: bool = False) -> PoliciesFlow:
    home(ctx)
    catalog(ctx)
    if ctx.core.platform is not None:        # a scene before may have taken the link away
        ctx.core.platform.status.ok(ctx.core.clock.now().timestamp())
    if card:
        ctx.core.session.card_read(parse_card(card_text(sample("resident"))),
                                   ctx.core.clock.now().date())
    ctx.app.go("policies")
    return _flow(ctx)


def _offline(ctx: ScriptContext) -> None:
    _handbook(ctx)
    service = ctx.core.platform
    if service is not None:                 # the link drops: the list says how old it is
        service.status.failed(ctx.core.clock.now().timestamp(), "scene", reachable=False)
    ctx.app.screen("policies").refresh()


def _list(ctx: ScriptContext, how: str) -> None:
    flow = _handbook(ctx, card=how == "for_you")
    if how == "category":
        flow.show_category("employment")
    elif how == "search":
        flow.show_search("创业")
    else:
        flow.visit.groups = ("college_graduate", "registered_unemployed")
        flow.show_for_you()
    ctx.app.go("policy_list")


def _policy(ctx: ScriptContext, then: str = "policy") -> PoliciesFlow:
    flow = _handbook(ctx)
    flow.open("P0003")
    ctx.app.go(then)
    return flow


def _asked(ctx: ScriptContext, phone: str = "13800138000") -> None:
    """The screen after a question (a fixed tracking number and date); without a phone
    it shows the slip's code."""
    import datetime as dt

    from kiosk.clock import CHINA
    from kiosk.flows.policies.flow import Asked

    flow = _policy(ctx, "policy")
    flow.visit.asked = Asked("ZX20260403-482913", "灵活就业以后，社保补贴什么时候发？",
                             "P0003", str(flow.policy.get("title", "")),
                             dt.datetime(2026, 4, 3, 16, 20, tzinfo=CHINA), dt.date(2026, 4, 7),
                             phone, "" if phone else "305718", "sent")
    ctx.app.go("policy_asked")


def _answer(ctx: ScriptContext) -> None:
    from kiosk.flows.policies.flow import Answer

    flow = _handbook(ctx)
    flow.visit.answer = Answer(("pol.lookup.answered", {}), "ZX20260403-482913",
                               "可以。灵活就业人员缴费后次月申请，审核通过后按季度发放到"
                               "本人社保卡。")
    ctx.app.go("policy_lookup")
    ctx.app.screen("policy_lookup").show(flow.visit.answer)


def _show(ctx: ScriptContext, screen: str) -> None:
    """The handbook, then one of its screens."""
    _handbook(ctx)
    ctx.app.go(screen)


def _show_policy(ctx: ScriptContext, screen: str) -> None:
    _policy(ctx, screen)


SCENES = {
    "policies": lambda ctx: _show(ctx, "policies"),
    "policies_offline": _offline,
    "policy_list": lambda ctx: _list(ctx, "category"),
    "policy_search": lambda ctx: _list(ctx, "search"),
    "policy_for_you": lambda ctx: _list(ctx, "for_you"),
    "policy": lambda ctx: _show_policy(ctx, "policy"),
    "policy_qr": lambda ctx: _show_policy(ctx, "policy_qr"),
    "policy_ask": lambda ctx: _show_policy(ctx, "policy_ask"),
    "policy_asked": _asked,
    "policy_asked_code": lambda ctx: _asked(ctx, ""),
    "policy_lookup": lambda ctx: _show(ctx, "policy_lookup"),
    "policy_answer": _answer,
}
