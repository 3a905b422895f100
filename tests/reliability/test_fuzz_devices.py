"""Fuzzing every device parser and decoder: hostile bytes get a typed error or nothing.

An escape is any exception other than the package's own documented error
type: such an exception reaching a worker would cost a restart, and reaching a
command it would print a traceback. Each target below says what it may raise.

Short form (the normal suite): a few dozen examples per target, seconds in all.
Long form, e.g. 20,000 examples per parser and 2,000 per OpenCV target,
reproducible with a seed:

    KIOSK_FUZZ_EXAMPLES=20000 python -m pytest tests/reliability/test_fuzz_devices.py \\
        -n 0 -p no:cacheprovider --hypothesis-seed=467 --hypothesis-show-statistics
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from PIL import Image

from devices.camera.errors import CameraError
from devices.camera.frames import playlist, read_image
from devices.camera.qr import QrDecoder
from devices.idcard.card import parse_card
from devices.idcard.codec import (
    COMMAND_HEAD,
    PREAMBLE,
    REPLY_HEAD,
    Frame,
    StreamParser,
    build_frame,
)
from devices.idcard.errors import CardDataError, ProtocolError
from devices.idcard.layouts import LAYOUTS, TEXT_BYTES, TYPE_OFFSET, encode_fields
from devices.idcard.validation import check_char, number_ok, parse_date, validate
from devices.printer.decoder import EscposDecoder
from devices.printer.status import PrinterStatus, parse_status, valid

TODAY = dt.date(2026, 11, 23)
LONG = int(os.environ.get("KIOSK_FUZZ_EXAMPLES", "0"))


def fuzz(short: int, heavy: bool = False) -> settings:
    """Modest in the normal suite; KIOSK_FUZZ_EXAMPLES=N for the long form.

    Heavy targets (OpenCV on every example) run N/10 in the long form.
    """
    long = max(1, LONG // 10) if heavy else LONG
    return settings(max_examples=long if LONG else short, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


def chunks(data: bytes, cuts: list[int]) -> list[bytes]:
    """data split at the given offsets, as it arrives over a serial line."""
    points = sorted({c % (len(data) + 1) for c in cuts})
    return [data[a:b] for a, b in zip([0, *points], [*points, len(data)], strict=True)]


# -- card reader: frames ------------------------------------------------------

def _frame_like() -> st.SearchStrategy[bytes]:
    """Byte soups with preambles, plausible lengths and right checksums in them."""
    framed = st.one_of(st.binary(max_size=4), st.binary(max_size=40)).map(build_frame)
    lying = st.tuples(st.integers(0, 0xFFFF), st.binary(max_size=40)).map(
        lambda t: PREAMBLE + t[0].to_bytes(2, "big") + t[1])
    return st.lists(st.one_of(st.binary(max_size=60), framed, lying, st.just(PREAMBLE)),
                    max_size=8).map(b"".join)


@fuzz(40)
@given(_frame_like(), st.lists(st.integers(0, 400), max_size=6),
       st.sampled_from([REPLY_HEAD, COMMAND_HEAD]))
def test_frame_parser(wire: bytes, cuts: list[int], head: int) -> None:
    """Never raises; every frame it yields can be read as what its side sends."""
    parser = StreamParser(head)
    for piece in chunks(wire, cuts):
        for item in parser.feed(piece):
            if isinstance(item, Frame):
                assert len(item.payload) >= head
                _ = item.command, item.data
                if head == REPLY_HEAD:
                    _ = item.sw3
    assert parser.pending() <= len(wire)


@fuzz(20)
@given(st.binary(max_size=8))
def test_frame_fields(payload: bytes) -> None:
    """A Frame built by hand: its fields answer, or raise ProtocolError."""
    frame = Frame(payload)
    for name in ("sw3", "command", "data"):
        with contextlib.suppress(ProtocolError):
            getattr(frame, name)


# -- card reader: card text -----------------------------------------------------

def _card_text() -> st.SearchStrategy[bytes]:
    """256-byte card texts: raw bytes, or fields of any text in a real layout."""
    raw = st.binary(min_size=TEXT_BYTES, max_size=TEXT_BYTES)
    letter = st.sampled_from(sorted(LAYOUTS))
    fields = st.dictionaries(st.sampled_from(["name", "sex", "nation", "birth", "number",
                                              "valid_from", "valid_to", "address",
                                              "authority", "nationality", "name_en"]),
                             st.text(max_size=20))

    def laid_out(args: tuple[str, dict[str, str]]) -> bytes:
        letter, values = args
        text = encode_fields({**values, "type": letter}, LAYOUTS[letter][1])
        return text[:TYPE_OFFSET] + letter.encode("utf-16-le") + text[TYPE_OFFSET + 2:]

    return st.one_of(raw, st.tuples(letter, fields).map(laid_out), st.binary(max_size=300))


@fuzz(30)
@given(_card_text(), st.binary(max_size=16))
def test_card_parsing(text: bytes, photo: bytes) -> None:
    """parse_card raises CardDataError or gives a card whose every view works."""
    try:
        card = parse_card(text, photo)
    except CardDataError:
        return
    card.validation(TODAY)
    card.to_json(TODAY)
    card.to_json(TODAY, reveal=True)
    repr(card), card.masked_name(), card.masked_number()


# digits of every kind: ASCII, other scripts' (Nd), superscripts and circled (No), Roman (Nl)
_digitish = st.one_of(st.sampled_from("0123456789Xx"),
                      st.characters(categories=("Nd", "No", "Nl")))
_number = st.one_of(st.text(max_size=20), st.text(_digitish, min_size=16, max_size=19))
_date = st.one_of(st.text(max_size=10), st.text(_digitish, min_size=7, max_size=9),
                  st.just("长期"))


@fuzz(40)
@given(_number, _date, _date, _date)
def test_card_fields(number: str, birth: str, start: str, end: str) -> None:
    """Validation of any text: a verdict, never an exception (check_char: CardDataError)."""
    number_ok(number)
    parse_date(birth)
    validate(number, True, birth, number[6:14] or None, start, end, TODAY)
    with contextlib.suppress(CardDataError):
        check_char(number[:17])


# -- printer ------------------------------------------------------------------

@fuzz(40)
@given(st.dictionaries(st.integers(-2, 6), st.none() | st.integers(-512, 512)))
def test_printer_status_bytes(replies: dict[int, int | None]) -> None:
    """Any answers (missing, silent, out of range) give a status, never an exception."""
    status = parse_status(replies)
    assert isinstance(status, PrinterStatus)
    status.to_dict()
    for byte in replies.values():
        valid(byte)


def _escpos_like() -> st.SearchStrategy[bytes]:
    """ESC/POS streams: command prefixes with random arguments, text and noise."""
    prefixes = [b"\x1b", b"\x1d", b"\x1c", b"\x10\x04", b"\x1b@", b"\x1da", b"\x1bE",
                b"\x1bd", b"\x1dV", b"\x1dv0", b"\x1d(k", b"\x1d!", b"\x1c&", b"\x1c.", b"\n"]
    raster = st.tuples(st.integers(0, 4), st.integers(0, 4), st.binary(max_size=20)).map(
        lambda t: b"\x1dv0\x00" + bytes([t[0], 0, t[1], 0]) + t[2])
    qr = st.tuples(st.integers(0, 30), st.binary(max_size=30)).map(
        lambda t: b"\x1d(k" + bytes([t[0], 0]) + t[1])
    part = st.one_of(st.sampled_from(prefixes), st.binary(max_size=12), raster, qr,
                     st.text(max_size=8).map(lambda s: s.encode("gb18030")))
    return st.lists(part, max_size=12).map(b"".join)


@fuzz(40)
@given(_escpos_like(), st.lists(st.integers(0, 300), max_size=6))
def test_escpos_decoder(stream: bytes, cuts: list[int]) -> None:
    """The simulator's decoder takes any bytes in any chunks without raising."""
    statuses: list[int] = []
    decoder = EscposDecoder(statuses.append)
    for piece in chunks(stream, cuts):
        decoder.feed(piece)
    decoder._flush()
    decoder.paper.text()


