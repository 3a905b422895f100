"""zbar's QR reader (Debian's libzbar0 through pyzbar's ctypes binding), kept open.

zbar reads a clean code in a quarter of the time OpenCV's detectors take, so the
decoder asks it first when it is installed. pyzbar.decode() builds a scanner
and switches off every other symbology on each call; a kiosk decodes 15 frames
a second, so this keeps one scanner, set up once for QR codes only. A scanner
is not safe to share between threads: one per decoder, like the decoder.
"""

from __future__ import annotations

import ctypes
import logging
from typing import Any

import numpy as np

log = logging.getLogger(__name__)
_Y800 = ord("Y") | ord("8") << 8 | ord("0") << 16 | ord("0") << 24   # 8-bit grey
_said_missing = False


def _library() -> Any | None:
    """pyzbar's wrapper module, or None (logged once) when pyzbar or libzbar is missing."""
    global _said_missing
    try:
        from pyzbar import wrapper
    except (ImportError, OSError) as exc:
        if not _said_missing:
            _said_missing = True
            log.warning("zbar not available (%s): QR codes are read by OpenCV alone",
                        type(exc).__name__)
        return None
    return wrapper


class ZbarReader:
    """Grey frame in, the first QR payload out (or None)."""

    def __init__(self, lib: Any) -> None:
        self._z = lib
        self._scanner = lib.zbar_image_scanner_create()
        lib.zbar_image_scanner_set_config(self._scanner, 0, lib.ZBarConfig.CFG_ENABLE, 0)
        lib.zbar_image_scanner_set_config(self._scanner, lib.ZBarSymbol.QRCODE,
                                          lib.ZBarConfig.CFG_ENABLE, 1)

    def read(self, gray: np.ndarray) -> str | None:
        """gray must be one contiguous uint8 channel; the text, or None when none was read."""
        z = self._z
        image = z.zbar_image_create()
        try:
            z.zbar_image_set_format(image, _Y800)
            z.zbar_image_set_size(image, gray.shape[1], gray.shape[0])
            z.zbar_image_set_data(image, gray.ctypes.data_as(ctypes.c_void_p), gray.size, None)
            if z.zbar_scan_image(self._scanner, image) <= 0:
                return None
            symbol = z.zbar_image_first_symbol(image)
            data = ctypes.string_at(z.zbar_symbol_get_data(symbol),
                                    z.zbar_symbol_get_data_length(symbol))
        finally:
            z.zbar_image_destroy(image)
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return None

    def __del__(self) -> None:
        scanner, self._scanner = getattr(self, "_scanner", None), None
        if scanner is not None:
            self._z.zbar_image_scanner_destroy(scanner)


def open_reader() -> ZbarReader | None:
    """A reader when zbar is installed, else None (the caller falls back to OpenCV)."""
    lib = _library()
    return ZbarReader(lib) if lib is not None else None
