"""The public notice as the screens use it: the services listed, one service's card,
the centre's channels and hours, and the attract screen's short cards.

Everything comes from the catalog cache, so the notice keeps showing while the
platform is away (with the time it is from) and a change staff make on the platform
shows after the terminal's next sync. The cache is read again only when a sync has
happened since the last look: the attract screen asks twice a second while idle. The
flow is made before the terminal's first frame, so what it needs only to show a notice
(kiosk.flows.notice.present) is imported when it first shows one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kiosk.clock import CHINA

if TYPE_CHECKING:
    from kiosk.core import KioskCore
    from kiosk.flows.notice.present import AttractCard, CentreCard, ServiceCard
    from kiosk.i18n import Text
    from kiosk.platform.service import PlatformService

__all__ = ["NoticeData", "NoticeFlow", "NoticeVisit"]

LIMIT = 200                 # a centre publishes a dozen or two; a list, not a search


@dataclass
class NoticeVisit:
    """What the visitor opened: the service whose card is shown."""

    chosen: str = ""


@dataclass(frozen=True)
class NoticeData:
    """One look at the cache: its state, the data's age, the link, the notices."""

    state: str                          # ok | empty | not_synced | unavailable
    data_as_of: float | None
    reachable: bool | None
    services: list[dict[str, Any]] = field(default_factory=list)
    centre: dict[str, Any] | None = None


class NoticeFlow:
    """The notice of one terminal, from its catalog cache."""

    def __init__(self, core: KioskCore) -> None:
        self.core = core
        self.clock = core.clock
        self._seen: tuple[tuple[str, float] | None, list[dict[str, Any]]] | None = None

    @property
    def platform(self) -> PlatformService | None:
        return self.core.platform

    @property
    def visit(self) -> NoticeVisit:
        return self.core.session.visit.state(NoticeVisit)

    # -- reading the cache --------------------------------------------------
    def _docs(self) -> tuple[float | None, list[dict[str, Any]]]:
        """(data as of, the notices), read again only after a sync that changed them."""
        p = self.platform
        if p is None:
            return None, []
        revision = p.catalog.revision("notices")
        if self._seen is None or self._seen[0] != revision:
            docs = p.catalog.documents("notices", LIMIT) if revision is not None else []
            self._seen = (revision, docs)
        return (self._seen[0][1] if self._seen[0] else None), self._seen[1]

    def look(self) -> NoticeData:
        """What the cache holds now (cheap: an open screen looks once a second)."""
        from kiosk.flows.notice import present

        p = self.platform
        stamp, docs = self._docs()
        found = present.services(docs)
        reachable = p.status.snapshot()["reachable"] if p is not None else None
        return NoticeData(present.listing_state(p is not None, stamp, len(found)), stamp,
                          reachable, found, present.centre(docs))

    def choose(self, notice_id: str) -> ServiceCard | None:
        """Open a service's card; None when the notice is no longer published."""
        card = self.card(notice_id)
        self.visit.chosen = notice_id if card is not None else ""
        return card

    def card(self, notice_id: str | None = None) -> ServiceCard | None:
        """A service's card (the chosen one by default), as the cache holds it now."""
        from kiosk.flows.notice import present

        wanted = self.visit.chosen if notice_id is None else notice_id
        doc = next((d for d in self.look().services if d.get("id") == wanted), None)
        return present.service_card(doc) if doc is not None else None

    def centre(self) -> CentreCard | None:
        """The centre's opening hours and complaint channels, if published."""
        from kiosk.flows.notice import present

        doc = self.look().centre
        return present.centre_card(doc) if doc is not None else None

    # -- what the screens say -------------------------------------------------
    @staticmethod
    def message(data: NoticeData) -> Text | None:
        """What the list says instead of services; None when there are services."""
        return None if data.state == "ok" else (f"notice.{data.state}", {})

    @staticmethod
    def as_of(data: NoticeData) -> Text | None:
        """"As of ..." while the platform does not answer; None while the data is live."""
        if data.data_as_of is None or data.reachable is True:
            return None
        moment = dt.datetime.fromtimestamp(data.data_as_of, CHINA)
        return ("notice.as_of", {"y": moment.year, "m": moment.month, "d": moment.day,
                                 "time": f"{moment.hour:02d}:{moment.minute:02d}"})

    @staticmethod
    def step_number(n: int) -> Text:
        return "notice.step", {"n": n}

    def service_screen(self, card: ServiceCard) -> str | None:
        """The screen that serves the notice's service on this terminal, if it has one
        (the screens check that it is built); None for the notice itself."""
        from kiosk.flows import discover
        from kiosk.flows.notice import present

        name = present.SERVICE_FLOWS.get(card.service, card.service)
        if not name or name == "notice":
            return None
        for flow in discover():
            if flow.name == name:
                return flow.entry or (name if name in flow.screen_names() else None)
        return None

    # -- the attract screen ---------------------------------------------------
    def attract_cards(self) -> tuple[AttractCard, ...]:
        """The short cards the attract screen cycles through (none before a sync)."""
        docs = self._docs()[1]
        if not docs:
            return ()
        from kiosk.flows.notice import present

        return present.attract_cards(docs)
