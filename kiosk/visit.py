"""The visit: everything the terminal knows about the person in front of it.

One Visit lives for one visitor's session and is dropped whole when they go,
so forgetting them is one assignment, not a hunt through dicts. Each flow
keeps its own typed state here (`visit.state(JobsVisit)`), created on first
use: the flows need no shared list of keys, and no room writes another's.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from devices.idcard.card import Card

T = TypeVar("T")


@dataclass
class Visit:
    """The card read (if any), the visitor's language and mode, and each flow's state."""

    language: str = "zh"
    elder: bool = False
    card: Card | None = None
    card_expired: bool = False
    # one id per visit: print job ids and submissions of this visitor carry it
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    _states: dict[type, object] = field(default_factory=dict, repr=False)

    def state(self, kind: type[T]) -> T:
        """The visit's state object of one flow, made on first use."""
        found = self._states.get(kind)
        if found is None:
            found = self._states[kind] = kind()
        return found  # type: ignore[return-value]

    def holds_personal_data(self) -> bool:
        """Whether anything about the person is held: a card, or a flow state that is
        no longer as a new visit starts it (a flow merely looked at holds nothing)."""
        return self.card is not None or any(state != kind()
                                            for kind, state in self._states.items())

    def changed_states(self) -> list[str]:
        """Names of the flow states that hold something of this visitor."""
        return sorted(kind.__name__ for kind, state in self._states.items() if state != kind())

    def masked_name(self) -> str:
        """The visitor's name as the screen greets them ("" without a card)."""
        return self.card.masked_name() if self.card is not None else ""
