"""Layered, validated configuration.

Order (later wins, key by key): config/default.toml, the file given with
--config (or /etc/kiosk/kiosk.toml when it exists), KIOSK_<SECTION>__<KEY>
environment variables. The result is a typed Settings object.
"""

from kiosk.config.loader import load_settings
from kiosk.config.schema import Settings

__all__ = ["Settings", "load_settings"]
