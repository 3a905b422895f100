"""求职登记: its home tile, which says the service is coming until its screens land."""

from kiosk.flows import FlowInfo, Tile

FLOW = FlowInfo(name="registration", tile=Tile("registration", order=1))
