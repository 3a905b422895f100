"""The paper model: what a printer put on the roll, as decoded from its ESC/POS stream."""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image


@dataclass(frozen=True)
class PrintedLine:
    """One line of text as printed (size 2 = double width and height)."""

    text: str
    bold: bool = False
    size: int = 1
    align: str = "left"


@dataclass(frozen=True)
class PrintedPicture:
    """A raster image (GS v 0), black = printed dots."""

    image: Image.Image


@dataclass(frozen=True)
class PrintedQR:
    """A QR code the printer drew itself (GS ( k)."""

    payload: str
    module: int = 3


@dataclass(frozen=True)
class PaperFeed:
    """Blank paper fed."""

    lines: int


@dataclass(frozen=True)
class PaperCut:
    """The cutter fired (the receipt ends here)."""

    partial: bool = True


Item = PrintedLine | PrintedPicture | PrintedQR | PaperFeed | PaperCut


@dataclass
class Paper:
    """Everything printed, in order."""

    items: list[Item] = field(default_factory=list)

    def lines(self) -> list[str]:
        """Text lines in print order."""
        return [i.text for i in self.items if isinstance(i, PrintedLine)]

    def text(self) -> str:
        """All printed text, one line per printed line."""
        return "\n".join(self.lines())

    def qr_payloads(self) -> list[str]:
        """Payloads of native QR codes."""
        return [i.payload for i in self.items if isinstance(i, PrintedQR)]

    def cuts(self) -> int:
        """How many receipts were cut off."""
        return sum(isinstance(i, PaperCut) for i in self.items)

    def pictures(self) -> list[Image.Image]:
        """Raster images in print order."""
        return [i.image for i in self.items if isinstance(i, PrintedPicture)]
