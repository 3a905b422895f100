"""What a screen says, resolved from its flow's declaration into utterances.

Nothing is scraped from the screen: each screen's ScreenInfo lists the catalog
messages it speaks (kiosk.flows.Say). A private message (the visitor's name, ID
or phone number, a result) is left out unless a headset is plugged in, and the
visitor hears instead that personal details are not read aloud.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from kiosk.flows import Say, discover, screen_info

WITHHELD = "voice.withheld"       # said in place of private data without a headset
# what the shell itself says, outside any screen's declaration
SHELL_KEYS = ("voice.on", "voice.timeout", "voice.count", "voice.unavailable", WITHHELD)


class Catalog(Protocol):
    """The translator as speech needs it (kiosk.i18n.Translator)."""

    def text(self, key: str, lang: str, **values: object) -> str: ...


@dataclass(frozen=True)
class Utterance:
    """One message to say: its id, its words in lang (not yet normalised)."""

    key: str
    text: str
    lang: str
    private: bool = False
    static: bool = True       # no values filled in: a pack can hold its recording
    values: tuple[tuple[str, object], ...] = ()     # to say it again in another language


@dataclass
class Plan:
    """What to say now, and the private messages left out."""

    utterances: list[Utterance] = field(default_factory=list)
    withheld: list[str] = field(default_factory=list)


def declared(screen: str) -> tuple[str, tuple[Say, ...]]:
    """The flow owning a screen and what the screen speaks on entry."""
    found = screen_info(screen)
    return (found[0].name, found[1].speaks) if found else ("", ())


def control_message(screen: str, tid: str) -> str | None:
    """The message a long press on a control of the screen speaks (None: none)."""
    found = screen_info(screen)
    return dict(found[1].long_press).get(tid) if found else None


def resolve(says: tuple[Say, ...], flow: object, catalog: Catalog, lang: str,
            headset: bool) -> Plan:
    """Each declared message in lang with its values, private ones only with a headset."""
    plan = Plan()
    for say in says:
        values: Mapping[str, object] | None = {}
        if say.values:
            method = getattr(flow, say.values, None)
            values = method() if callable(method) else None
            if values is None:
                continue
        if say.private and not headset:
            plan.withheld.append(say.key)
            continue
        values = {k: _value(v, catalog, lang) for k, v in values.items()}
        plan.utterances.append(Utterance(say.key, catalog.text(say.key, lang, **values), lang,
                                         say.private, static=not say.values,
                                         values=tuple(values.items())))
    if plan.withheld:
        plan.utterances.append(Utterance(WITHHELD, catalog.text(WITHHELD, lang), lang))
    return plan


_JOIN = {"zh": "、", "en": ", ", "bo": "། "}


def _value(value: object, catalog: Catalog, lang: str) -> object:
    """A value as said: a catalog Text (key, values) in lang, a list of them joined the
    language's way, anything else as it is."""
    if isinstance(value, list):
        return _JOIN.get(lang, ", ").join(str(_value(v, catalog, lang)) for v in value)
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], dict):
        return catalog.text(str(value[0]), lang, **value[1])
    return value


def recordable() -> Iterator[str]:
    """Every message id a recording can replace: the static ones screens declare, the
    long-press ones, and the shell's own, each once, in the flows' order."""
    seen: set[str] = set()
    keys: list[str] = []
    for flow in discover():
        for screen in flow.screens:
            keys += [s.key for s in screen.speaks if not s.values]
            keys += [key for _tid, key in screen.long_press]
    keys += [k for k in SHELL_KEYS if k not in ("voice.timeout", "voice.count")]
    for key in keys:
        if key not in seen:
            seen.add(key)
            yield key
