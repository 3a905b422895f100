"""The terminal's own screens: attract, home, notices, the time-out and technician overlays,
and the on-screen keyboard every flow types with."""

from kiosk.flows import FlowInfo, ScreenInfo

FLOW = FlowInfo(
    name="home",
    screens=(
        ScreenInfo("attract", ("attract", "attract_notice")),
        ScreenInfo("home", ("home", "staff_called")),
        ScreenInfo("soon", ("soon",)),
        ScreenInfo("failsafe", ("failsafe",)),
        ScreenInfo("out_of_service", ("out_of_service",)),
        ScreenInfo("timeout", ("timeout",), overlay=True),
        ScreenInfo("tech_exit", ("tech_exit",), overlay=True),
        ScreenInfo("keyboard", ("keyboard", "keypad"), overlay=True),
    ),
    factory="kiosk.flows.home.flow:HomeFlow",
)
