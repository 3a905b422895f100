"""Kinds of submission: where each goes and which must keep their order.

Kept apart from the outbox (which brings the HTTP client), so the flows can
declare their kinds without loading the link at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    """One kind of submission: the platform path it goes to (fields of the payload
    fill its {placeholders}) and its order group — kinds of one group are
    delivered in the order they were made (a cancel never overtakes its
    booking); a kind without a group waits for no other. A submission may narrow
    its group to a scope of its own (the visit it was made in): a registration
    and the unemployment application after it keep their order, while another
    visitor's registration need not wait behind one the platform keeps failing."""

    path: str
    group: str | None = None
    # payload fields the terminal keeps with a submission for itself and never sends
    # (what a refusal set aside later tells the visitor: the service, the time)
    local: tuple[str, ...] = ()
