"""A QR code on screen, drawn from the same encoder the receipts use.

Visitors point their phone at it to take a posting or a job fair with them;
the modules are drawn as crisp squares (nearest-neighbour scaling) with the
quiet zone the standard asks for, so phone cameras read it at arm's length.
"""

from __future__ import annotations

from functools import lru_cache

from kivy.graphics.texture import Texture
from kivy.properties import StringProperty
from kivy.uix.image import Image

QUIET_ZONE = 4


@lru_cache(maxsize=256)
def modules_and_bytes(data: str) -> tuple[int, bytes]:
    """The code's side in modules and its texture bytes, cached: lists of fairs and
    postings redraw the same codes on every language or mode switch."""
    modules = matrix(data)
    return len(modules), texture_bytes(modules)


def matrix(data: str) -> list[list[bool]]:
    """The QR modules of data (medium error correction), quiet zone included.

    The encoder is imported here, at the first code drawn, not with the screens.
    """
    import qrcode

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=QUIET_ZONE)
    code.add_data(data)
    code.make(fit=True)
    return code.get_matrix()


def texture_bytes(modules: list[list[bool]]) -> bytes:
    """RGB rows bottom-up (Kivy textures start at the bottom): black modules on white."""
    rows = []
    for row in reversed(modules):
        rows.append(b"".join(b"\x00\x00\x00" if dark else b"\xff\xff\xff" for dark in row))
    return b"".join(rows)


class QrImage(Image):
    """Shows `data` as a QR code; empty data shows nothing."""

    data = StringProperty("")
    tid = StringProperty("")

    def on_data(self, *_: object) -> None:
        if not self.data:
            self.texture = None
            return
        size, pixels = modules_and_bytes(self.data)
        texture = Texture.create(size=(size, size), colorfmt="rgb")
        texture.blit_buffer(pixels, colorfmt="rgb", bufferfmt="ubyte")
        texture.mag_filter = "nearest"
        texture.min_filter = "nearest"
        self.texture = texture
