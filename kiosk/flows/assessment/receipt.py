"""Self-assessment report: interest scores as bars, advice and suggested jobs."""

from __future__ import annotations

from dataclasses import dataclass

from devices.printer.document import Document
from kiosk.receipts.stamp import Stamp
from kiosk.receipts.writer import ReceiptWriter


@dataclass(frozen=True)
class AssessmentReport:
    """Scores 0-100 per dimension, named in the visitor's language by the caller."""

    kind: str
    scores: tuple[tuple[str, int], ...]
    advice: str
    jobs: tuple[str, ...]


SAMPLE = AssessmentReport(
    kind="社会型（S）+ 常规型（C）",
    scores=(("现实型 R", 45), ("研究型 I", 38), ("艺术型 A", 30), ("社会型 S", 82),
            ("企业型 E", 56), ("常规型 C", 74)),
    advice="您乐于与人打交道，做事细致有条理，适合服务、行政与社区类工作。",
    jobs=("社区工作者", "前台接待", "行政助理", "客户服务专员"))


def bar(score: int, cells: int) -> str:
    """A score as '#' cells out of cells ('#' and '.' print the same on every printer)."""
    filled = round(max(0, min(100, score)) * cells / 100)
    return "#" * filled + "." * (cells - filled)


def build(r: AssessmentReport, stamp: Stamp, lang: str = "zh", paper_mm: int = 80) -> Document:
    """The report; bars are narrower on 58 mm paper."""
    w = ReceiptWriter("report", lang, paper_mm)
    w.heading("title")
    w.field("type", r.kind)
    w.note("scores", bold=True)
    cells = 10 if w.narrow else 20
    for name, score in r.scores:
        w.text(f"{name:<6}{bar(score, cells)} {score:>3}")
    w.section("advice", r.advice)
    w.section("jobs", "、".join(r.jobs) if lang != "en" else ", ".join(r.jobs))
    w.note("note")
    w.footer(stamp.hall, stamp.terminal, stamp.printed_at)
    return w.document("report")
