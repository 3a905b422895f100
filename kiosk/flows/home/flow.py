"""The terminal's own screens' rules: which short notice card the attract screen shows.

Between visitors the attract screen cycles the public notice's short cards, one
every CARD_S seconds of the session's injected clock, and only while the session is
idle: a visitor who touched the glass never sees them change under their finger.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.flows.notice.flow import NoticeFlow
from kiosk.session import SessionState

if TYPE_CHECKING:
    from kiosk.core import KioskCore
    from kiosk.flows.notice.present import AttractCard

CARD_S = 8.0               # long enough to read a sentence from a few steps away


class HomeFlow:
    """What the attract and home screens ask the core."""

    def __init__(self, core: KioskCore) -> None:
        self.core = core

    def attract_card(self) -> AttractCard | None:
        """The notice card to show now; None while a visitor is in a session, or when
        the terminal has no notice yet."""
        session = self.core.session
        if session.state is not SessionState.IDLE:
            return None
        notice = self.core.flows.get("notice")
        cards = notice.attract_cards() if isinstance(notice, NoticeFlow) else ()
        if not cards:
            return None
        from kiosk.flows.notice.present import attract_index

        index = attract_index(session.seconds_in_state(), len(cards), CARD_S)
        return cards[index] if index is not None else None
