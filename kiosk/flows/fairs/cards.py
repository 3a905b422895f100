"""Job fairs as visitors read them: when, how long, where, how many employers.

The platform sends fairs as data (kind, ISO start time, minutes, counts);
this turns one fair into the lines its card shows, in the visitor's
language and in China time whatever the terminal's own zone. No Kivy: the
screen hands in its translate function, tests hand in a catalog.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from kiosk.clock import CHINA, parse_moment

KINDS = ("onsite", "online", "livestream")
Translate = Callable[..., str]          # tr(key, lang, **values) -> text


@dataclass(frozen=True)
class FairCard:
    """The texts of one fair's card (and the address its QR code opens)."""

    id: str
    kind: str
    theme: str
    badge: str
    when: str
    duration: str
    where_label: str
    where: str
    counts: str
    url: str


def start_of(fair: dict[str, Any]) -> dt.datetime | None:
    """The fair's start in China time; None when the platform sent none we can read."""
    start = parse_moment(fair.get("starts_at"))
    return start.astimezone(CHINA) if start is not None else None


def format_moment(moment: dt.datetime, lang: str, tr: Translate) -> str:
    """E.g. "3月5日 周四 09:30"; weekday and month names come from the catalogs."""
    local = moment.astimezone(CHINA)
    return tr("fairs.date", lang, month=local.month, day=local.day,
              month_name=tr(f"fairs.month.{local.month}", lang),
              weekday=tr(f"fairs.weekday.{local.isoweekday()}", lang),
              time=tr("fairs.clock", lang, hour=f"{local.hour:02d}",
                      minute=f"{local.minute:02d}"))


def format_duration(minutes: int, lang: str, tr: Translate) -> str:
    """Whole days when it is a number of days, else hours and minutes ("3 小时 30 分钟")."""
    minutes = max(0, int(minutes))
    if minutes >= 24 * 60 and minutes % (24 * 60) == 0:
        return _amount("day", minutes // (24 * 60), lang, tr)
    hours, rest = divmod(minutes, 60)
    parts = [_amount("hour", hours, lang, tr)] if hours else []
    if rest or not hours:
        parts.append(_amount("minute", rest, lang, tr))
    return " ".join(parts)


def _amount(unit: str, n: int, lang: str, tr: Translate) -> str:
    key = f"fairs.duration.{unit}" + ("" if n == 1 else "s")
    return tr(key, lang, n=n)


def format_when(fair: dict[str, Any], now: dt.datetime, lang: str, tr: Translate) -> str:
    """When it starts, or "on now, until ..." for a fair that has begun."""
    start = start_of(fair)
    if start is None:
        return ""
    end = start + dt.timedelta(minutes=int(fair.get("duration_min") or 0))
    if start <= now < end:
        return tr("fairs.ongoing", lang, end=format_moment(end, lang, tr))
    return tr("fairs.starts", lang, when=format_moment(start, lang, tr))


def format_length(fair: dict[str, Any], now: dt.datetime, lang: str, tr: Translate) -> str:
    """How long it lasts ("时长 3 小时 30 分钟"); "" once it has begun (the end is shown)."""
    start = start_of(fair)
    minutes = int(fair.get("duration_min") or 0)
    if start is None or minutes <= 0 or start <= now:
        return ""
    return tr("fairs.lasts", lang, duration=format_duration(minutes, lang, tr))


def format_where(fair: dict[str, Any], lang: str, tr: Translate) -> tuple[str, str]:
    """("地点：", venue) for an on-site fair, ("平台：", website or channel) otherwise.

    The place comes from the platform in Chinese and is shown as it came: the
    screen sets it apart from the caption, so it keeps its own font and digits.
    """
    onsite = fair.get("kind") == "onsite"
    place = str((fair.get("venue") if onsite else fair.get("platform")) or "")
    if not place:
        return "", ""
    return tr("fairs.venue" if onsite else "fairs.platform", lang), place


def card(fair: dict[str, Any], now: dt.datetime, lang: str, tr: Translate) -> FairCard:
    """Every line of a fair's card in lang."""
    kind = str(fair.get("kind") or "")
    where_label, where = format_where(fair, lang, tr)
    return FairCard(
        id=str(fair.get("id") or ""), kind=kind, theme=str(fair.get("theme") or ""),
        badge=tr(f"fairs.badge.{kind}", lang) if kind in KINDS else "",
        when=format_when(fair, now, lang, tr), duration=format_length(fair, now, lang, tr),
        where_label=where_label, where=where,
        counts=tr("fairs.counts", lang, companies=int(fair.get("companies") or 0),
                  posts=int(fair.get("posts") or 0)),
        url=str(fair.get("url") or ""))


def of_kind(fairs: Iterable[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    """The fairs of one kind; "all" keeps every one."""
    return [f for f in fairs if kind == "all" or f.get("kind") == kind]


def listing_state(wired: bool, data_as_of: float | None) -> str:
    """What the list can show: "unavailable" (no platform link on this terminal),
    "not_synced" (never had the data) or "ok"."""
    if not wired:
        return "unavailable"
    return "not_synced" if data_as_of is None else "ok"


def as_of_text(data_as_of: float | None, reachable: bool | None, lang: str,
               tr: Translate) -> str:
    """"数据更新于 ..." while the platform does not answer; "" when the data is live."""
    if data_as_of is None or reachable is True:
        return ""
    moment = dt.datetime.fromtimestamp(data_as_of, CHINA)
    return tr("fairs.as_of", lang, when=format_moment(moment, lang, tr))
