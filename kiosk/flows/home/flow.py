"""The terminal's own screens' rules: which short notice card the attract screen shows,
the "call staff" button in every screen's footer, and what the frame around every
screen says (date and time, the time left of a visit, the hotline).

Between visitors the attract screen cycles the public notice's short cards, one
every CARD_S seconds of the session's injected clock, and only while the session is
idle: a visitor who touched the glass never sees them change under their finger.
"""

from __future__ import annotations

import logging
import math
import threading
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from kiosk.flows.base import VisitorFlow
from kiosk.flows.notice.flow import NoticeFlow
from kiosk.i18n import Text
from kiosk.platform.errors import PlatformError
from kiosk.session import SessionState

if TYPE_CHECKING:
    from collections.abc import Callable

    from kiosk.flows.notice.present import AttractCard

log = logging.getLogger(__name__)

CARD_S = 8.0               # long enough to read a sentence from a few steps away
CALL_AGAIN_S = 120.0       # a second tap within this only repeats that staff were told
HelpState = Literal["", "calling", "called", "unreached"]
# the national human-resources and social-security service line, printed on every
# centre's signs: the same on every terminal, so it is no setting
HOTLINE = "12333"
# the frame's date and time, short enough for one line beside time left and hotline;
# Tibetan keeps the digits of clocks and signs, as the numbers rule says
CLOCK_PATTERNS = {"zh": "M月d日 EEE HH:mm", "en": "EEE d MMM HH:mm", "bo": "M/d HH:mm"}
BABEL_LOCALES = {"zh": "zh_Hans_CN", "en": "en_GB", "bo": "zh_Hans_CN"}


@dataclass
class HelpVisit:
    """Whether this visitor has called staff, and when (wiped with the visit)."""

    state: HelpState = ""
    at: float = 0.0


class HomeFlow(VisitorFlow[HelpVisit]):
    """What the attract and home screens and the footer ask the core."""

    visit_type = HelpVisit

    # -- call staff ---------------------------------------------------------------
    def call_staff(self, done: Callable[[HelpState], None]) -> HelpState:
        """Tell the staff at this hall's desk that a visitor here wants help: a live call
        to the platform (a call that reaches them an hour later helps nobody, so it does
        not wait in the outbox); done(state) runs on the UI thread when it is answered.
        Returns the state at once: "calling", or what a repeated tap changes nothing of."""
        visit, now = self.visit, self.clock.now().timestamp()
        if visit.state == "calling" or (visit.state == "called"
                                        and now - visit.at < CALL_AGAIN_S):
            return visit.state
        platform = self.platform
        if platform is None:
            visit.state = "unreached"
            return visit.state
        visit.state, visit.at = "calling", now
        request, wipes = {"id": uuid.uuid4().hex, "desk": self.staff_desk}, self._wipes

        def run() -> None:
            state: HelpState = "called"
            try:
                platform.ask("/help-requests", request)
            except PlatformError as exc:
                log.warning("staff call not delivered", extra={"cause": str(exc)})
                state = "unreached"
            except Exception:       # a worker thread never ends on a surprise
                log.exception("staff call failed")
                state = "unreached"

            def on_ui() -> None:
                if self._still(visit, wipes):
                    visit.state = state
                    done(state)
            self.ui.post(on_ui)
        threading.Thread(target=run, name="call-staff", daemon=True).start()
        return visit.state

    def help_text(self) -> Text:
        """What the footer button says now (the desk is filled in by the screens)."""
        key = {"": "common.staff_help", "calling": "common.staff_calling",
               "called": "common.staff_called", "unreached": "common.staff_unreached"}
        return key[self.visit.state], {}

    # -- the frame ----------------------------------------------------------------
    def clock_text(self, lang: str) -> str:
        """Today's date and the time, as the frame shows them in lang."""
        from babel.dates import format_datetime  # babel's data loads on first use

        now = self.clock.now()
        pattern = CLOCK_PATTERNS.get(lang, CLOCK_PATTERNS["zh"])
        return format_datetime(now, pattern, tzinfo=now.tzinfo,
                               locale=BABEL_LOCALES.get(lang, "zh_Hans_CN"))

    def hotline(self) -> str:
        """The service line the frame shows on every screen."""
        return HOTLINE

    def time_left(self) -> int | None:
        """Whole seconds before this visit ends by itself; None between visits."""
        left = self.core.session.seconds_to_end()
        return None if left is None else math.ceil(left)

    @staticmethod
    def time_left_text(seconds: int) -> str:
        """m:ss, the way a countdown is read off any clock."""
        return f"{seconds // 60}:{seconds % 60:02d}"

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
