"""Job fairs as the screen uses them: what the cache holds and how each card reads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kiosk.flows.fairs import cards
from kiosk.i18n import Text

if TYPE_CHECKING:
    from kiosk.core import KioskCore
    from kiosk.platform.service import PlatformService

LIMIT = 100                 # the platform lists a few dozen; a screen of cards, not a search


@dataclass(frozen=True)
class FairsData:
    """One look at the cache: its state, the data's age, the link and the fairs."""

    state: str                      # ok | not_synced | unavailable
    data_as_of: float | None
    reachable: bool | None
    fairs: list[dict[str, Any]]


class FairsFlow:
    """The fairs list of one terminal, from its catalog cache."""

    def __init__(self, core: KioskCore) -> None:
        self.core = core
        self.clock = core.clock

    @property
    def platform(self) -> PlatformService | None:
        return self.core.platform

    def look(self) -> FairsData:
        """What the cache holds now (cheap: the screen looks once a second)."""
        p = self.platform
        data_as_of = p.catalog.data_as_of("fairs") if p is not None else None
        reachable = p.status.snapshot()["reachable"] if p is not None else None
        state = cards.listing_state(p is not None, data_as_of)
        docs = p.catalog.documents("fairs", LIMIT) if p is not None and state == "ok" else []
        return FairsData(state, data_as_of, reachable, docs)

    def cards(self, data: FairsData, kind: str, lang: str,
              tr: cards.Translate) -> list[cards.FairCard]:
        """The cards of the chosen kind, in lang, soonest first as the platform sent them."""
        now = self.clock.now()
        return [cards.card(f, now, lang, tr) for f in cards.of_kind(data.fairs, kind)]

    @staticmethod
    def message(data: FairsData, kind: str, shown: int) -> Text | None:
        """What the list says instead of (or above) cards; None when cards say it all."""
        if data.state != "ok":
            return f"fairs.{data.state}", {}
        if shown:
            return None
        return ("fairs.none" if kind == "all" else "fairs.none_kind"), {}
