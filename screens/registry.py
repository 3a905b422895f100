"""Every screen and overlay of the app, by name.

A visitor flow adds its screen here; the home screen's tile for it then
opens it instead of the "coming soon" notice.
"""

from __future__ import annotations

from typing import Any

from kivy.uix.screenmanager import Screen

from screens.attract import AttractScreen
from screens.home import HomeScreen
from screens.notices import FailsafeScreen, OutOfServiceScreen, SoonScreen
from screens.overlays import TechExitOverlay, TimeoutOverlay


def build_screens() -> list[Screen]:
    """Fresh instances of every screen."""
    return [
        AttractScreen(name="attract"),
        HomeScreen(name="home"),
        SoonScreen(name="soon"),
        FailsafeScreen(name="failsafe"),
        OutOfServiceScreen(name="out_of_service"),
    ]


def build_overlays() -> dict[str, Any]:
    """Fresh instances of the overlays."""
    return {"timeout": TimeoutOverlay(), "tech_exit": TechExitOverlay()}
