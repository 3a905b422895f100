"""KioskCore: everything the screens are handed, built by the composition root.

Screens never reach for globals or the running App to find a device or the
platform: they read these attributes. Slots a capability has not wired stay
None and its screens say the service is unavailable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kiosk.clock import Clock

if TYPE_CHECKING:
    from kiosk.config import Settings
    from kiosk.session import VisitorSession


@dataclass
class KioskCore:
    """The wired core of one running terminal."""

    settings: Settings
    clock: Clock
    session: VisitorSession
    reader: Any = None          # devices.idcard reader driver (issue: ID card reader)
    printer: Any = None         # devices.printer service (issue: receipt printing)
    camera: Any = None          # devices.camera capture (issue: camera)
    platform: Any = None        # kiosk platform client + outbox + catalog (issue: platform)
    simulators: dict[str, Any] = field(default_factory=dict)
    extras: dict[str, Any] = field(default_factory=dict)
