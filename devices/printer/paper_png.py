"""Paper -> PNG of the receipt roll: the on-screen preview, the technicians' console, tests.

Text lines are drawn with the Simplified Chinese face in printer-like cells
(ASCII 12 dots wide, everything else 24), pictures are blitted as printed and
native QR codes are drawn with qrcode, so the PNG shows what the paper shows.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from devices.printer.paper import (
    Paper,
    PaperCut,
    PaperFeed,
    PrintedLine,
    PrintedPicture,
    PrintedQR,
)
from devices.printer.raster import RasterFonts, qr_image
from devices.printer.wrap import cell_width

LINE_DOTS = 30     # 24-dot font plus the default line spacing
MARGIN = 16


def _draw_line(draw: ImageDraw.ImageDraw, item: PrintedLine, y: int, width: int,
               fonts: RasterFonts) -> int:
    cell = 12 * item.size
    wide, stroke = fonts.han(24 * item.size, item.bold)
    narrow, _ = fonts.han(20 * item.size, item.bold)    # fits 12-dot cells
    total = sum(cell_width(ch) for ch in item.text) * cell
    x = {"center": (width - total) // 2, "right": width - total}.get(item.align, 0)
    for ch in item.text:
        w = cell_width(ch) * cell
        font = narrow if w == cell else wide
        if ch != " ":
            left = MARGIN + x + (w - font.getlength(ch)) / 2
            # baseline 3 dots above the cell bottom, as a printer's 24-dot font sits in a line
            draw.text((left, y + 24 * item.size), ch, font=font, fill=0, anchor="ls",
                      stroke_width=stroke, stroke_fill=0)
        x += w
    return LINE_DOTS * item.size


def _blit(img: Image.Image, picture: Image.Image, y: int, x: int = 0) -> int:
    img.paste(picture.convert("L"), (MARGIN + x, y))
    return picture.height


def _cut(draw: ImageDraw.ImageDraw, y: int, width: int) -> int:
    for x in range(0, width + 2 * MARGIN, 12):
        draw.line((x, y + 10, x + 6, y + 10), fill=120, width=2)
    return 24


def render_png(paper: Paper, width: int, fonts: RasterFonts | None = None) -> Image.Image:
    """A grey-scale picture of the roll, width printable dots plus margins."""
    fonts = fonts or RasterFonts()
    height = MARGIN * 2 + sum(_height(item) for item in paper.items)
    img = Image.new("L", (width + 2 * MARGIN, max(height, 2 * MARGIN)), 255)
    draw = ImageDraw.Draw(img)
    y = MARGIN
    for item in paper.items:
        if isinstance(item, PrintedLine):
            y += _draw_line(draw, item, y, width, fonts)
        elif isinstance(item, PrintedPicture):
            y += _blit(img, item.image, y)
        elif isinstance(item, PrintedQR):
            code = qr_image(item.payload, item.module)
            y += _blit(img, code, y, max(0, (width - code.width) // 2))
        elif isinstance(item, PaperFeed):
            y += LINE_DOTS * item.lines
        elif isinstance(item, PaperCut):
            y += _cut(draw, y, width)
    return img


def _height(item: object) -> int:
    if isinstance(item, PrintedLine):
        return LINE_DOTS * item.size
    if isinstance(item, PrintedPicture):
        return item.image.height
    if isinstance(item, PrintedQR):
        return qr_image(item.payload, item.module).height
    if isinstance(item, PaperFeed):
        return LINE_DOTS * item.lines
    return 24


def save_png(paper: Paper, width: int, path: Path, fonts: RasterFonts | None = None) -> Path:
    """Write the roll picture to path."""
    render_png(paper, width, fonts).save(path)
    return path
