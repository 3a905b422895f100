"""A device-neutral receipt: blocks that any printer (or preview) can lay out.

Receipts are written once as a Document and rendered per printer profile, so
paper width, fonts and QR support stay data in the profile rather than
branches in every template.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Heading:
    """A bold title; size 2 prints double width and height."""

    text: str
    size: int = 2
    align: Align = "center"


@dataclass(frozen=True)
class Text:
    """A paragraph, wrapped by display width."""

    text: str
    bold: bool = False
    align: Align = "left"


@dataclass(frozen=True)
class TibetanText:
    """A paragraph in Tibetan: no printer font holds it, so it is always rasterised."""

    text: str
    align: Align = "left"
    bold: bool = False


@dataclass(frozen=True)
class KeyValue:
    """"Label: value", the value wrapped under itself when the label is short."""

    key: str
    value: str


@dataclass(frozen=True)
class Rule:
    """A full-width separator line."""

    char: str = "-"


@dataclass(frozen=True)
class QR:
    """A QR code (native on printers that can, an image elsewhere) and its caption."""

    payload: str
    size: int = 6
    caption: str = ""


@dataclass(frozen=True)
class Raster:
    """A 1-bit picture given as rows of '#'/'.'; kept as text so documents stay comparable."""

    rows: tuple[str, ...]
    align: Align = "center"


@dataclass(frozen=True)
class Feed:
    """Blank lines."""

    lines: int = 1


@dataclass(frozen=True)
class Cut:
    """Feed past the cutter and cut (or just feed when the printer has none)."""

    partial: bool = True


Block = Heading | Text | TibetanText | KeyValue | Rule | QR | Raster | Feed | Cut


@dataclass(frozen=True)
class Document:
    """An ordered list of blocks and the language it was written for."""

    blocks: tuple[Block, ...] = field(default_factory=tuple)
    lang: str = "zh"
    name: str = ""

    def text_lines(self) -> list[str]:
        """The words on the paper, one entry per text block (for assertions and previews)."""
        out: list[str] = []
        for block in self.blocks:
            if isinstance(block, Heading | Text | TibetanText):
                out.append(block.text)
            elif isinstance(block, KeyValue):
                out.append(f"{block.key}{block.value}")
            elif isinstance(block, QR) and block.caption:
                out.append(block.caption)
        return out

    def qr_payloads(self) -> list[str]:
        """QR payloads, for screens to show instead when the printer cannot print."""
        return [b.payload for b in self.blocks if isinstance(b, QR)]
