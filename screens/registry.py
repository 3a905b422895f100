"""Every screen and overlay of the app, by name.

A visitor flow adds its screen here; the home screen's tile for it then
opens it instead of the "coming soon" notice.
"""

from __future__ import annotations

from pathlib import Path

from kivy.lang import Builder
from kivy.uix.modalview import ModalView
from kivy.uix.screenmanager import Screen

from screens.attract import AttractScreen
from screens.fairs import FairsScreen
from screens.home import HomeScreen
from screens.job_detail import JobDetailScreen, JobQrScreen
from screens.job_filters import JobFiltersScreen
from screens.job_interest import JobInterestScreen
from screens.job_print import JobPrintScreen
from screens.jobs import JobsScreen
from screens.keyboard import KeyboardOverlay
from screens.notices import FailsafeScreen, OutOfServiceScreen, SoonScreen
from screens.overlays import TechExitOverlay, TimeoutOverlay

KV_DIR = Path(__file__).parent / "kv"
SCREENS: dict[str, tuple[type[Screen], str]] = {
    "attract": (AttractScreen, "attract.kv"),
    "home": (HomeScreen, "home.kv"),
    "soon": (SoonScreen, "notices.kv"),
    "failsafe": (FailsafeScreen, "notices.kv"),
    "out_of_service": (OutOfServiceScreen, "notices.kv"),
    "fairs": (FairsScreen, "fairs.kv"),
    "jobs": (JobsScreen, "jobs.kv"),
    "job_filters": (JobFiltersScreen, "jobs.kv"),
    "job_detail": (JobDetailScreen, "jobs.kv"),
    "job_qr": (JobQrScreen, "jobs.kv"),
    "job_print": (JobPrintScreen, "jobs.kv"),
    "job_interest": (JobInterestScreen, "jobs.kv"),
}
OVERLAYS: dict[str, type[ModalView]] = {"timeout": TimeoutOverlay, "tech_exit": TechExitOverlay,
                                         "keyboard": KeyboardOverlay}
_loaded: set[str] = set()


def load_kv(name: str) -> None:
    """Load a kv file once, when its first widget is built (keeps start-up short)."""
    if name not in _loaded:
        Builder.load_file(str(KV_DIR / name))
        _loaded.add(name)


def build_screen(name: str) -> Screen:
    """A fresh instance of the named screen."""
    cls, kv = SCREENS[name]
    load_kv(kv)
    return cls(name=name)


def build_overlay(name: str) -> ModalView:
    """A fresh instance of the named overlay."""
    load_kv("overlays.kv")
    return OVERLAYS[name]()

