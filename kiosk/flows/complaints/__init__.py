"""投诉与评价: complaints, suggestions and praise with a tracking number and a
five-working-day promise, their status by number and phone, "report this
posting" from a job's detail, and the satisfaction rating offered after each
service (and for desk service from this flow's own screen).

The terminal makes the tracking number (TSyyyymmdd-NNNNNN) so the slip is
printed at once, the platform reachable or not; the complaint and each rating
go through the outbox, delivered exactly once.
"""

from kiosk.flows import FlowInfo, Say, ScreenInfo, Tile
from kiosk.platform.kinds import Kind

FLOW = FlowInfo(
    name="complaints",
    tile=Tile("complaints", order=6),
    entry="complaints",
    screens=(
        ScreenInfo("complaints", ("complaints",),
                   speaks=(Say("fb.home.title"),)),
        ScreenInfo("complaint_file", ("complaint_file", "complaint_file_posting",
                                      "complaint_file_anonymous")),
        ScreenInfo("complaint_filed", ("complaint_filed", "complaint_filed_queued",
                                       "complaint_filed_qr"),
                   speaks=(Say("fb.filed.title"),)),
        ScreenInfo("complaint_lookup", ("complaint_lookup", "complaint_status",
                                        "complaint_overdue"),
                   speaks=(Say("fb.lookup.title"),)),
        ScreenInfo("rate", ("rate", "rate_why"),
                   speaks=(Say("fb.rate.title"),)),
        ScreenInfo("rate_desk", ("rate_desk",)),
    ),
    outbox_kinds={"complaint": Kind("/complaints"), "rating": Kind("/ratings")},
    receipts={"complaint": "kiosk.flows.complaints.receipt"},
    factory="kiosk.flows.complaints.flow:ComplaintsFlow",
)
