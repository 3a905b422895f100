"""Exact ESC/POS bytes: Chinese mode, wrapping by printed width, headings, QR, cut."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from devices.printer import document as d
from devices.printer.escpos_lib import printer_module
from devices.printer.escpos_render import Renderer, encode_line
from devices.printer.profile import load_profile
from devices.printer.wrap import display_width, wrap

INIT = b"\x1b@"


def test_chinese_line_is_gb18030_in_chinese_mode() -> None:
    assert encode_line("岗位信息") == b"\x1c&\xb8\xda\xce\xbb\xd0\xc5\xcf\xa2\x1c."


def test_line_of_only_fullwidth_punctuation_is_still_chinese_mode() -> None:
    assert encode_line("，。！：") == b"\x1c&\xa3\xac\xa1\xa3\xa3\xa1\xa3\xba\x1c."
    # python-escpos 3.1 text() sends the same line through a code page: garbage on paper
    plain = printer_module().Dummy()
    plain.text("，。！：")
    assert b"\x1c&" not in plain.output


def test_yen_sign_prints_from_the_chinese_font() -> None:
    assert encode_line("¥") == b"\x1c&\xa3\xa4\x1c."
    assert encode_line("￥45") == b"\x1c&\xa3\xa445\x1c."


def test_ascii_line_needs_no_mode_switch() -> None:
    assert encode_line("ID: 110105") == b"ID: 110105"


def test_heading_is_bold_double_size_and_resets(p80) -> None:
    out = Renderer(p80).render(d.Document((d.Heading("回执"),)))
    assert out == (INIT + b"\x1ba\x01\x1bE\x01\x1d!\x11" + b"\x1c&\xbb\xd8\xd6\xb4\x1c.\n"
                   + b"\x1d!\x00\x1bE\x00\x1ba\x00")


def test_heading_sizes_outside_what_a_printer_can_do_are_clamped(p80) -> None:
    assert Renderer(p80).render(d.Document((d.Heading("回执", size=0),))) == (
        Renderer(p80).render(d.Document((d.Heading("回执", size=1),))))
    assert b"\x1d!\x77" in Renderer(p80).render(d.Document((d.Heading("A", size=99),)))


def test_key_value_wraps_under_its_value(p58) -> None:
    block = d.KeyValue("地点：", "示范市高新区物流园八号库二楼东侧")
    out = Renderer(p58).render(d.Document((block,)))
    lines = out[len(INIT):].split(b"\n")
    assert lines[0] == b"\x1c&" + "地点：示范市高新区物流园八号库二".encode("gb18030") + b"\x1c."
    assert lines[1] == b"\x1c&" + "      楼东侧".encode("gb18030") + b"\x1c."


def test_wrap_counts_chinese_as_two_columns() -> None:
    assert wrap("负责仓库货物的收发、盘点与整理。", 20) == ["负责仓库货物的收发、", "盘点与整理。"]
    assert wrap("Pay ¥4500 per month", 10) == ["Pay ¥4500", "per month"]


def test_wrap_never_starts_a_line_with_closing_punctuation() -> None:
    for line in wrap("收发、盘点、整理、录入。", 6)[1:]:
        assert line[0] not in "、。"


@given(st.text(alphabet="仓库管理员 abc，。1234567890", max_size=80), st.integers(8, 48))
def test_wrapped_lines_fit_and_keep_every_character(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(display_width(line) <= width for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())


def test_native_qr_and_partial_cut(p80) -> None:
    out = Renderer(p80).render(d.Document((d.QR("EKIOSK:APPT:T-1", size=6), d.Cut())))
    payload = b"EKIOSK:APPT:T-1"
    assert b"\x1d(k" + bytes([len(payload) + 3, 0]) + b"1P0" + payload in out
    assert b"\x1d(k\x03\x001Q0" in out
    assert out.endswith(b"\x1bd\x04\x1dV\x01")


def test_printer_without_chinese_font_gets_pictures() -> None:
    profile = load_profile("generic-58-raster")
    out = Renderer(profile).render(d.Document((d.Text("岗位信息"), d.QR("x"), d.Cut())))
    assert b"\x1c&" not in out and b"\x1d(k" not in out
    assert out.count(b"\x1dv0") == 2
    assert not out.endswith(b"\x1dV\x01")        # no cutter: feed only


def test_tibetan_is_always_a_picture(p80) -> None:
    out = Renderer(p80).render(d.Document((d.TibetanText("ལས་གནས།"),)))
    assert out.startswith(INIT + b"\x1dv0\x00")
    width_bytes = out[len(INIT) + 4]
    assert 4 < width_bytes < p80.dots // 8        # blank columns right of the text are not sent


def test_tibetan_breaks_only_between_syllables() -> None:
    from devices.printer.raster import RasterFonts, font_for, wrap_pixels

    text = "ང་ཚོས་ལས་ཉིན་ ༥ ནང་ལན་འདེབས་ངེས། རྗེས་འདེད་ཨང་བཀོལ་ནས་འཕེལ་རིམ་འཚོལ་ཆོག"
    font = font_for(text, RasterFonts(), 24)
    lines = wrap_pixels(text, 200, font)
    assert len(lines) > 2 and "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines[:-1]:
        assert line[-1] in "\u0f0b\u0f0d" or line.endswith("༥"), line
        assert font.getlength(line) <= 200
