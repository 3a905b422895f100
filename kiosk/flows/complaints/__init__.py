"""投诉与评价: its home tile (which says the service is coming until its
screens land) and its receipt."""

from kiosk.flows import FlowInfo, Tile
from kiosk.platform.kinds import Kind

FLOW = FlowInfo(name="complaints", tile=Tile("complaints", order=6),
                outbox_kinds={"complaint": Kind("/complaints"), "rating": Kind("/ratings")},
                receipts={"complaint": "kiosk.flows.complaints.receipt"})
