"""职业兴趣测评: its home tile (which says the service is coming until its
screens land) and its receipt."""

from kiosk.flows import FlowInfo, Tile

FLOW = FlowInfo(name="assessment", tile=Tile("assessment", order=4),
                receipts={"report": "kiosk.flows.assessment.receipt"})
