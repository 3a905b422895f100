"""The most terminals the platform sustains: heartbeat p95 within the limit, no errors.

Steps the count up by a factor until a step fails, then halves the gap between the
last step that held and the first that did not a few times. Every step is a full
run of the same plan at a new count against the same running platform (its
database keeps growing, as a city's does).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bench.loadgen.run import Outcome, Plan

Step = Callable[[Plan], Outcome]


def search(plan: Plan, step: Step, most: int, p95_ms: float = 100.0, grow: float = 1.5,
           refine: int = 2) -> tuple[int | None, list[Outcome]]:
    """(the largest terminal count that held, every step's outcome), counts up to most."""
    held: int | None = None
    failed: int | None = None
    outcomes: list[Outcome] = []
    count = plan.terminals
    while count <= most:
        out = step(replace(plan, terminals=count))
        outcomes.append(out)
        if not out.sustained(p95_ms):
            failed = count
            break
        held = count
        if count == most:
            break
        count = min(most, max(count + 1, round(count * grow)))
    low = held or 0
    for _ in range(refine if failed is not None else 0):
        middle = (low + failed) // 2
        if middle <= low or middle >= failed:
            break
        out = step(replace(plan, terminals=middle))
        outcomes.append(out)
        if out.sustained(p95_ms):
            low = held = middle
        else:
            failed = middle
    return held, outcomes
