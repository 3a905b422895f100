"""Helpers shared by command modules: settings and logging from the CLI args."""

from __future__ import annotations

import argparse

from kiosk import logs
from kiosk.config import Settings, load_settings


def settings_from(args: argparse.Namespace, fleet: bool = False) -> Settings:
    """Load settings (honouring --config) and configure logging from them; fleet: with
    the last good configuration from the fleet (the running terminal)."""
    settings = load_settings(getattr(args, "config", None), fleet=fleet)
    logs.configure(settings.logging.level, settings.logging.modules)
    return settings
