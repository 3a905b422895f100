"""The terminal's own screens: attract, home, notices, the time-out and technician overlays,
and the on-screen keyboard every flow types with."""

from kiosk.flows import FlowInfo, Say, ScreenInfo

FLOW = FlowInfo(
    name="home",
    screens=(
        ScreenInfo("attract", ("attract", "attract_notice"), speaks=(Say("voice.attract"),)),
        ScreenInfo("home", ("home", "staff_called"), speaks=(Say("voice.home"),),
                   long_press=(("home.elder", "voice.hint.elder"), ("home.end", "voice.hint.end"))),
        ScreenInfo("soon", ("soon",)),
        ScreenInfo("failsafe", ("failsafe",)),
        ScreenInfo("out_of_service", ("out_of_service",)),
        ScreenInfo("timeout", ("timeout",), overlay=True),
        ScreenInfo("voice", ("voice_panel",), overlay=True),
        ScreenInfo("tech_exit", ("tech_exit",), overlay=True),
        ScreenInfo("keyboard", ("keyboard", "keypad"), overlay=True),
    ),
    factory="kiosk.flows.home.flow:HomeFlow",
)
