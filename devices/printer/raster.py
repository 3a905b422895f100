"""Text drawn as 1-bit pictures: Tibetan always, Chinese on printers without a font.

No receipt printer carries a Tibetan font, and Tibetan needs shaping (stacked
consonants, vowel signs), so those lines are laid out by Pillow with libraqm
and sent as raster images. Font files are handed in by the caller, which reads
them from the settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from devices.printer.errors import PrinterError
from devices.printer.wrap import is_tibetan, units

TIBETAN_SCALE = 1.8      # DDC Uchen: a body of 0.56 em, 24 dots (3 mm) on paper
BODY_PX = 24          # the height of a printer's own Font A, so pictures match text lines


@dataclass(frozen=True)
class RasterFonts:
    """Font files for pictures of text; cjk_index picks the Simplified Chinese face.

    cjk_bold is the same collection's bold weight: a heading drawn in it keeps its
    counters open, where thickening the regular face with a stroke fills 得 and 器 into
    blots at 24 dots. None (or a missing file) falls back to that stroke.
    """

    cjk: Path = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
    cjk_index: int = 2
    tibetan: Path = Path("/usr/share/fonts/truetype/tibetan/DDC_Uchen.ttf")
    cjk_bold: Path | None = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")

    def han(self, size: int, bold: bool = False) -> tuple[ImageFont.FreeTypeFont, int]:
        """The Han face at size and the stroke still to add for bold (0 with a bold face)."""
        if bold and self.cjk_bold is not None and _present(str(self.cjk_bold)):
            return _font(str(self.cjk_bold), self.cjk_index, size), 0
        return _font(str(self.cjk), self.cjk_index, size), 1 if bold else 0


@lru_cache(maxsize=4)
def _present(path: str) -> bool:
    """Whether a font file is there, asked once per file rather than once per line."""
    return Path(path).exists()


@lru_cache(maxsize=16)
def _font(path: str, index: int, size: int) -> ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype(path, size, index=index,
                                  layout_engine=ImageFont.Layout.RAQM)
    except OSError as exc:
        raise PrinterError(f"printer: cannot open font {path}: {exc}") from exc


def font_for(text: str, fonts: RasterFonts, size: int) -> ImageFont.FreeTypeFont:
    """DDC Uchen for Tibetan (larger, so a letter's body reads as large as the Han beside
    it), Noto CJK SC else."""
    return styled_font(text, fonts, size)[0]


def styled_font(text: str, fonts: RasterFonts, size: int,
                bold: bool = False) -> tuple[ImageFont.FreeTypeFont, int]:
    """The face for text and the stroke width that makes it bold where no bold face is
    (Tibetan faces come in one weight)."""
    if is_tibetan(text):
        return _font(str(fonts.tibetan), 0, round(size * TIBETAN_SCALE)), 1 if bold else 0
    return fonts.han(size, bold)


def wrap_pixels(text: str, width: int, font: ImageFont.FreeTypeFont) -> list[str]:
    """Greedy wrap by measured width at allowed breaks (Tibetan only between syllables)."""
    lines: list[str] = []
    for para in text.split("\n"):
        cur = ""
        for unit in units(para):
            if not cur or font.getlength((cur + unit).rstrip(" ")) <= width:
                cur += unit
            else:
                lines.append(cur.rstrip(" "))
                cur = unit.lstrip(" ")
        lines.append(cur.rstrip(" "))
    return lines


def text_image(text: str, width: int, fonts: RasterFonts, size: int = BODY_PX,
               align: str = "left", bold: bool = False) -> Image.Image:
    """A paper-wide 1-bit picture of text, wrapped to width dots."""
    font, stroke = styled_font(text, fonts, size, bold)
    lines = wrap_pixels(text, width - 2, font)
    boxes = [font.getbbox(line or " ") for line in lines]
    top = min(b[1] for b in boxes)
    line_h = max(b[3] for b in boxes) - top + 8     # clear of the text line above
    img = Image.new("1", (width, line_h * len(lines)), 1)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        length = font.getlength(line)
        x = {"center": (width - length) / 2, "right": width - length - 1}.get(align, 1)
        draw.text((max(0, x), i * line_h - top + 5), line, font=font, fill=0,
                  stroke_width=stroke, stroke_fill=0)
    return img


def qr_image(payload: str, module_px: int) -> Image.Image:
    """A QR code as a 1-bit picture, quiet zone included (for printers without GS ( k)."""
    import qrcode

    code = qrcode.QRCode(box_size=module_px, border=2,
                         error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(payload)
    code.make(fit=True)
    return code.make_image().get_image().convert("1")


def centred(img: Image.Image, width: int, align: str = "center") -> Image.Image:
    """img placed on a paper-wide white strip (printers start pictures at the left margin)."""
    if img.width >= width:
        return img.crop((0, 0, width, img.height))
    strip = Image.new("1", (width, img.height), 1)
    x = {"center": (width - img.width) // 2, "right": width - img.width}.get(align, 0)
    strip.paste(img, (x, 0))
    return strip
