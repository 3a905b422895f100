"""Telling an employer a visitor is interested: one submission through the outbox.

The posting id goes as is; the visitor's identity (the hash of the ID number,
when a card was read) and the phone they chose to give are personal, so they
travel sealed in the outbox and are never logged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kiosk.platform.identity import id_hash

if TYPE_CHECKING:
    from devices.idcard.card import Card
    from kiosk.platform.outbox import Outcome
    from kiosk.platform.service import PlatformService


def personal_fields(card: Card | None, phone: str) -> dict[str, str]:
    """What identifies the visitor to the employer, only what they gave."""
    fields: dict[str, str] = {}
    if card is not None and card.number:
        fields["id_hash"] = id_hash(card.number)
    if phone:
        fields["phone"] = phone
    return fields


def express_interest(platform: PlatformService, job_id: str, card: Card | None, phone: str,
                     done: Callable[[Outcome], None]) -> str:
    """Queue the interest (stored before this returns); done(outcome) says sent or queued."""
    return platform.submit_in_background("job_interest", {"job_id": job_id},
                                         personal_fields(card, phone) or None, done)
