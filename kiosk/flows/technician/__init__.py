"""The technician's menu on the glass, behind the hidden gesture and the PIN: device
and link status with live values, and the fleet's commands run on the spot."""

from kiosk.flows import FlowInfo, ScreenInfo

FLOW = FlowInfo(
    name="technician",
    screens=(ScreenInfo("tech_menu", ("tech_menu", "tech_menu_oos")),),
    factory="kiosk.flows.technician.flow:TechnicianFlow",
)
