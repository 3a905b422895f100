"""公示公告: its home tile, which says the service is coming until its screens land."""

from kiosk.flows import FlowInfo, Tile

FLOW = FlowInfo(name="notice", tile=Tile("notice", order=7))
