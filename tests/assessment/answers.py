"""Fixed answer sets for the assessment tests and scripts: every question's key -> 0..4."""

from __future__ import annotations

from kiosk.flows.assessment.inventory import ITEMS, TYPES

# the scripted zh visit: a visitor who likes and can do social work most, then
# conventional, then enterprising (expected code SCE, no ties)
PROFILE = {"R": (1, 2), "I": (1, 1), "A": (0, 1), "S": (4, 3), "E": (2, 2), "C": (3, 3)}


def by_type(profile: dict[str, tuple[int, int]]) -> dict[str, int]:
    """Every question answered with its type's (like, can) step."""
    return {i.key: profile[i.letter][0 if i.part == "like" else 1] for i in ITEMS}


def same(value: int) -> dict[str, int]:
    return {i.key: value for i in ITEMS}


def in_order(answers: dict[str, int]) -> list[int]:
    """The answers in the order the screens ask them (what a script taps)."""
    return [answers[i.key] for i in ITEMS]


__all__ = ["PROFILE", "TYPES", "by_type", "in_order", "same"]
