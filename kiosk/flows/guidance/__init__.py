"""职业指导预约: self-service general guidance (what do you need help with, what
the terminal and a counsellor offer), booking one-to-one, group and assessment
sessions, the printed ticket with its check-in code, and self check-in at the
camera. The platform's side is in central/guidance (docs/guidance.md)."""

from kiosk.flows import FlowInfo, Say, ScreenInfo, Tile
from kiosk.platform.kinds import Kind

FLOW = FlowInfo(
    name="guidance",
    tile=Tile("guidance", order=3),
    entry="guidance",
    screens=(
        ScreenInfo("guidance", ("guidance", "guidance_topic", "guidance_employer"),
                   speaks=(Say("gd.triage.ask"),)),
        ScreenInfo("guidance_book", ("guidance_book", "guidance_book_taken",
                                     "guidance_book_move")),
        ScreenInfo("guidance_form", ("guidance_form", "guidance_form_employer")),
        ScreenInfo("guidance_ticket", ("guidance_ticket", "guidance_ticket_queued",
                                       "guidance_ticket_qr"),
                   speaks=(Say("gd.ticket.sent"),)),
        ScreenInfo("guidance_checkin", ("guidance_checkin", "guidance_checkin_done",
                                        "guidance_checkin_early", "guidance_checkin_noslip"),
                   speaks=(Say("gd.checkin.explain"),)),
        ScreenInfo("guidance_mine", ("guidance_mine", "guidance_mine_card",
                                     "guidance_mine_lost", "guidance_mine_ticket")),
    ),
    outbox_kinds={"appointment": Kind("/appointments", "appointments",
                                       local=("service_id", "starts_at", "ends_at")),
                  "appointment_cancel": Kind("/appointments/{appointment_id}/cancel",
                                             "appointments"),
                  "appointment_move": Kind("/appointments/{appointment_id}/move",
                                           "appointments"),
                  "checkin": Kind("/appointments/checkin", "appointments")},
    receipts={"appointment": "kiosk.flows.guidance.receipt"},
    factory="kiosk.flows.guidance.flow:GuidanceFlow",
)
