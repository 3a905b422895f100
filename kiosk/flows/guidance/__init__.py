"""职业指导预约: its home tile (which says the service is coming until its
screens land) and its receipt."""

from kiosk.flows import FlowInfo, Tile
from kiosk.platform.kinds import Kind

FLOW = FlowInfo(name="guidance", tile=Tile("guidance", order=3),
                outbox_kinds={"appointment": Kind("/appointments", "appointments"),
                              "appointment_cancel": Kind("/appointments/{appointment_id}/cancel",
                                                         "appointments"),
                              "checkin": Kind("/appointments/checkin", "appointments")},
                receipts={"appointment": "kiosk.flows.guidance.receipt"})
