"""A terminal core for the assessment flow: headless, with the reference platform on
127.0.0.1 and a printer simulator when a test needs them (the registration tests'
fixtures, shared)."""

from __future__ import annotations

from kiosk.clock import FakeClock
from kiosk.config import load_settings
from kiosk.core import KioskCore
from kiosk.flows.assessment.flow import AssessmentFlow
from kiosk.platform.service import PlatformService
from kiosk.receipts.desk import ReceiptDesk
from kiosk.session import VisitorSession
from tests.assessment.answers import by_type, in_order
from tests.registration.conftest import (  # noqa: F401 - fixtures
    card,
    online,
    own_platform,
    platform,
    printer,
    sim,
    wait_ui,
)


def make_flow(clock: FakeClock | None = None, service: PlatformService | None = None,
              receipts: ReceiptDesk | None = None) -> AssessmentFlow:
    """A flow over a fresh core (a session of its own)."""
    clock = clock or FakeClock()
    session = VisitorSession(clock)
    core = KioskCore(load_settings(environ={}), clock, session, platform=service,
                     receipts=receipts)
    return AssessmentFlow(core)


def answer_all(flow: AssessmentFlow, profile: dict[str, tuple[int, int]]) -> str:
    """Tap through every question as the screens ask them; the last screen named."""
    screen = flow.begin()
    for value in in_order(by_type(profile)):
        assert screen == "as_item"
        screen = flow.answer(value)
    return screen


def lay_card(flow: AssessmentFlow, **fields: str) -> None:
    flow.session.card_read(card(**fields), flow.clock.now().date())
