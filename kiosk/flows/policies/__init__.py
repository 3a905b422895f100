"""政策查询: its home tile, which says the service is coming until its screens land."""

from kiosk.flows import FlowInfo, Tile

FLOW = FlowInfo(name="policies", tile=Tile("policies", order=5))
