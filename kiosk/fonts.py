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
SC_FACE_NAME = "Noto Sans CJK SC"
# the screens draw Tibetan larger than Han: DDC Uchen's letter body (0.56 em) then
# stands 0.70 em, as tall as a Han character's body beside it
TIBETAN_SCALE = 1.25
TIBETAN_LINE_EM = 1.875     # DDC Uchen's line box, in ems of its own size
CJK_LINE_EM = 1.45          # Noto Sans CJK SC's


class FontError(KioskError):
    """A font the terminal needs is missing (install fonts-noto-cjk / fonts-ddc-uchen)."""


@dataclass(frozen=True)
class FontSet:
    """Paths of the fonts the screens use."""

    cjk_regular: Path
    cjk_bold: Path
    tibetan: Path


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


def prepare_fonts(cache: Path | None = None) -> FontSet:
    """Return the font set, extracting the Simplified Chinese faces on first use."""
    cache = (cache or cache_dir()) / "fonts"
    for weight in ("Regular", "Bold"):
        if not (NOTO_DIR / f"NotoSansCJK-{weight}.ttc").exists():
            raise FontError(f"fonts: {NOTO_DIR}/NotoSansCJK-{weight}.ttc is missing; "
                            "install the Debian package fonts-noto-cjk")
    if not TIBETAN_FONT.exists():
        raise FontError(f"fonts: {TIBETAN_FONT} is missing; install fonts-ddc-uchen")
    return FontSet(
        cjk_regular=_extract_face(NOTO_DIR / "NotoSansCJK-Regular.ttc",
                                  cache / "NotoSansCJKsc-Regular.otf"),
        cjk_bold=_extract_face(NOTO_DIR / "NotoSansCJK-Bold.ttc",
                               cache / "NotoSansCJKsc-Bold.otf"),
        tibetan=TIBETAN_FONT,
    )
