"""Scenes and steps of the complaints and ratings flow (投诉与评价).

Steps: {"complaint_stored": null} waits until this visit's complaint left the
terminal's hands (sent or saved) and remembers its number and phone;
{"expect_complaint": {"state": "queued", "due": "2026-03-13"}} checks what the
visitor was told; {"complaint_delivered_once": null} checks the platform holds
the remembered number exactly once; {"complaint_staff": ["take", "DEPARTMENT"]} /
["reply", "TEXT"] / ["close"] move it along with `kiosk central complaint` on the
run's platform database; {"keys_complaint_number": null} /
{"keys_complaint_phone": null} type the remembered number and phone on the open
digit pad; {"printed_complaint_slip": null} waits for a slip with the number and
due date (and saves the simulator's paper as complaint-slip.png in the
workdir); {"expect_complaint_filed": {"category": "suggestion", "anonymous": true}}
reads the platform's newest complaint; {"ratings_recorded": {"service":
"jobs_print", "count": 1, "score": 2, "reasons": ["attitude"]}} reads the ratings
the platform holds; {"expect_no_rating_offer": null} checks no rating is offered;
{"expect_complaint_qr": null} waits for the slip's QR fallback on screen.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from kiosk.clock import CHINA
from kiosk.flows.complaints.flow import ComplaintsFlow, Filed, Found
from kiosk_command.script.context import ScriptContext, ScriptFailure
from kiosk_command.script.steps.keyboard import keys
from kiosk_command.script.steps.scenes import catalog, home

if TYPE_CHECKING:
    from central.db import Store

REMEMBERED = "complaints.filed"


def _flow(ctx: ScriptContext) -> ComplaintsFlow:
    return ctx.core.flow("complaints", ComplaintsFlow)


def _db(ctx: ScriptContext) -> AbstractContextManager[Store]:
    if ctx.platform is None:
        raise ScriptFailure("this script runs without the platform")
    return ctx.platform.database()


def complaint_stored(ctx: ScriptContext, _arg: Any) -> Any:
    def stored() -> bool:
        filed = _flow(ctx).visit.filed
        if filed is None or filed.state == "sending":
            return False
        ctx.resources[REMEMBERED] = (filed.tracking_number, filed.phone)
        return True
    return stored


def _remembered(ctx: ScriptContext) -> tuple[str, str]:
    found = ctx.resources.get(REMEMBERED)
    if found is None:
        raise ScriptFailure("no complaint remembered; run complaint_stored first")
    return found


def expect_complaint(ctx: ScriptContext, want: dict[str, Any]) -> None:
    filed = _flow(ctx).visit.filed
    if filed is None:
        raise ScriptFailure("no complaint was filed in this visit")
    if "state" in want and filed.state != want["state"]:
        raise ScriptFailure(f"the complaint is {filed.state}, not {want['state']}")
    if "due" in want and filed.answer_by.isoformat() != want["due"]:
        raise ScriptFailure(f"the answer is promised by {filed.answer_by}, not {want['due']}")


def complaint_delivered_once(ctx: ScriptContext, _arg: Any) -> None:
    number, _phone = _remembered(ctx)
    with _db(ctx) as conn:
        found = conn.execute("SELECT count(*) FROM complaints WHERE tracking_number = ?",
                             (number,)).fetchone()[0]
    if found != 1:
        raise ScriptFailure(f"the platform holds {number} {found} times, not once")


def complaint_staff(ctx: ScriptContext, args: list[str]) -> None:
    """Staff move the remembered complaint along with the platform's own command."""
    number, _phone = _remembered(ctx)
    action, *rest = args
    done = subprocess.run([sys.executable, "-m", "kiosk_command.main", "central", "complaint",
                           action, "--db", str(ctx.platform.store), number, *rest],
                          capture_output=True, text=True, timeout=60, check=False)
    if done.returncode != 0:
        raise ScriptFailure(f"kiosk central complaint {action} failed: {done.stderr.strip()}")


def keys_complaint_number(ctx: ScriptContext, _arg: Any) -> None:
    number, _phone = _remembered(ctx)
    keys(ctx, "".join(c for c in number if c.isdigit()))


def keys_complaint_phone(ctx: ScriptContext, _arg: Any) -> None:
    keys(ctx, _remembered(ctx)[1])


def printed_complaint_slip(ctx: ScriptContext, _arg: Any) -> Any:
    sim = ctx.core.simulators.printer if ctx.core else None
    if sim is None:
        raise ScriptFailure("the printer is not simulated in this run")
    filed = _flow(ctx).visit.filed
    if filed is None:
        raise ScriptFailure("no complaint was filed in this visit")
    wanted = (filed.tracking_number, filed.answer_by.isoformat())

    def printed() -> bool:
        for receipt in sim.receipts():
            if all(w in receipt.text().replace("\n", "") for w in wanted):
                from devices.printer.paper_png import render_png

                # the paper as the simulator decoded it, to look at
                render_png(receipt, sim.dots).save(ctx.workdir / "complaint-slip.png")
                return True
        return False
    return printed


def expect_complaint_filed(ctx: ScriptContext, want: dict[str, Any]) -> None:
    """The platform's newest complaint has this category, topic and (no) phone."""
    with _db(ctx) as conn:
        row = conn.execute("SELECT c.category, c.phone_hash, h.about, h.about_ref, c.id_hash "
                           "FROM complaints c LEFT JOIN complaint_handling h ON "
                           "h.tracking_number = c.tracking_number ORDER BY c.created_at DESC "
                           "LIMIT 1").fetchone()
    if row is None:
        raise ScriptFailure("the platform holds no complaint")
    got = {"category": row[0], "anonymous": row[1] == "", "about": row[2],
           "about_ref": row[3], "tied": row[4] is not None}
    wrong = {k: got[k] for k in want if got.get(k) != want[k]}
    if wrong:
        raise ScriptFailure(f"the newest complaint has {wrong}, wanted {want}")


