"""Scenes and steps of career guidance (职业指导预约).

Steps: {"platform_clock": "2026-03-03T09:15:00+08:00"} restarts the run's platform
with its clock started at that moment (check-in windows are judged on it; the
database is kept); {"guidance_booked": "sent"} waits until this visit's booking
left the terminal's hands in that state and remembers its appointment;
{"printed_appointment_ticket": ["2026-03-03", "职业指导室1"]} waits for a ticket
holding those words and whose QR code is the remembered appointment (the paper
is saved as appointment-ticket.png); {"show_ticket_qr": null} holds the printed
ticket's code up to the camera simulator; {"printed_queue_slip": ["第1位"]} waits
for the queue slip a check-in prints (no QR code on it); {"expect_appointment": "checked_in"}
reads the remembered appointment's state in the platform's database
({"slot": "G001-202603031000", "status": "booked"}: the appointments a slot holds).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from kiosk.clock import CHINA
from kiosk.flows.guidance.booking import Slot
from kiosk.flows.guidance.flow import Booked, GuidanceFlow, appointment_of, ticket_payload
from kiosk.flows.guidance.visit import Queued
from kiosk_command.script.context import ScriptContext, ScriptFailure
from kiosk_command.script.steps.scenes import catalog, home

REMEMBERED = "guidance.appointment"
TICKET_QR = "guidance.ticket_qr"


def _flow(ctx: ScriptContext) -> GuidanceFlow:
    return ctx.core.flow("guidance", GuidanceFlow)


def platform_clock(ctx: ScriptContext, moment: str) -> None:
    platform = ctx.platform
    if platform is None:
        raise ScriptFailure("this script runs without the platform")
    dt.datetime.fromisoformat(moment)               # a bad moment fails here, not later
    args = list(platform.extra_args)
    if "--now" in args:
        at = args.index("--now")
        del args[at:at + 2]
    platform.stop()
    platform.extra_args = [*args, "--now", moment]
    platform.start()


def guidance_booked(ctx: ScriptContext, state: str) -> Any:
    def stored() -> bool:
        visit = _flow(ctx).visit
        if visit.state in ("idle", "sending"):
            if visit.state == "idle" and visit.message is not None and state != "idle":
                raise ScriptFailure(f"the booking was refused: {visit.message}")
            return False
        if visit.state != state:
            raise ScriptFailure(f"the booking is {visit.state}, not {state}")
        if visit.booked is not None:
            ctx.resources[REMEMBERED] = visit.booked.id
        return True
    return stored


def printed_appointment_ticket(ctx: ScriptContext, words: list[str]) -> Any:
    sim = ctx.core.simulators.printer if ctx.core else None
    if sim is None:
        raise ScriptFailure("the printer is not simulated in this run")
    appointment = ctx.resources.get(REMEMBERED)
    if appointment is None:
        raise ScriptFailure("no appointment remembered; run guidance_booked first")

    def printed() -> bool:
        for receipt in sim.receipts():
            text = receipt.text().replace("\n", "")
            if not all(w in text for w in words):
                continue
            codes = receipt.qr_payloads()
            if [appointment_of(c) for c in codes] != [appointment]:
                raise ScriptFailure(f"the ticket's QR codes {codes} are not {appointment}")
            from devices.printer.paper_png import render_png

            render_png(receipt, sim.dots).save(ctx.workdir / "appointment-ticket.png")
            ctx.resources[TICKET_QR] = codes[0]
            return True
        return False
    return printed


def printed_queue_slip(ctx: ScriptContext, words: list[str]) -> Any:
    """Wait for a queue slip holding those words and no QR code (it names no one and no
    appointment); the paper is saved as queue-slip.png."""
    sim = ctx.core.simulators.printer if ctx.core else None
    if sim is None:
        raise ScriptFailure("the printer is not simulated in this run")

    def printed() -> bool:
        for receipt in sim.receipts():
            text = receipt.text().replace("\n", "")
            if "排号" not in text or not all(w in text for w in words):
                continue
            if receipt.qr_payloads():
                raise ScriptFailure("the queue slip carries a QR code")
            from devices.printer.paper_png import render_png

            render_png(receipt, sim.dots).save(ctx.workdir / "queue-slip.png")
            return True
        return False
    return printed


def show_ticket_qr(ctx: ScriptContext, _arg: Any) -> None:
    from devices.camera.synth import QrLook

    code = ctx.resources.get(TICKET_QR)
    if code is None:
        raise ScriptFailure("no ticket printed in this run; run printed_appointment_ticket")
    sim = ctx.core.simulators.camera if ctx.core else None
    if sim is None:
        raise ScriptFailure("the camera is not simulated in this run")
    sim.show_qr(code, QrLook())


def expect_appointment(ctx: ScriptContext, want: str | dict[str, Any]) -> None:
    """"checked_in": the remembered appointment's state; {"slot": id, "status":
    "booked", "count": 1}: how many appointments booked at terminals a slot holds in
    that state (the desk's own are not counted)."""
    if ctx.platform is None:
        raise ScriptFailure("this script runs without the platform")
    with ctx.platform.database() as conn:
        if isinstance(want, dict):
            found = conn.execute("SELECT count(*) FROM appointments WHERE slot_id = ? AND "
                                 "status = ? AND booker != 'desk'",
                                 (want["slot"], want["status"])).fetchone()[0]
            if found != int(want.get("count", 1)):
                raise ScriptFailure(f"slot {want['slot']} holds {found} {want['status']} "
                                    f"appointments, not {want.get('count', 1)}")
            return
        appointment = ctx.resources.get(REMEMBERED)
        if appointment is None:
            raise ScriptFailure("no appointment remembered; run guidance_booked first")
        row = conn.execute("SELECT status FROM appointments WHERE id = ?",
                           (appointment,)).fetchone()
    if row is None or row[0] != want:
        raise ScriptFailure(f"the appointment is {row[0] if row else 'missing'}, not {want}")


def desk_takes_seats(ctx: ScriptContext, arg: dict[str, Any]) -> None:
    """{"slot": id, "leave": 1}: the centre's desk books all but that many seats of a
    slot, each an appointment row of the desk's own (as the demo's desk seats are)."""
    import secrets

    from central.db import write
    from central.demo.guidance import DESK_ROWS_SQL, desk_appointments
    from central.moments import iso

    if ctx.platform is None:
        raise ScriptFailure("this script runs without the platform")
    leave = int(arg["leave"])
    with ctx.platform.database() as conn, write(conn):
        slot = conn.execute("SELECT id, service_id, counsellor, starts_at, ends_at, "
                            "capacity, capacity - ? - booked FROM slots WHERE id = ?",
                            (leave, arg["slot"])).fetchone()
        if slot is None or slot[6] < 0:
            raise ScriptFailure(f"slot {arg['slot']} has not {leave} seats to leave")
        rows = desk_appointments([slot], seed=secrets.randbits(32), stamp=iso(ctx.clock.now()))
        conn.executemany(DESK_ROWS_SQL, rows)
        conn.execute("UPDATE slots SET booked = booked + ? WHERE id = ?",
                     (len(rows), arg["slot"]))


def expect_booker(ctx: ScriptContext, want: str) -> None:
    """"employer": who booked the remembered appointment (seeker or employer)."""
    appointment = ctx.resources.get(REMEMBERED)
    if ctx.platform is None or appointment is None:
        raise ScriptFailure("no platform or no appointment remembered")
    with ctx.platform.database() as conn:
        row = conn.execute("SELECT booker FROM appointments WHERE id = ?",
                           (appointment,)).fetchone()
    if row is None or row[0] != want:
        raise ScriptFailure(f"the appointment was booked by {row[0] if row else 'nobody'}")


STEPS = {"platform_clock": platform_clock, "expect_booker": expect_booker,
         "desk_takes_seats": desk_takes_seats,
         "guidance_booked": guidance_booked,
         "printed_appointment_ticket": printed_appointment_ticket,
         "printed_queue_slip": printed_queue_slip,
         "show_ticket_qr": show_ticket_qr, "expect_appointment": expect_appointment}


# -- scenes -------------------------------------------------------------------
def _at(day: int, hour: int, minute: int) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, minute, tzinfo=CHINA)


