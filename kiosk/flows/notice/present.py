"""How a notice reads on the terminal: the sections of a service's card, the centre's
hours and channels, and the short cards of the attract screen.

The platform publishes the notice in Chinese; the terminal's own words (section
titles, numbering, channel kinds) are catalog keys the screen says in the visitor's
language. A platform text is never put into a translated sentence as a value (the
Tibetan catalog would rewrite its digits), so a step is its number and its own words.
Odd values from the platform (a number where a list belongs) are shown as text or
left out, never raised: one bad field must not close the notice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

# the card's sections, in the order a visitor asks (the card opens with the service's
# name and its one-sentence summary): how long it takes, how it runs, whether they
# qualify and what to bring; then the full content, the basis, the norms, the
# commitments and where it is served. In 长辈版 type the limit and the first steps are
# still on the first screen.
SECTIONS = (("time_limit", "text"), ("steps", "steps"), ("requirements", "list"),
            ("materials", "list"), ("content", "text"), ("basis", "list"),
            ("norms", "list"), ("commitments", "list"), ("where", "text"))
CHANNEL_KINDS = ("onsite", "letter", "phone", "web", "app", "wechat")
# the terminal's service a notice may lead to, by the notice's `service`
SERVICE_FLOWS = {"unemployment": "registration"}


@dataclass(frozen=True)
class Section:
    """One part of a card: its title key (notice.section.<name>), how it is laid out
    (text, list or numbered steps) and its lines as the platform wrote them."""

    name: str
    layout: str
    lines: tuple[str, ...]

    @property
    def title_key(self) -> str:
        return f"notice.section.{self.name}"


@dataclass(frozen=True)
class ServiceCard:
    """A service's notice as its card shows it."""

    id: str
    service: str
    name: str
    summary: str
    sections: tuple[Section, ...]

    def section(self, name: str) -> Section | None:
        return next((s for s in self.sections if s.name == name), None)


@dataclass(frozen=True)
class Channel:
    """One way to complain: its kind's key, the centre's name for it and its detail."""

    kind_key: str
    name: str
    detail: str


@dataclass(frozen=True)
class CentreCard:
    """The centre's opening hours, complaint channels and who replies how soon."""

    name: str
    hours: tuple[tuple[str, str], ...]
    channels: tuple[Channel, ...]
    reply: str


@dataclass(frozen=True)
class AttractCard:
    """A short notice card for the attract screen: the service, one sentence, the limit."""

    id: str
    name: str
    summary: str
    time_limit: str


def text(value: Any) -> str:
    """A platform value as one line of text ("" for none)."""
    if value is None or isinstance(value, dict | list):
        return ""
    return str(value).strip()


def lines(value: Any) -> tuple[str, ...]:
    """A platform list as its non-empty lines; a lone text is one line."""
    items: Iterable[Any] = value if isinstance(value, list) else [value]
    return tuple(t for t in (text(v) for v in items) if t)


def services(docs: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The service notices in the centre's order (then by id), centre entry left out."""
    found = [d for d in docs if d.get("kind", "service") == "service" and text(d.get("name"))]
    return sorted(found, key=lambda d: (_order(d), text(d.get("id"))))


def centre(docs: Iterable[dict[str, Any]]) -> dict[str, Any] | None:
    """The centre's channels and hours, if published."""
    return next((d for d in docs if d.get("kind") == "centre"), None)


def _order(doc: dict[str, Any]) -> int:
    order = doc.get("order")
    return order if isinstance(order, int) and not isinstance(order, bool) else 10**6


def service_card(doc: dict[str, Any]) -> ServiceCard:
    """Every section of a service's notice that has something to say, in SECTIONS order."""
    sections = []
    for name, layout in SECTIONS:
        found = lines(doc.get(name)) if layout != "text" else tuple(filter(None, [
            text(doc.get(name))]))
        if found:
            sections.append(Section(name, layout, found))
    return ServiceCard(id=text(doc.get("id")), service=text(doc.get("service")),
                       name=text(doc.get("name")), summary=text(doc.get("summary")),
                       sections=tuple(sections))


def centre_card(doc: dict[str, Any]) -> CentreCard:
    """The centre's hours (days, times) and channels, as published."""
    hours = tuple((text(h.get("days")), text(h.get("times")))
                  for h in _dicts(doc.get("hours")) if text(h.get("days")) or text(h.get("times")))
    channels = tuple(Channel(_kind_key(c.get("kind")), text(c.get("name")), text(c.get("detail")))
                     for c in _dicts(doc.get("channels")) if text(c.get("detail")))
    return CentreCard(name=text(doc.get("name")), hours=hours, channels=channels,
                      reply=text(doc.get("reply")))


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _kind_key(kind: Any) -> str:
    return f"notice.channel.{kind if kind in CHANNEL_KINDS else 'other'}"


def attract_cards(docs: Iterable[dict[str, Any]]) -> tuple[AttractCard, ...]:
    """One short card per service notice that has a summary, in list order."""
    return tuple(AttractCard(text(d.get("id")), text(d.get("name")), text(d.get("summary")),
                             text(d.get("time_limit")))
                 for d in services(docs) if text(d.get("summary")))


def attract_index(seconds_idle: float, count: int, card_s: float) -> int | None:
    """Which card the attract screen shows after seconds_idle: the next one every
    card_s seconds, round and round; None without cards."""
    if count <= 0 or card_s <= 0:
        return None
    return int(max(0.0, seconds_idle) // card_s) % count


def listing_state(wired: bool, data_as_of: float | None, count: int) -> str:
    """What the notice list can show: unavailable (no platform link on this terminal),
    not_synced (never had the notice), empty (synced, nothing published) or ok."""
    if not wired:
        return "unavailable"
    if data_as_of is None:
        return "not_synced"
    return "ok" if count else "empty"
