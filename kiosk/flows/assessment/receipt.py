"""The printed interest report: the code and what each of its letters means, a bar per
type drawn as a picture (the same on every printer), the job groups that fit, what to
do next and a QR code carrying the result to the visitor's phone.

A Tibetan report is bilingual like every receipt: the Chinese line in the printer's
font, the Tibetan line under it as a picture.
"""

from __future__ import annotations

from dataclasses import dataclass

from devices.printer import document as d
from kiosk.i18n import raw
from kiosk.receipts.stamp import Stamp
from kiosk.receipts.writer import ReceiptWriter

BAR_DOTS = {80: 480, 58: 320}       # a bar's full length, in printer dots
BAR_ROWS = 18                       # its height


@dataclass(frozen=True)
class ReportData:
    """What the report prints; the flow makes it from a Result."""

    code: str
    codes: tuple[str, ...]           # the codes a tie allows, the code first
    tied: tuple[str, ...]            # each tie as its letters, e.g. ("EC",)
    shape: str                       # "clear" or "flat"
    low: bool
    totals: tuple[tuple[str, int], ...]   # every type, highest first
    type_max: int
    groups: tuple[tuple[str, tuple[str, ...]], ...]   # group, sample titles
    desk: str
    qr: str


SAMPLE = ReportData(
    code="SCE", codes=("SCE",), tied=(), shape="clear", low=False,
    totals=(("S", 40), ("C", 33), ("E", 27), ("R", 18), ("I", 14), ("A", 11)),
    type_max=48,
    groups=(("教育培训", ("托管老师", "助教", "课程顾问")), ("仓储物流", ("仓管员",)),
            ("医疗护理", ("养老护理员", "护士", "陪诊员")),
            ("财务会计", ("会计", "出纳")), ("销售客服", ("销售代表", "招商专员"))),
    desk="1",
    qr="职业兴趣自评：SCE\nEKIOSK:RIASEC:1:SCE:18,14,11,40,27,33:10,8,7,21,14,17")


def bar(score: int, top: int, dots: int, rows: int = BAR_ROWS) -> d.Raster:
    """A bar as a 1-bit picture: a frame as long as the full scale, filled as far as the
    score goes, so a glance compares the types and sees how far each is from the top."""
    filled = round(max(0, min(score, top)) * (dots - 4) / top) if top else 0
    edge = "#" * dots
    inner = "#." + "#" * filled + "." * (dots - 4 - filled) + ".#"
    empty = "#" + "." * (dots - 2) + "#"
    body = [empty] + [inner] * (rows - 4) + [empty]
    return d.Raster((edge, *body, edge), align="left")


def _names(w: ReceiptWriter, letters: str, tail: str = "", bold: bool = False) -> None:
    """Type names in the receipt's language (a Tibetan report: Chinese, then Tibetan)."""
    def said(lang: str) -> str:
        return " · ".join(w.texts.say((f"as.type.{t}", {}), lang) for t in letters)
    w.blocks.append(d.Text(said(w.primary) + tail, bold=bold))
    if w.lang == "bo":
        w.blocks.append(d.TibetanText(said("bo")))


def build(r: ReportData, stamp: Stamp, lang: str = "zh", paper_mm: int = 80) -> d.Document:
    """The report in the visitor's language; bars are shorter on 58 mm paper."""
    w = ReceiptWriter("report", lang, paper_mm)
    w.heading("title")
    w.note("code", bold=True)
    w.blocks.append(d.Heading(r.code, size=2))
    _names(w, r.code)
    if r.tied:
        w.note("tie", codes=" / ".join(r.codes))
    if r.shape == "flat":
        w.note("flat")
    elif r.low:
        w.note("low")
    w.rule()
    w.note("scores", bold=True, top=r.type_max)
    dots = BAR_DOTS[80 if paper_mm >= 80 else 58]
    for letter, score in r.totals:
        _names(w, letter, f" {letter}   {score}/{r.type_max}", bold=letter in r.code)
        w.blocks.append(bar(score, r.type_max, dots))
    w.rule()
    w.note("letters", bold=True)
    for letter in r.code:
        _names(w, letter, f" {letter}", bold=True)
        w.phrase((f"as.explain.{letter}", {}))
    w.rule()
    w.note("jobs", bold=True)
    for group, titles in r.groups:
        w.phrase((f"reg.occupations.{group}", {}), prefix="· ")
        if titles:
            w.phrase(raw("  " + "、".join(titles)))
    w.note("jobs_hint")
    w.rule()
    w.note("next", bold=True)
    w.note("next_guidance")
    w.note("next_desk", desk=r.desk)
    w.note("note")
    w.qr(r.qr, "scan")
    w.footer(stamp.hall, stamp.terminal, stamp.printed_at)
    return w.document("report")
