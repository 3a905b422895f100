"""The technician's menu on the glass, behind the hidden gesture and the PIN: device
and link status with live values, and the fleet's commands run on the spot; and the
pairing code a terminal without a key shows until a technician confirms it."""

from kiosk.flows import FlowInfo, ScreenInfo

FLOW = FlowInfo(
    name="technician",
    screens=(ScreenInfo("tech_menu", ("tech_menu", "tech_menu_oos")),
             ScreenInfo("tech_pairing", ("tech_pairing",))),
    factory="kiosk.flows.technician.flow:TechnicianFlow",
)