# -- camera -------------------------------------------------------------------

DTYPES = [np.uint8, np.int8, np.uint16, np.int32, np.float32, np.float64, np.bool_]
_frames = st.one_of(
    st.none(),
    hnp.arrays(st.sampled_from(DTYPES), hnp.array_shapes(min_dims=0, max_dims=4, min_side=0,
                                                       max_side=48)),
    hnp.arrays(np.uint8, st.tuples(st.integers(0, 80), st.integers(0, 80),
                                   st.sampled_from([1, 2, 3, 4]))),
)


@pytest.fixture(scope="module")
def decoder() -> QrDecoder:
    return QrDecoder()


@fuzz(25, heavy=True)
@given(frame=_frames, step=st.sampled_from([1, 1, 2, -1]))
def test_qr_frames(decoder: QrDecoder, frame: np.ndarray | None, step: int) -> None:
    """Any array, of any shape or type, strided or not: a payload or None."""
    if isinstance(frame, np.ndarray) and frame.ndim >= 2:
        frame = frame[::step, ::step]
    assert decoder.decode(frame) is None or isinstance(decoder.decode(frame), str)


def _picture_bytes() -> st.SearchStrategy[tuple[str, bytes]]:
    """Real small pictures in every format replayed, then cut short or corrupted."""
    def encode(args: tuple[str, int, int, int]) -> tuple[str, bytes]:
        fmt, w, h, seed = args
        pixels = np.random.default_rng(seed).integers(0, 255, (h, w, 3), dtype=np.uint8)
        out = io.BytesIO()
        Image.fromarray(pixels).save(out, format=fmt)
        return fmt, out.getvalue()

    made = st.tuples(st.sampled_from(["PNG", "JPEG", "BMP", "TIFF", "WEBP", "PPM"]),
                     st.integers(1, 24), st.integers(1, 24), st.integers(0, 9)).map(encode)

    def damage(args: tuple[tuple[str, bytes], int, int, bytes]) -> tuple[str, bytes]:
        (fmt, data), cut, at, junk = args
        data = data[:cut % (len(data) + 1)] if cut >= 0 else data
        at %= len(data) + 1
        return fmt, data[:at] + junk + data[at + len(junk):]

    damaged = st.tuples(made, st.integers(-1, 4000), st.integers(0, 4000),
                        st.binary(max_size=6)).map(damage)
    noise = st.tuples(st.sampled_from(["PNG", "JPEG", "BMP"]), st.binary(max_size=200))
    return st.one_of(made, damaged, noise)


SUFFIX = {"PNG": ".png", "JPEG": ".jpg", "BMP": ".bmp", "TIFF": ".tif", "WEBP": ".webp",
          "PPM": ".ppm"}


@pytest.fixture(scope="module")
def picture_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pictures")


@fuzz(25, heavy=True)
@given(picture=_picture_bytes())
def test_picture_files(picture_dir: Path, picture: tuple[str, bytes]) -> None:
    """read_image raises CameraError or gives a BGR frame; a replay never raises."""
    fmt, data = picture
    path = picture_dir / f"sample{SUFFIX[fmt]}"
    path.write_bytes(data)
    try:
        frame = read_image(path)
    except CameraError:
        frame = None
    else:
        assert frame.ndim == 3 and frame.shape[2] == 3 and frame.size > 0
    assert len(list(playlist([path]))) == (0 if frame is None else 1)
