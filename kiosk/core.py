"""KioskCore: everything the flows are built on, wired by the composition root.

Each slot is typed; a capability the terminal has not wired (or whose device
failed to start) stays None and its flows say the service is unavailable.
Flows read the slots when they act, not when they are made, so a capability
wired after the first frame is used as soon as it is there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, TypeVar

from kiosk.clock import Clock
from kiosk.handoff import UiQueue

if TYPE_CHECKING:
    from devices.audio.simulator import SimulatedAudio
    from devices.camera.service import Camera
    from devices.camera.simulator import SimulatedCamera
    from devices.idcard.card import Card
    from devices.idcard.driver import IdcardReader
    from devices.idcard.simulator import IdcardSimulator
    from devices.printer.service import PrinterService
    from devices.printer.simulator import PrinterSimulator
    from kiosk.config import Settings
    from kiosk.ime.loader import EngineLoader
    from kiosk.platform.service import PlatformService
    from kiosk.receipts.desk import ReceiptDesk
    from kiosk.session import VisitorSession
    from kiosk.speech.service import SpeechService

F = TypeVar("F")


@dataclass
class Simulators:
    """The device simulators a demo or a scripted run started (None on a real terminal)."""

    idcard: IdcardSimulator | None = None
    printer: PrinterSimulator | None = None
    camera: SimulatedCamera | None = None
    audio: SimulatedAudio | None = None


class Remote(Protocol):
    """Remote management as the rest of the terminal sees it (kiosk.fleet's Fleet,
    which reads the core: typed here by what it offers, to keep imports one way)."""

    def tick(self) -> None: ...

    def health(self) -> dict[str, object]: ...

    def act(self, kind: str, args: dict[str, object]) -> tuple[bool, str]: ...


@dataclass
class KioskCore:
    """The wired core of one running terminal."""

    settings: Settings
    clock: Clock
    session: VisitorSession
    ui: UiQueue = field(default_factory=UiQueue)
    reader: IdcardReader | None = None
    printer: PrinterService | None = None
    receipts: ReceiptDesk | None = None
    camera: Camera | None = None
    platform: PlatformService | None = None
    ime: EngineLoader | None = None
    fleet: Remote | None = None
    speech: SpeechService | None = None
    # set by the app shell: ends the app (the service manager starts it again)
    leave: Callable[[str], None] | None = None
    # while the technician's menu is open, a card read goes here instead of signing in
    card_test: Callable[[Card], None] | None = None
    # the code a terminal without a key shows until a technician pairs it ("" when paired)
    pairing_code: str = ""
    # told on the UI thread when settings change while running (configuration from the fleet)
    settings_listeners: list[Callable[[Settings], None]] = field(default_factory=list)
    simulators: Simulators = field(default_factory=Simulators)
    flows: dict[str, object] = field(default_factory=dict)

    def flow(self, name: str, kind: type[F]) -> F:
        """The named flow object, checked to be of the kind its screens expect."""
        found = self.flows[name]
        if not isinstance(found, kind):
            raise TypeError(f"flow {name!r} is a {type(found).__name__}, not {kind.__name__}")
        return found
