"""The interest inventory: six Holland types, the activities that stand for them, the
two parts each activity is asked in, and the five worded answers.

The activities are the project's own writing (docs/assessment.md says how they were
written): everyday work a visitor of any schooling recognises, six for each type. Each
is asked twice, once in each part, so liking and ability can be set side by side
activity by activity. Their words are in the flow's catalogs under as.item.<id>; this
module holds only the codes and the order, so the scoring needs no translator.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Letter = Literal["R", "I", "A", "S", "E", "C"]
Part = Literal["like", "can"]

# Holland's order around the hexagon; ties in a code are put in this order
TYPES: tuple[Letter, ...] = ("R", "I", "A", "S", "E", "C")
PARTS: tuple[Part, ...] = ("like", "can")
PER_TYPE = 6                        # activities per type (asked in each part)
ANSWERS = (0, 1, 2, 3, 4)           # five steps, each with its words (as.answer.<part>.<n>)
TOP = max(ANSWERS)


@dataclass(frozen=True)
class Item:
    """One question: an activity (its type and number) asked in one part."""

    part: Part
    letter: Letter
    number: int                     # 1..PER_TYPE

    @property
    def activity(self) -> str:
        """The activity's id, the same in both parts (as.item.<activity> in the catalogs)."""
        return f"{self.letter.lower()}{self.number}"

    @property
    def key(self) -> str:
        """The question's id, unique in the inventory (e.g. like.s3)."""
        return f"{self.part}.{self.activity}"


def _order() -> tuple[Item, ...]:
    """Every question, part by part; within a part the types take turns, each round
    starting one type further on, so no type's activities come in a run and the
    visitor does not see a pattern to answer to."""
    items: list[Item] = []
    for part in PARTS:
        for n in range(1, PER_TYPE + 1):
            shift = (n - 1) % len(TYPES)
            for letter in TYPES[shift:] + TYPES[:shift]:
                items.append(Item(part, letter, n))
    return tuple(items)


ITEMS: tuple[Item, ...] = _order()
BY_KEY: dict[str, Item] = {item.key: item for item in ITEMS}
PART_MAX = PER_TYPE * TOP            # the most one type can score in one part
TYPE_MAX = PART_MAX * len(PARTS)     # ... in both parts together
