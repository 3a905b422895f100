"""职业指导预约: its home tile (which says the service is coming until its
screens land) and its receipt."""

from kiosk.flows import FlowInfo, Tile

FLOW = FlowInfo(name="guidance", tile=Tile("guidance", order=3),
                receipts={"appointment": "kiosk.flows.guidance.receipt"})
