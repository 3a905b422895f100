"""What every visitor flow reads from the core in the same way.

A flow is built before the devices and the platform link are wired (the first frame
comes first), so the platform and the receipt desk are read when used, never kept.
A flow's state lives in the visitor session's visit, keyed by its own state type, so
that the session's end wipes it with everything else. Answers that come back from a
worker thread are dropped when the visitor has gone or has asked to start again in
the meantime: `_wipe` counts those moments and `_still` compares.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

from kiosk.clock import CHINA
from kiosk.receipts.stamp import Stamp

if TYPE_CHECKING:
    from kiosk.core import KioskCore
    from kiosk.platform.service import PlatformService
    from kiosk.receipts.desk import ReceiptDesk

V = TypeVar("V")
SLIP_LANGUAGES = ("zh", "en", "bo")     # what slips and reports are printed in


def slip_language(lang: str) -> str:
    """The visitor's language when slips are printed in it, else Chinese."""
    return lang if lang in SLIP_LANGUAGES else "zh"


def parse_day(value: object) -> dt.date | None:
    """A calendar day from the platform's ISO date or moment; None when absent or bad."""
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def day_values(day: dt.date | None) -> dict[str, object]:
    """A date as each language writes it ({y}年{m}月{d}日): never a digit string that
    Tibetan would turn into its own digits around ASCII dashes."""
    if day is None:
        return {"y": "", "m": "", "d": ""}
    return {"y": day.year, "m": day.month, "d": day.day}


class VisitorFlow(Generic[V]):
    """The core, the session, the clock and the hall as every visitor flow needs them."""

    visit_type: ClassVar[type]

    def __init__(self, core: KioskCore) -> None:
        self.core = core
        self.session = core.session
        self.clock = core.clock
        self.ui = core.ui
        k = core.settings.kiosk
        self.hall_name, self.terminal_id = k.hall_name, k.terminal_id
        self.staff_desk = k.staff_desk
        self._wipes = 0

    # the devices and the link may be wired after the first frame: read them when used
    @property
    def platform(self) -> PlatformService | None:
        return self.core.platform

    @property
    def desk(self) -> ReceiptDesk | None:
        return self.core.receipts

    @property
    def visit(self) -> V:
        state: V = self.session.visit.state(self.visit_type)
        return state

    def _now(self) -> dt.datetime:
        """The terminal's clock in the centre's time zone (China Standard Time)."""
        return self.clock.now().astimezone(CHINA)

    def _today(self) -> dt.date:
        return self._now().date()

    def _now_text(self) -> str:
        return self._now().strftime("%Y-%m-%d %H:%M")

    def _stamp(self) -> Stamp:
        """The hall, the terminal and the minute, as every slip's footer prints them."""
        return Stamp(self.hall_name, self.terminal_id, self._now_text())

    def _wipe(self) -> None:
        """The visitor started again or declined: answers on their way are no longer wanted."""
        self._wipes += 1

    def _forget(self) -> None:
        """Drop everything the flow holds of the visitor now, not at the session's end
        (the visit's state is a dataclass whose fresh instance holds nothing)."""
        fresh, visit = self.visit_type(), self.visit
        for f in dataclasses.fields(fresh):
            setattr(visit, f.name, getattr(fresh, f.name))
        self._wipe()

    def _still(self, visit: V, wipes: int) -> bool:
        """Whether an answer for visit is still wanted (same visitor, nothing wiped)."""
        return wipes == self._wipes and self.visit is visit
