"""A card as one JSON-ready dict with stable keys (the read-card tool's output).

Keys never change meaning between versions; fields a card type lacks are
null. Personal values are masked unless the caller explicitly reveals them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from devices.idcard import codes
from devices.idcard.card import Card, iso
from devices.idcard.masking import mask_name, mask_number
from devices.idcard.validation import validate

KEYS = ("card_type", "name", "name_en", "sex", "nation", "nationality", "birth_date",
        "address", "number", "pass_number", "issue_count", "renewals", "authority",
        "valid_from", "valid_to", "photo", "validation", "masked")


def _coded(table: dict[str, str], code: str) -> dict[str, str] | None:
    return {"code": code, "text": codes.text(table, code)} if code else None


def mask_address(address: str, keep: int = 6) -> str:
    """Keep the first characters (province, city), star the rest."""
    return address[:keep] + "*" * max(0, len(address) - keep)


def _personal(card: Card, reveal: bool) -> dict[str, Any]:
    get = getattr
    name_en = get(card, "name_en", "") or None
    address = get(card, "address", "") or None
    pass_number = get(card, "pass_number", "") or None
    if not reveal:
        name_en = name_en and mask_name(name_en)
        address = address and mask_address(address)
        pass_number = pass_number and mask_number(pass_number, 2, 2)
    return {"name": card.name if reveal else mask_name(card.name), "name_en": name_en,
            "address": address, "pass_number": pass_number,
            "number": card.number if reveal else mask_number(card.number)}


def as_dict(card: Card, today: dt.date, reveal: bool = False) -> dict[str, Any]:
    """Every documented key, in a fixed order."""
    get = getattr
    out: dict[str, Any] = {
        "card_type": card.KIND,
        "sex": _coded(codes.SEX, card.sex),
        "nation": _coded(codes.NATION, get(card, "nation", "")),
        "nationality": _coded(codes.NATIONALITY, get(card, "nationality", "")),
        "birth_date": iso(card.birth),
        "issue_count": get(card, "issue_count", "") or None,
        "renewals": get(card, "renewals", "") or None,
        "authority": get(card, "authority", "") or get(card, "authority_code", "") or None,
        "valid_from": iso(card.valid_from),
        "valid_to": iso(card.valid_to),
        "photo": {"format": "wlt", "bytes": len(card.photo)},
        "validation": asdict(validate(card, today)),
        "masked": not reveal,
        **_personal(card, reveal),
    }
    out["validation"]["problems"] = list(out["validation"]["problems"])
    return {key: out[key] for key in KEYS}
