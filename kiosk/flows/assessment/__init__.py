"""职业兴趣测评: its home tile (which says the service is coming until its
screens land) and its receipt."""

from kiosk.flows import FlowInfo, Tile
from kiosk.platform.kinds import Kind

FLOW = FlowInfo(name="assessment", tile=Tile("assessment", order=4),
                outbox_kinds={"assessment": Kind("/assessments")},
                receipts={"report": "kiosk.flows.assessment.receipt"})
