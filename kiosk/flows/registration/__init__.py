"""求职登记: its home tile (which says the service is coming until its
screens land) and its receipt."""

from kiosk.flows import FlowInfo, Tile
from kiosk.platform.kinds import Kind

FLOW = FlowInfo(name="registration", tile=Tile("registration", order=1),
                outbox_kinds={"registration": Kind("/seekers/registrations", "registration")},
                receipts={"registration": "kiosk.flows.registration.receipt"})
