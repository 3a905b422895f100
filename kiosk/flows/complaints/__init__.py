"""投诉与评价: its home tile, which says the service is coming until its screens land."""

from kiosk.flows import FlowInfo, Tile

FLOW = FlowInfo(name="complaints", tile=Tile("complaints", order=6))
