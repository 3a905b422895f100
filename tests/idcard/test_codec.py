"""GA/T 467 frames: exact bytes, round trips, resynchronisation, random input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devices.idcard import status
from devices.idcard.codec import (
    PREAMBLE,
    Frame,
    Garbage,
    StreamParser,
    build_command,
    build_response,
)
from devices.idcard.errors import CardReadFailed, SamError


def test_find_card_frame_is_byte_exact() -> None:
    assert build_command(0x20, 0x01) == bytes.fromhex("AAAAAA9669 0003 2001 22")


def test_response_layout() -> None:
    frame = build_response(0x9F, b"\x00\x00\x00\x00")
    assert frame == bytes.fromhex("AAAAAA9669 0008 00009F 00000000 97")


def test_round_trip() -> None:
    data = bytes(range(200))
    [frame] = StreamParser().feed(build_response(0x90, data))
    assert isinstance(frame, Frame) and frame.sw3 == 0x90 and frame.data == data


def test_resync_after_garbage_and_bad_checksum() -> None:
    good = build_response(0x90, b"ok")
    bad = bytearray(build_response(0x90, b"xx"))
    bad[-1] ^= 0xFF
    items = StreamParser().feed(b"\x01\xaa\xaa" + bytes(bad) + good)
    frames = [i for i in items if isinstance(i, Frame)]
    assert [f.data for f in frames] == [b"ok"]
    assert any(isinstance(i, Garbage) and i.reason == "bad checksum" for i in items)


def test_byte_by_byte_feeding() -> None:
    parser, wire = StreamParser(), build_response(0x90, b"abc") * 2
    frames = [i for b in wire for i in parser.feed(bytes([b])) if isinstance(i, Frame)]
    assert [f.data for f in frames] == [b"abc", b"abc"]


@given(st.binary(max_size=600))
def test_random_bytes_never_crash(noise: bytes) -> None:
    parser = StreamParser()
    parser.feed(noise)
    assert parser.pending() <= len(noise)


@given(st.binary(max_size=200), st.binary(max_size=200), st.binary(max_size=100))
def test_frame_found_after_any_noise(before: bytes, after: bytes, data: bytes) -> None:
    wire = before.replace(PREAMBLE[:3], b"") + build_response(0x90, data) + after
    frames = [i for i in StreamParser().feed(wire) if isinstance(i, Frame)]
    assert any(f.data == data and f.sw3 == 0x90 for f in frames)


def test_every_status_word_has_a_technician_message() -> None:
    for sw3, (message, cls) in status.MESSAGES.items():
        error = status.error_for(sw3)
        assert isinstance(error, cls) and f"{sw3:02X}" in str(error) and message in str(error)
    assert isinstance(status.error_for(0x60), SamError)
    assert isinstance(status.error_for(0x41), CardReadFailed)
    assert "undocumented" in str(status.error_for(0xEE))


def test_a_checked_reply_too_short_for_its_status_word_is_rejected() -> None:
    from devices.idcard.codec import build_frame

    items = StreamParser().feed(build_frame(b"\x00\x00") + build_response(0x90, b"ok"))
    assert isinstance(items[0], Garbage) and items[0].rejected
    assert "too short" in items[0].reason
    assert [i.data for i in items if isinstance(i, Frame)] == [b"ok"]


def test_a_frame_without_status_word_is_a_protocol_error() -> None:
    from devices.idcard.errors import ProtocolError

    with pytest.raises(ProtocolError, match="no status word"):
        _ = Frame(b"\x00\x00").sw3
