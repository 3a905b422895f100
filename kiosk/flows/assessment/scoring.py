"""Scoring the inventory as Holland's model prescribes, in pure functions.

Each type's score is the sum of its answers (0-4) over both parts; the three-letter
code is the three highest types in order. Equal sums are kept equal: the tiers say
which letters tie, the code puts tied letters in the hexagon's order (RIASEC) only so
that it can be written down, and every other code the tie allows is listed, so the
report can say "SEC, or just as well SCE". A profile whose highest and lowest types
lie close together is flat (undifferentiated): its code says little and the report
says so instead of pretending otherwise.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from kiosk.errors import KioskError
from kiosk.flows.assessment.inventory import ANSWERS, ITEMS, PARTS, TYPE_MAX, TYPES, Letter

Shape = Literal["clear", "flat"]
# highest minus lowest at most this share of a type's range: flat
FLAT_SHARE = 0.125
# the highest type at most this share of its range: few of the activities appeal
LOW_SHARE = 0.25
MAX_CODES = 6                       # other codes a tie allows, listed at most


class AssessmentError(KioskError):
    """Base of the assessment flow's errors."""


class ScoringError(AssessmentError):
    """Answers that cannot be scored (missing, or a value no button gives)."""


@dataclass(frozen=True)
class Result:
    """What the answers say: sums per type and part, the code, ties and shape."""

    like: dict[Letter, int]          # "would you like doing it", per type
    can: dict[Letter, int]           # "can you do it", per type
    code: str                        # three letters, tied ones in RIASEC order
    tiers: tuple[tuple[Letter, ...], ...]   # all six, highest first, equal sums together
    codes: tuple[str, ...]           # every code the ties allow, the code first
    more_codes: bool                 # ... and more than MAX_CODES of them
    shape: Shape
    low: bool                        # the highest type is low: few activities appeal

    @property
    def totals(self) -> dict[Letter, int]:
        """Both parts together, per type."""
        return {t: self.like[t] + self.can[t] for t in TYPES}

    @property
    def ties(self) -> tuple[tuple[Letter, ...], ...]:
        """Groups of letters with equal sums that reach into the code."""
        out, seen = [], 0
        for tier in self.tiers:
            if seen < 3 and len(tier) > 1:
                out.append(tier)
            seen += len(tier)
        return tuple(out)

    @property
    def spread(self) -> int:
        """Highest minus lowest sum (Holland's differentiation)."""
        totals = self.totals.values()
        return max(totals) - min(totals)


def sums(answers: Mapping[str, int]) -> tuple[dict[Letter, int], dict[Letter, int]]:
    """Per-type sums of each part; every question must be answered with a step value."""
    per: dict[str, dict[Letter, int]] = {part: dict.fromkeys(TYPES, 0) for part in PARTS}
    for item in ITEMS:
        if item.key not in answers:
            raise ScoringError(f"assessment: {item.key} is not answered")
        value = answers[item.key]
        if isinstance(value, bool) or value not in ANSWERS:
            raise ScoringError(f"assessment: {item.key} has no answer step {value!r}")
        per[item.part][item.letter] += value
    extra = set(answers) - {item.key for item in ITEMS}
    if extra:
        raise ScoringError(f"assessment: {len(extra)} answers to no question")
    return per["like"], per["can"]


def tiers(totals: Mapping[Letter, int]) -> tuple[tuple[Letter, ...], ...]:
    """The six letters highest first, equal sums grouped, each group in RIASEC order."""
    values = sorted(set(totals.values()), reverse=True)
    return tuple(tuple(t for t in TYPES if totals[t] == v) for v in values)


def codes(groups: tuple[tuple[Letter, ...], ...], most: int = MAX_CODES) -> tuple[str, ...]:
    """Every three-letter code the ties allow, the RIASEC-ordered one first, at most
    `most` of them (a flat profile allows a hundred and says nothing by any)."""
    out: list[str] = []
    for orders in itertools.product(*(itertools.permutations(g) for g in groups)):
        code = "".join(letter for order in orders for letter in order)[:3]
        if code not in out:
            out.append(code)
            if len(out) == most:
                break
    return tuple(out)


def score(answers: Mapping[str, int]) -> Result:
    """The result of a complete set of answers (question key -> 0..4)."""
    like, can = sums(answers)
    totals = {t: like[t] + can[t] for t in TYPES}
    groups = tiers(totals)
    found = codes(groups, MAX_CODES + 1)
    spread = max(totals.values()) - min(totals.values())
    shape: Shape = "flat" if spread <= FLAT_SHARE * TYPE_MAX else "clear"
    low = max(totals.values()) <= LOW_SHARE * TYPE_MAX
    return Result(like=like, can=can, code=found[0], tiers=groups, codes=found[:MAX_CODES],
                  more_codes=len(found) > MAX_CODES, shape=shape, low=low)
