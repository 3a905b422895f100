"""Document -> ESC/POS bytes for one printer profile, built on python-escpos's _raw seam.

Chinese goes out as text in the printer's own Chinese mode (FS & ... FS .,
GB18030): a 48-column line costs about 100 bytes instead of ~7 kB as a picture.
Every line is encoded here rather than by python-escpos's text(), which only
switches to GB18030 when a line holds an ideograph in U+4E00-U+9FA5, so a line
of full-width punctuation or '¥' would print as code-page garbage.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from PIL import Image, ImageOps

from devices.printer import document as d
from devices.printer.escpos_lib import printer_module
from devices.printer.profile import PrinterProfile
from devices.printer.raster import BODY_PX, RasterFonts, centred, qr_image, text_image
from devices.printer.wrap import display_width, is_tibetan, pad, wrap

if TYPE_CHECKING:
    from escpos.printer import Dummy

ESC, GS, FS, LF = b"\x1b", b"\x1d", b"\x1c", b"\n"
INIT = ESC + b"@"
CN_ON, CN_OFF = FS + b"&", FS + b"."
ALIGN = {"left": ESC + b"a\x00", "center": ESC + b"a\x01", "right": ESC + b"a\x02"}
BOLD_ON, BOLD_OFF = ESC + b"E\x01", ESC + b"E\x00"
# Printer fonts hold GB2312/GBK; '¥' (U+00A5) is a four-byte GB18030 sequence they lack.
PRINTABLE = str.maketrans({"¥": "￥", "\u00a0": " "})


def printable(text: str) -> str:
    """Text as a Chinese-font printer will print it."""
    return text.translate(PRINTABLE)


def encode_line(text: str) -> bytes:
    """One line of text: ASCII as is, anything else wrapped in Chinese mode as GB18030."""
    text = printable(text)
    if text.isascii():
        return text.encode("ascii")
    return CN_ON + text.encode("gb18030") + CN_OFF


def size_byte(size: int) -> bytes:
    """GS ! n for a width and height multiple of size (1..8)."""
    n = max(1, min(8, size)) - 1
    return GS + b"!" + bytes([n << 4 | n])


class Renderer:
    """Lays out documents for one profile; fonts are only needed for pictures of text."""

    def __init__(self, profile: PrinterProfile, fonts: RasterFonts | None = None) -> None:
        self.profile = profile
        self.fonts = fonts or RasterFonts()

    def render(self, doc: d.Document) -> bytes:
        """The whole job: initialise, every block, and leave the printer in plain mode."""
        out = self._printer()
        out._raw(INIT)
        for block in doc.blocks:
            getattr(self, f"_{type(block).__name__.lower()}")(out, block)
        return out.output

    def _printer(self) -> Dummy:
        out = printer_module().Dummy()
        # python-escpos checks picture widths against the profile's media width.
        out.profile.profile_data = copy.deepcopy(out.profile.profile_data)
        out.profile.profile_data["media"] = {"width": {"pixels": self.profile.dots}}
        return out

    # -- text -------------------------------------------------------------
    def _as_text(self, text: str) -> bool:
        return not is_tibetan(text) and (self.profile.chinese_font or printable(text).isascii())

    def _lines(self, out: Dummy, lines: list[str]) -> None:
        for line in lines:
            out._raw(encode_line(line) + LF)

    def _heading(self, out: Dummy, block: d.Heading) -> None:
        size = max(1, min(8, block.size))        # what GS ! can print
        if not self._as_text(block.text):
            self._picture(out, block.text, block.align, True, BODY_PX * size)
            return
        out._raw(ALIGN[block.align] + BOLD_ON + size_byte(size))
        self._lines(out, wrap(block.text, self.profile.columns // size))
        out._raw(size_byte(1) + BOLD_OFF + ALIGN["left"])

    def _text(self, out: Dummy, block: d.Text) -> None:
        if not self._as_text(block.text):
            self._picture(out, block.text, block.align, block.bold)
            return
        left = block.align == "left"
        out._raw((b"" if left else ALIGN[block.align]) + (BOLD_ON if block.bold else b""))
        self._lines(out, wrap(block.text, self.profile.columns))
        out._raw((BOLD_OFF if block.bold else b"") + (b"" if left else ALIGN["left"]))

    def _tibetantext(self, out: Dummy, block: d.TibetanText) -> None:
        self._picture(out, block.text, block.align, block.bold)

    def _keyvalue(self, out: Dummy, block: d.KeyValue) -> None:
        text = block.key + block.value
        if not self._as_text(text):
            self._picture(out, text, "left", False)
            return
        indent = display_width(block.key)
        if indent > self.profile.columns // 3:
            self._lines(out, wrap(text, self.profile.columns))
            return
        first, *rest = wrap(block.value, self.profile.columns - indent)
        self._lines(out, [block.key + first] + [" " * indent + line for line in rest])

    def _rule(self, out: Dummy, block: d.Rule) -> None:
        char = block.char if block.char.isascii() else "-"
        out._raw(char.encode("ascii") * self.profile.columns + LF)

    # -- pictures ---------------------------------------------------------
    def _picture(self, out: Dummy, text: str, align: str, bold: bool,
                 size: int = BODY_PX) -> None:
        img = text_image(printable(text), self.profile.dots, self.fonts, size, align, bold)
        ink = ImageOps.invert(img.convert("L")).getbbox()
        if ink is not None:      # pictures start at the left margin: drop blank right columns
            img = img.crop((0, 0, min(self.profile.dots, -(-ink[2] // 8) * 8), img.height))
        self._image(out, img)

    def _image(self, out: Dummy, img: Image.Image) -> None:
        out.image(img, impl="bitImageRaster", fragment_height=960)

    def _raster(self, out: Dummy, block: d.Raster) -> None:
        img = Image.new("1", (max(len(r) for r in block.rows), len(block.rows)), 1)
        for y, row in enumerate(block.rows):
            for x, ch in enumerate(row):
                if ch == "#":
                    img.putpixel((x, y), 0)
        self._image(out, centred(img, self.profile.dots, block.align))

    def _qr(self, out: Dummy, block: d.QR) -> None:
        size = min(block.size, 8 if self.profile.paper_mm == 80 else 6)
        if self.profile.native_qr:
            out._raw(ALIGN["center"])
            out.qr(block.payload, size=size, native=True)
            out._raw(LF + ALIGN["left"])
        else:
            self._image(out, centred(qr_image(block.payload, size), self.profile.dots))
        if block.caption:
            self._text(out, d.Text(block.caption, align="center"))

    # -- paper handling ---------------------------------------------------
    def _feed(self, out: Dummy, block: d.Feed) -> None:
        out._raw(ESC + b"d" + bytes([max(0, min(255, block.lines))]))

    def _cut(self, out: Dummy, block: d.Cut) -> None:
        out._raw(ESC + b"d" + bytes([self.profile.feed_before_cut]))
        if self.profile.cutter:
            out._raw(GS + b"V" + (b"\x01" if block.partial else b"\x00"))


def columns_text(left: str, right: str, width: int) -> str:
    """Two items on one line, the second flush right (when they fit)."""
    gap = width - display_width(left) - display_width(right)
    return left + " " * gap + right if gap >= 1 else f"{left} {right}"


__all__ = ["Renderer", "encode_line", "printable", "pad", "columns_text"]
