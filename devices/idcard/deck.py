"""Sample cards of fictional people, one or more of every type, for the simulator.

Names, numbers and addresses are invented; the numbers carry valid check
digits so the full validation path runs. One card is expired on purpose.
"""

from __future__ import annotations

import dataclasses
import hashlib
from typing import Any

from devices.idcard.card import (
    BY_KIND,
    Card,
    ForeignPermit2017,
    ForeignPermit2023,
    HmtPermit,
    ResidentCard,
)
from devices.idcard.idnumber import make


def sample_photo(seed: str) -> bytes:
    """1024 opaque bytes standing in for a WLT photo."""
    block = hashlib.sha256(seed.encode()).digest()
    return (b"WLT-SAMPLE" + block * 32)[:1024]


def _deck() -> dict[str, Card]:
    return {
        "resident": ResidentCard(
            name="王小明", sex="1", nation="01", birth="19900307",
            address="北京市东城区示例路1号院2号楼301室", number=make("11010119900307123"),
            authority="北京市公安局东城分局", valid_from="20200101", valid_to="20400101",
            photo=sample_photo("resident")),
        "resident_long": ResidentCard(
            name="李长青", sex="2", nation="11", birth="19600815",
            address="辽宁省沈阳市和平区样板街18号", number=make("21010219600815124"),
            authority="沈阳市公安局和平分局", valid_from="20160301", valid_to="长期",
            photo=sample_photo("resident_long")),
        "resident_expired": ResidentCard(
            name="赵晓燕", sex="2", nation="04", birth="19851120",
            address="四川省成都市锦江区演示巷6号", number=make("51010419851120128"),
            authority="成都市公安局锦江分局", valid_from="20100101", valid_to="20200101",
            photo=sample_photo("resident_expired")),
        "permit_hmt": HmtPermit(
            name="陈家明", sex="1", birth="19880512", address="广东省深圳市福田区示例大道88号",
            number=make("81000019880512101"), authority="深圳市公安局福田分局",
            valid_from="20220101", valid_to="20270101", pass_number="H01234567",
            issue_count="01", photo=sample_photo("permit_hmt")),
        "permit_2017": ForeignPermit2017(
            name="史密斯", name_en="SMITH, JOHN ANDREW", sex="1", birth="19880512",
            number="USA110088051201", nationality="USA", valid_from="20180101",
            valid_to="20280101", card_version="17", authority_code="1100",
            photo=sample_photo("permit_2017")),
        "permit_2023": ForeignPermit2023(
            name="穆勒", name_en="MUELLER ANNA MARIA CHARLOTTE VON STEINBERG",
            sex="2", birth="19920704", number=make("91127619920704012"), nationality="DEU",
            renewals="00", valid_from="20230601", valid_to="20330601",
            photo=sample_photo("permit_2023")),
    }


def names() -> list[str]:
    """Sample card names, in deck order."""
    return list(_deck())


def sample(name: str) -> Card:
    """One sample card by name (KeyError names the choices)."""
    deck = _deck()
    if name not in deck:
        raise KeyError(f"no sample card {name!r}; choose from {', '.join(deck)}")
    return deck[name]


def card_from(spec: str | dict[str, Any]) -> Card:
    """A sample by name, or a dict: {"base": sample, "card_type": kind, field: value...}."""
    if isinstance(spec, str):
        return sample(spec)
    spec = dict(spec)
    base = sample(spec.pop("base", "resident"))
    kind = spec.pop("card_type", base.KIND)
    if kind != base.KIND:
        cls = BY_KIND[kind]
        shared = {f.name for f in dataclasses.fields(cls)}
        base = cls(**{k: v for k, v in dataclasses.asdict(base).items() if k in shared})
    return dataclasses.replace(base, **spec)
