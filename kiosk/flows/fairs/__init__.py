"""Job fairs: on-site, online and live-stream, each with a QR code (reached from the jobs)."""

from kiosk.flows import FlowInfo, Say, ScreenInfo

FLOW = FlowInfo(
    name="fairs",
    screens=(ScreenInfo("fairs", ("fairs",),
                   speaks=(Say("fairs.title"),)),),
    factory="kiosk.flows.fairs.flow:FairsFlow",
)
