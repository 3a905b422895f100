"""The terminal's own screens: attract, home, notices, and the time-out, read-aloud,
technician and keyboard overlays."""

from screens.home.attract import AttractScreen
from screens.home.home import HomeScreen
from screens.home.notices import FailsafeScreen, OutOfServiceScreen, SoonScreen
from screens.home.overlays import TechExitOverlay, TimeoutOverlay, VoiceOverlay
from screens.keyboard import KeyboardOverlay

FLOW = "home"
SCREENS = {
    "attract": (AttractScreen, "attract.kv"),
    "home": (HomeScreen, "home.kv"),
    "soon": (SoonScreen, "notices.kv"),
    "failsafe": (FailsafeScreen, "notices.kv"),
    "out_of_service": (OutOfServiceScreen, "notices.kv"),
}
OVERLAYS = {
    "timeout": (TimeoutOverlay, "overlays.kv"),
    "voice": (VoiceOverlay, "overlays.kv"),
    "tech_exit": (TechExitOverlay, "overlays.kv"),
    "keyboard": (KeyboardOverlay, "../keyboard.kv"),
}