def ratings_recorded(ctx: ScriptContext, want: dict[str, Any]) -> None:
    with _db(ctx) as conn:
        docs = [json.loads(r[0]) for r in conn.execute("SELECT data FROM ratings")]
    mine = [d for d in docs if d.get("service") == want["service"]]
    if len(mine) != int(want.get("count", 1)):
        raise ScriptFailure(f"{len(mine)} ratings of {want['service']}, not {want['count']}")
    last = mine[-1] if mine else {}
    for name in ("score", "reasons", "ref"):
        if name in want and last.get(name) != want[name]:
            raise ScriptFailure(f"the rating's {name} is {last.get(name)!r}, not "
                                f"{want[name]!r}")


def expect_complaint_qr(ctx: ScriptContext, _arg: Any) -> Any:
    """Wait until the filed screen shows the number and date as a QR code (no paper)."""
    def shown() -> bool:
        screen = ctx.app.screen("complaint_filed")
        return bool(screen.qr) and screen.qr == _flow(ctx).qr_text()
    return shown


def expect_no_rating_offer(ctx: ScriptContext, _arg: Any) -> None:
    if ctx.app.root.current == "rate" or _flow(ctx).visit.offer is not None:
        raise ScriptFailure("a rating is offered again for a service rated in this visit")


STEPS = {"complaint_stored": complaint_stored, "expect_complaint": expect_complaint,
         "complaint_delivered_once": complaint_delivered_once,
         "complaint_staff": complaint_staff, "keys_complaint_number": keys_complaint_number,
         "keys_complaint_phone": keys_complaint_phone,
         "printed_complaint_slip": printed_complaint_slip,
         "expect_complaint_filed": expect_complaint_filed,
         "ratings_recorded": ratings_recorded, "expect_no_rating_offer": expect_no_rating_offer,
         "expect_complaint_qr": expect_complaint_qr}


# -- scenes -------------------------------------------------------------------
SAMPLE_NUMBER = "TS20260306-482913"


def _start(ctx: ScriptContext) -> ComplaintsFlow:
    home(ctx)
    catalog(ctx)
    if ctx.core.platform is not None:        # a scene before may have taken the link away
        ctx.core.platform.status.ok(ctx.core.clock.now().timestamp())
    return _flow(ctx)


def _show(ctx: ScriptContext, screen: str) -> None:
    _start(ctx)
    ctx.app.go(screen)


def _file(ctx: ScriptContext, how: str) -> None:
    flow = _start(ctx)
    if how == "posting":
        flow.report_posting("J0001", "仓储物流部 叉车司机（持证）")
    else:
        flow.start("suggestion" if how == "anonymous" else "complaint")
        flow.visit.reasons = {"waiting"}
        flow.set_anonymous(how == "anonymous")
    ctx.app.go("complaint_file")


def _filed(ctx: ScriptContext, state: str = "sent", qr: bool = False) -> None:
    flow = _start(ctx)
    flow.visit.filed = Filed(SAMPLE_NUMBER, "complaint", "desk", "",
                             "三号窗口排队一个小时，无人叫号", dt.datetime(2026, 3, 6, 16, 20,
                                                                  tzinfo=CHINA),
                             dt.date(2026, 3, 13), "13800138000", state)
    ctx.app.go("complaint_filed")
    if qr:
        ctx.app.screen("complaint_filed").show_qr()


def _status(ctx: ScriptContext, overdue: bool) -> None:
    flow = _start(ctx)
    due = dt.date(2026, 3, 13)
    if overdue:
        found = Found(("fb.lookup.overdue", {"y": 2026, "m": 3, "d": 13}), SAMPLE_NUMBER,
                      "in_progress", "综合服务科", "", True, due)
    else:
        found = Found(("fb.lookup.answered", {}), SAMPLE_NUMBER, "answered", "综合服务科",
                      "您反映的排队问题已核实。我们已在上午高峰增开两个窗口，并安排专人引导取号。",
                      False, due)
    flow.visit.found = found
    ctx.app.go("complaint_lookup")
    ctx.app.screen("complaint_lookup").show(found)


def _rate(ctx: ScriptContext, why: bool) -> None:
    flow = _start(ctx)
    flow.visit.rated.clear()
    flow.offer("jobs_print", "J0001", "home", ("jobs.print.done", {}))
    if why:
        flow.choose_grade(2)
        flow.visit.why = {"attitude"}
    ctx.app.go("rate")


SCENES = {
    "complaints": lambda ctx: _show(ctx, "complaints"),
    "complaint_file": lambda ctx: _file(ctx, "complaint"),
    "complaint_file_posting": lambda ctx: _file(ctx, "posting"),
    "complaint_file_anonymous": lambda ctx: _file(ctx, "anonymous"),
    "complaint_filed": lambda ctx: _filed(ctx),
    "complaint_filed_queued": lambda ctx: _filed(ctx, "queued"),
    "complaint_filed_qr": lambda ctx: _filed(ctx, "sent", qr=True),
    "complaint_lookup": lambda ctx: _show(ctx, "complaint_lookup"),
    "complaint_status": lambda ctx: _status(ctx, False),
    "complaint_overdue": lambda ctx: _status(ctx, True),
    "rate": lambda ctx: _rate(ctx, False),
    "rate_why": lambda ctx: _rate(ctx, True),
    "rate_desk": lambda ctx: _show(ctx, "rate_desk"),
}