SAMPLE_SLOTS = [
    Slot("S1", "G001", "王老师", _at(3, 9, 0), _at(3, 9, 30), 1, 1, "职业指导室1", False),
    Slot("S2", "G001", "李老师", _at(3, 9, 30), _at(3, 10, 0), 1, 1, "职业指导室2", False),
    Slot("S3", "G001", "王老师", _at(3, 16, 30), _at(3, 17, 0), 1, 1, "职业指导室1", True),
    Slot("S4", "G001", "李老师", _at(4, 14, 0), _at(4, 14, 30), 1, 1, "职业指导室2", False),
]
SAMPLE_BOOKED = Booked("3f9c2a7e-5b1d-4c8e-9a0f-1e2d3c4b5a69", "职业指导", "王老师",
                       "二楼职业指导室", "职业指导室1", _at(3, 9, 30), _at(3, 10, 0),
                       ("本人身份证", "简历（如有）"))


def _start(ctx: ScriptContext) -> GuidanceFlow:
    home(ctx)
    catalog(ctx)
    if ctx.core.platform is not None:        # a scene before may have taken the link away
        ctx.core.platform.status.ok(ctx.core.clock.now().timestamp())
    return _flow(ctx)


def _triage(ctx: ScriptContext, audience: str, topic: str) -> None:
    flow = _start(ctx)
    flow.choose_audience(audience)
    if topic:
        flow.choose_topic(topic)
    ctx.app.go("guidance")


