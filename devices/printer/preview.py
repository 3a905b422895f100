"""Print preview: the PNG a document would make on a given printer, without a printer.

Goes through the real bytes (render, then decode) so the preview cannot differ
from the paper.
"""

from __future__ import annotations

from PIL import Image

from devices.printer.decoder import decode
from devices.printer.document import Document
from devices.printer.escpos_render import Renderer
from devices.printer.paper_png import render_png


def preview(doc: Document, renderer: Renderer) -> Image.Image:
    """A grey-scale picture of the receipt as renderer's printer would print it."""
    return render_png(decode(renderer.render(doc)), renderer.profile.dots, renderer.fonts)
