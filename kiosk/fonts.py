"""Font files for screens and receipts.

Debian's Noto CJK collection opens with its Japanese face, and Kivy (SDL_ttf)
only opens the first face of a .ttc: Han characters would show Japanese glyph
forms. The Simplified Chinese face is therefore extracted once into the cache
and used from there.

Tibetan comes from DDC Uchen, chosen by measurement among the Tibetan faces Debian
packages (Tibetan Machine Uni, Noto Serif Tibetan, the Monlam faces, DDC Uchen): for
the same height of a letter's body (headline to foot of ང), its line box is 3.3
bodies tall against 4.1 for Tibetan Machine Uni and 4.5 for Noto Serif Tibetan,
its letters stand 0.17 em above the baseline (0.25 em in Tibetan Machine Uni, which
made Tibetan float beside Han), and its strokes are solid at arm's length. Monlam
Uni OuChan2 is tighter still (3.0) but thin-stroked; Noto Serif Tibetan comes only
in a 330 MB package. The figures come from the fonts' own outlines (fontTools), and
tests/text/test_fonts.py keeps them true of the face in use.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kiosk.errors import KioskError
from kiosk.files import atomic_file

NOTO_DIR = Path("/usr/share/fonts/opentype/noto")
TIBETAN_FONT = Path("/usr/share/fonts/truetype/tibetan/DDC_Uchen.ttf")
# the screens' icons (screens/icons.py), drawn like text in the label's colour
ICON_FONT = Path("/usr/share/fonts/truetype/material-design-icons-iconfont/"
                 "MaterialIcons-Regular.ttf")
SC_FACE_NAME = "Noto Sans CJK SC"
# the screens draw Tibetan larger than Han: DDC Uchen's letter body (0.56 em) then
# stands 0.70 em, as tall as a Han character's body beside it
TIBETAN_SCALE = 1.25
TIBETAN_LINE_EM = 1.875     # DDC Uchen's line box, in ems of its own size
CJK_LINE_EM = 1.45          # Noto Sans CJK SC's


class FontError(KioskError):
    """A font the terminal needs is missing (install fonts-noto-cjk, fonts-ddc-uchen,
    fonts-material-design-icons-iconfont)."""


@dataclass(frozen=True)
class FontSet:
    """Paths of the fonts the screens use."""

    cjk_regular: Path
    cjk_bold: Path
    tibetan: Path
    icons: Path
    # the same faces with line boxes made to share a line with others (_line_box says why)
    icons_in_tibetan: Path
    cjk_in_tibetan: Path
    cjk_bold_in_tibetan: Path


def cache_dir() -> Path:
    """Per-user cache for derived files (extracted fonts, compiled catalogs)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "employment-kiosk"


def _extract_face(collection: Path, out: Path) -> Path:
    """Save the Simplified Chinese face of collection as a single font file."""
    from fontTools.ttLib import TTCollection

    if out.exists() and out.stat().st_mtime >= collection.stat().st_mtime:
        return out
    fonts = TTCollection(str(collection), lazy=True).fonts
    face = next((f for f in fonts if f["name"].getDebugName(1) == SC_FACE_NAME), None)
    if face is None:
        raise FontError(f"fonts: {collection} has no {SC_FACE_NAME} face")
    with atomic_file(out, mode=0o644) as fh:
        face.save(fh)
    return out


# A line that mixes faces is laid out by Kivy word by word, each word placed by the
# height of its own face's line box, not by a shared baseline: Han beside Tibetan
# sat lower than the Tibetan, and icons sat low. Copies of the faces with line boxes
# made to match the line they are drawn in put every run's ink where the line's own
# letters are. Figures in ems of the face drawn: on a Tibetan line of size F, DDC
# Uchen's box is 1.219 F above its baseline and 0.645 F below, and a letter's body
# stands 0.17-0.72 F above the baseline (centre 0.445 F). Han runs there are drawn at
# F / TIBETAN_SCALE, the Han size beside it; their box (2.33 of their ems, the line's
# height) puts the Han body (-0.07..0.83 em) on the same centre. An icon fills its em:
# 0.18 em below a Han baseline centres it on Han; on a Tibetan line it centres on the
# letters.
CJK_BOX_TIBETAN = (1.348, 0.982)
ICON_BOX_CJK = (1.34, 0.11)
ICON_BOX_TIBETAN = (1.27, 0.594)


def _line_box(source: Path, out: Path, box: tuple[float, float]) -> Path:
    """A copy of source whose line box is box[0] ems above the baseline and box[1]
    below, in every table a renderer may read it from (named by the box, so a new
    figure makes a new copy)."""
    from fontTools.ttLib import TTFont

    out = out.with_name(f"{out.stem}-{box[0]:.3f}-{box[1]:.3f}{out.suffix}")
    if out.exists() and out.stat().st_mtime >= source.stat().st_mtime:
        return out
    font = TTFont(str(source), lazy=True)
    em = font["head"].unitsPerEm
    ascent, descent = round(box[0] * em), round(box[1] * em)
    hhea, os2 = font["hhea"], font["OS/2"]
    hhea.ascent, hhea.descent, hhea.lineGap = ascent, -descent, 0
    os2.sTypoAscender, os2.sTypoDescender, os2.sTypoLineGap = ascent, -descent, 0
    os2.usWinAscent, os2.usWinDescent = ascent, descent
    with atomic_file(out, mode=0o644) as fh:
        font.save(fh)
    return out


def prepare_fonts(cache: Path | None = None) -> FontSet:
    """Return the font set, extracting the Simplified Chinese faces on first use."""
    cache = (cache or cache_dir()) / "fonts"
    for weight in ("Regular", "Bold"):
        if not (NOTO_DIR / f"NotoSansCJK-{weight}.ttc").exists():
            raise FontError(f"fonts: {NOTO_DIR}/NotoSansCJK-{weight}.ttc is missing; "
                            "install the Debian package fonts-noto-cjk")
    if not TIBETAN_FONT.exists():
        raise FontError(f"fonts: {TIBETAN_FONT} is missing; install fonts-ddc-uchen")
    if not ICON_FONT.exists():
        raise FontError(f"fonts: {ICON_FONT} is missing; "
                        "install fonts-material-design-icons-iconfont")
    regular = _extract_face(NOTO_DIR / "NotoSansCJK-Regular.ttc",
                            cache / "NotoSansCJKsc-Regular.otf")
    bold = _extract_face(NOTO_DIR / "NotoSansCJK-Bold.ttc", cache / "NotoSansCJKsc-Bold.otf")
    return FontSet(
        cjk_regular=regular,
        cjk_bold=bold,
        tibetan=TIBETAN_FONT,
        icons=_line_box(ICON_FONT, cache / "KioskIcons.ttf", ICON_BOX_CJK),
        icons_in_tibetan=_line_box(ICON_FONT, cache / "KioskIcons-Tibt.ttf",
                                   ICON_BOX_TIBETAN),
        cjk_in_tibetan=_line_box(regular, cache / "NotoSansCJKsc-Regular-Tibt.otf",
                                 CJK_BOX_TIBETAN),
        cjk_bold_in_tibetan=_line_box(bold, cache / "NotoSansCJKsc-Bold-Tibt.otf",
                                      CJK_BOX_TIBETAN),
    )
