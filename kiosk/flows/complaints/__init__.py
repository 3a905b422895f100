"""投诉与评价: its home tile (which says the service is coming until its
screens land) and its receipt."""

from kiosk.flows import FlowInfo, Tile

FLOW = FlowInfo(name="complaints", tile=Tile("complaints", order=6),
                receipts={"complaint": "kiosk.flows.complaints.receipt"})
