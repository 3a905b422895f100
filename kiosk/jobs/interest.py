"""Telling an employer a visitor is interested: one submission through the outbox.

The posting id goes as is; the visitor's identity (the hash of the ID number,
when a card was read) and the phone they chose to give are personal, so they
travel sealed in the outbox and are never logged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kiosk.platform.service import id_hash


def personal_fields(card: Any, phone: str) -> dict[str, str]:
    """What identifies the visitor to the employer, only what they gave."""
    fields: dict[str, str] = {}
    if card is not None and getattr(card, "number", ""):
        fields["id_hash"] = id_hash(card.number)
    if phone:
        fields["phone"] = phone
    return fields


def express_interest(platform: Any, job_id: str, card: Any, phone: str,
                     done: Callable[[Any], None]) -> str:
    """Queue the interest (stored before this returns); done(outcome) says sent or queued."""
    return platform.submit_in_background("job_interest", {"job_id": job_id},
                                         personal_fields(card, phone) or None, done)
