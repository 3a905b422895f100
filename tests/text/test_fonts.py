"""The Tibetan face in use keeps the measurements it was chosen by (kiosk/fonts.py):
a tight line box for its letters, letters near the baseline, and a body as large as
the Han beside it at the size the screens draw Tibetan."""

from __future__ import annotations

from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTCollection, TTFont

from kiosk.fonts import NOTO_DIR, TIBETAN_FONT, TIBETAN_LINE_EM, TIBETAN_SCALE


def _ink(font: TTFont, ch: str) -> tuple[float, float]:
    """(bottom, top) of a character's outline, in ems."""
    glyphs, upm = font.getGlyphSet(), font["head"].unitsPerEm
    pen = BoundsPen(glyphs)
    glyphs[font.getBestCmap()[ord(ch)]].draw(pen)
    assert pen.bounds is not None
    return pen.bounds[1] / upm, pen.bounds[3] / upm


def _line_em(font: TTFont) -> float:
    hhea = font["hhea"]
    return (hhea.ascent - hhea.descent) / font["head"].unitsPerEm


def test_the_tibetan_line_box_is_tight_for_its_letters() -> None:
    bo = TTFont(str(TIBETAN_FONT))
    foot, head = _ink(bo, "ང")
    assert _line_em(bo) / (head - foot) < 3.5       # Tibetan Machine Uni: 4.1
    assert foot < 0.2                                # its letters stood 0.25 em up
    assert abs(_line_em(bo) - TIBETAN_LINE_EM) < 0.05


def test_a_tibetan_letter_reads_as_large_as_the_han_beside_it() -> None:
    bo = TTFont(str(TIBETAN_FONT))
    han = TTCollection(str(NOTO_DIR / "NotoSansCJK-Regular.ttc"), lazy=True).fonts[2]
    foot, head = _ink(bo, "ང")
    han_foot, han_head = _ink(han, "工")
    ratio = (head - foot) * TIBETAN_SCALE / (han_head - han_foot)
    assert 0.9 <= ratio <= 1.05, ratio