def _book(ctx: ScriptContext, taken: bool, moving: bool = False) -> None:
    flow = _start(ctx)
    visit = flow.visit
    services = flow.services()
    visit.service_id = services[0].id if services else "G001"
    visit.slots, visit.slots_state = list(SAMPLE_SLOTS), "shown"
    if moving:
        visit.moving = SAMPLE_BOOKED
    if taken:
        visit.taken, visit.slot_id = "S1", "S2"
        visit.message = ("gd.refused.slot_taken", {"desk": flow.staff_desk})
    ctx.app.go("guidance_book")


def _form(ctx: ScriptContext) -> None:
    flow = _start(ctx)
    visit = flow.visit
    visit.service_id, visit.slots, visit.slots_state = "G001", list(SAMPLE_SLOTS), "shown"
    visit.slot_id = "S2"
    flow.choose("situation", "unemployed")
    flow.choose_topic("career_direction")
    ctx.app.go("guidance_form")


def _employer_form(ctx: ScriptContext) -> None:
    flow = _start(ctx)
    flow.choose_audience("employer")
    flow.choose_topic("recruitment_plan")
    visit = flow.visit
    visit.service_id, visit.slots, visit.slots_state = "G009", list(SAMPLE_SLOTS), "shown"
    visit.slot_id = "S2"
    flow.choose("wants", "recruit")
    ctx.app.go("guidance_form")


def _ticket(ctx: ScriptContext, state: str, qr: bool = False) -> None:
    flow = _start(ctx)
    visit = flow.visit
    visit.state = state
    visit.booked = SAMPLE_BOOKED if state == "sent" else None
    visit.message = (f"gd.ticket.{state}", {})
    ctx.app.go("guidance_ticket")
    if qr:
        ctx.app.screen("guidance_ticket").show_qr()


def _checkin(ctx: ScriptContext, result: str) -> None:
    flow = _start(ctx)
    visit = flow.visit
    if result == "done":
        visit.checkin_state = "done"
        visit.checkin = ("gd.checkin.done", {"room": "职业指导室1", "queue": "3"})
        visit.queue = Queued("3", "职业指导室1", "职业指导", _at(3, 9, 30))
        visit.queue_print = ("gd.queue.done", {})
    elif result == "noslip":
        _checkin(ctx, "done")
        visit.queue_print = ("gd.queue.not_printed", {"room": "职业指导室1", "queue": "3"})
    elif result == "early":
        visit.checkin_state = "refused"
        visit.checkin = ("gd.checkin.too_early", {"desk": flow.staff_desk})
    ctx.app.go("guidance_checkin")


def _mine_ticket(ctx: ScriptContext) -> None:
    visit = _start(ctx).visit
    ctx.app.go("guidance_mine")                # without a card, as the ticket is scanned
    visit.ticket, visit.ticket_state = SAMPLE_BOOKED, "found"
    visit.mine_message = ("gd.mine.ticket_found", {})
    ctx.app.screen("guidance_mine").show()


def _mine(ctx: ScriptContext, card: bool, lost: bool = False) -> None:
    from devices.idcard.card import parse_card
    from devices.idcard.deck import card_text, sample

    flow = _start(ctx)
    if card:
        ctx.core.session.card_read(parse_card(card_text(sample("resident"))),
                                   ctx.core.clock.now().date())
        visit = flow.visit
        visit.mine, visit.mine_state = [SAMPLE_BOOKED], "shown"
        if lost:
            from kiosk.flows.guidance.flow import Lost

            visit.mine = []
            visit.lost = Lost("k", "职业指导", _at(3, 9, 0), _at(3, 9, 30), {}, {},
                              SAMPLE_SLOTS[1])
    ctx.app.go("guidance_mine")


SCENES = {
    "guidance": lambda ctx: _triage(ctx, "seeker", ""),
    "guidance_topic": lambda ctx: _triage(ctx, "seeker", "career_direction"),
    "guidance_employer": lambda ctx: _triage(ctx, "employer", "market_pay"),
    "guidance_book": lambda ctx: _book(ctx, False),
    "guidance_book_taken": lambda ctx: _book(ctx, True),
    "guidance_book_move": lambda ctx: _book(ctx, False, moving=True),
    "guidance_form": _form,
    "guidance_form_employer": _employer_form,
    "guidance_ticket": lambda ctx: _ticket(ctx, "sent"),
    "guidance_ticket_queued": lambda ctx: _ticket(ctx, "queued"),
    "guidance_ticket_qr": lambda ctx: _ticket(ctx, "sent", qr=True),
    "guidance_checkin": lambda ctx: _checkin(ctx, ""),
    "guidance_checkin_done": lambda ctx: _checkin(ctx, "done"),
    "guidance_checkin_early": lambda ctx: _checkin(ctx, "early"),
    "guidance_checkin_noslip": lambda ctx: _checkin(ctx, "noslip"),
    "guidance_mine": lambda ctx: _mine(ctx, True),
    "guidance_mine_card": lambda ctx: _mine(ctx, False),
    "guidance_mine_lost": lambda ctx: _mine(ctx, True, lost=True),
    "guidance_mine_ticket": _mine_ticket,
}

__all__ = ["STEPS", "SCENES", "ticket_payload"]
