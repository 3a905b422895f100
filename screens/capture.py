"""Save what the window shows to a PNG (overlays included)."""

from __future__ import annotations

from pathlib import Path

from kivy.core.window import Window
from kivy.graphics.opengl import GL_RGBA, GL_UNSIGNED_BYTE, glReadPixels


def _frame():  # noqa: ANN202 - PIL.Image.Image, imported late
    """The window as it is now: drawn afresh, since a scripted run on a virtual
    display skips drawing (kiosk_command/script/pacing.py) and a swapped buffer's
    contents are not defined anyway."""
    from PIL import Image

    Window.on_draw()            # the default handler itself, past any bound one
    width, height = Window.size
    pixels = glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE)
    return Image.frombytes("RGBA", (width, height), pixels).transpose(Image.FLIP_TOP_BOTTOM)


def png_bytes() -> bytes:
    """What the window shows, as PNG bytes (for a technician's remote screenshot)."""
    import io

    out = io.BytesIO()
    _frame().convert("RGB").save(out, format="PNG", optimize=True)
    return out.getvalue()


def save_png(path: Path) -> Path:
    """Read the frame buffer and write it as a PNG (atomically)."""
    image = _frame()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.png")
    image.convert("RGB").save(tmp)
    tmp.replace(path)
    return path
