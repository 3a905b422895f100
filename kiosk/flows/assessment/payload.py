"""The result as it leaves the terminal: in the QR code, and to the platform.

The QR code carries the result itself, so the visitor's phone needs no server: a
few lines in the visitor's language, then one line a program can read back,
EKIOSK:RIASEC:<version>:<code>:<six totals>:<six "like" sums> (types in RIASEC
order). Neither holds anything about the person: no name, number, card or time.
The platform gets the same numbers only when the visitor chose to keep them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kiosk.flows.assessment.inventory import PART_MAX, TYPE_MAX, TYPES, Letter
from kiosk.flows.assessment.scoring import Result, ScoringError

INSTRUMENT = "kiosk-riasec-1"        # the inventory's name and edition, as stored
QR_PREFIX = "EKIOSK:RIASEC:1:"


def machine_line(result: Result) -> str:
    """The line of the QR code a program reads back."""
    totals, like = result.totals, result.like
    return (QR_PREFIX + result.code + ":" + ",".join(str(totals[t]) for t in TYPES)
            + ":" + ",".join(str(like[t]) for t in TYPES))


def qr_text(result: Result, say: Callable[[str, dict[str, object]], str]) -> str:
    """The QR code's payload; say(key, values) gives the visitor's language."""
    totals = result.totals
    lines = [say("as.qr.title", {"code": result.code}),
             say("as.qr.types", {"names": " · ".join(say(f"as.type.{t}", {})
                                                      for t in result.code)}),
             " ".join(f"{t}{totals[t]}" for t in TYPES) + f" /{TYPE_MAX}",
             machine_line(result)]
    return "\n".join(lines)


def read_qr(payload: str) -> tuple[str, dict[Letter, int], dict[Letter, int]]:
    """(code, totals, like sums) read back from a QR payload (tests, scripts, a phone page)."""
    for line in payload.splitlines():
        if line.startswith(QR_PREFIX):
            parts = line[len(QR_PREFIX):].split(":")
            if len(parts) != 3:
                break
            code, totals, like = parts[0], parts[1].split(","), parts[2].split(",")
            if len(code) != 3 or len(totals) != 6 or len(like) != 6:
                break
            return (code, {t: int(v) for t, v in zip(TYPES, totals, strict=True)},
                    {t: int(v) for t, v in zip(TYPES, like, strict=True)})
    raise ScoringError("assessment: no result line in this QR payload")


def platform_result(result: Result) -> dict[str, Any]:
    """The body's result (contract: AssessmentResult): scores per type and part, the
    code and the codes a tie allows, the shape. Never an answer to a single question."""
    return {"instrument": INSTRUMENT, "code": result.code, "codes": list(result.codes),
            "scores": {t: {"like": result.like[t], "can": result.can[t]} for t in TYPES},
            "part_max": PART_MAX, "shape": result.shape}
