"""Receipts as device-neutral documents, each template declared by the flow that prints it.

A template is a module of its flow (`kiosk/flows/<flow>/receipt.py`) with
`build(data, stamp, lang, paper_mm)` and a fixed `SAMPLE`; the flow's FLOW
names it under `receipts`. Templates take plain data and a Stamp (where and
when) and return a devices.printer.document.Document that any printer
profile or preview can render. SAMPLEs are for `kiosk devices print-test`
and the tests, with repeatable bytes.
"""

from __future__ import annotations

import importlib
from functools import cache
from types import ModuleType
from typing import Any

from devices.printer.document import Document
from kiosk.flows import discover
from kiosk.receipts.stamp import SAMPLE_STAMP, Stamp


@cache
def templates() -> dict[str, ModuleType]:
    """Every receipt template of every flow, by name."""
    found: dict[str, ModuleType] = {}
    for flow in discover():
        for name, module in (flow.receipts or {}).items():
            if name in found:
                raise ValueError(f"receipt {name!r} is declared twice")
            found[name] = importlib.import_module(module)
    return found


def build_receipt(template: str, data: Any, stamp: Stamp, lang: str = "zh",
                  paper_mm: int = 80) -> Document:
    """The named receipt for this data, language and paper width."""
    known = templates()
    if template not in known:
        raise ValueError(f"unknown receipt {template!r}; known: {', '.join(known)}")
    return known[template].build(data, stamp, lang, paper_mm)


def sample_receipt(template: str, lang: str = "zh", paper_mm: int = 80) -> Document:
    """The named receipt with fixed sample data (repeatable bytes)."""
    return build_receipt(template, templates()[template].SAMPLE, SAMPLE_STAMP, lang, paper_mm)
