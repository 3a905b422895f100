"""Mixed runs on one line, measured on the ink the text renderer really draws.

Kivy places each word of a marked-up line by its own face's line box, so a line of
Tibetan with Han, digits or an icon in it drew them on other baselines (kiosk/fonts
says how the faces' copies fix it). These tests render such lines with the faces and
the markup the screens use (screens/widgets.py) and compare the runs' ink boxes:
their middles agree within a few pixels, and Tibetan letters stand at least 0.7 as
tall as the Han beside them.
"""

from __future__ import annotations

import os

import numpy
import pytest

from kiosk.fonts import TIBETAN_SCALE, prepare_fonts

SIZE = 60 * TIBETAN_SCALE          # a Tibetan body line of the normal mode
INK = 100                          # alpha above which a pixel counts as ink
TOLERANCE_PX = 4


class _Capture:
    """Stands in for the GL texture the renderer blits its pixels into."""

    data = None

    def blit_data(self, data: object) -> None:
        self.data = data


@pytest.fixture(scope="module")
def render():
    # Kivy in the test process itself: it must leave pytest's streams and logging alone
    for name, value in (("KIVY_NO_ARGS", "1"), ("KIVY_LOG_MODE", "PYTHON"),
                        ("KIVY_NO_CONSOLELOG", "1"), ("KIVY_NO_FILELOG", "1")):
        os.environ.setdefault(name, value)
    from kivy.core.text import LabelBase
    from kivy.core.text.markup import MarkupLabel

    from screens.icons import ICON_FONT, ICON_FONT_IN_TIBETAN
    from screens.widgets import CJK_FONT, CJK_FONT_IN_TIBETAN, TIBETAN_FONT

    fonts = prepare_fonts()
    LabelBase.register(CJK_FONT, str(fonts.cjk_regular), fn_bold=str(fonts.cjk_bold))
    LabelBase.register(TIBETAN_FONT, str(fonts.tibetan))
    LabelBase.register(CJK_FONT_IN_TIBETAN, str(fonts.cjk_in_tibetan))
    LabelBase.register(ICON_FONT, str(fonts.icons))
    LabelBase.register(ICON_FONT_IN_TIBETAN, str(fonts.icons_in_tibetan))

    def run(markup: str, font: str, script: str) -> numpy.ndarray:
        label = MarkupLabel(text=markup, font_name=font, font_size=SIZE,
                            font_script_name=script)
        label.resolve_font_name()
        size = label.render()
        label._size_texture, label._size = size, (size[0], size[1])
        label.texture = _Capture()
        label.render(real=True)
        data = label.texture.data
        pixels = numpy.frombuffer(data.data, dtype=numpy.uint8)
        return pixels.reshape(data.height, data.width, 4)[:, :, 3]
    return run


def _runs(alpha: numpy.ndarray) -> list[tuple[float, float]]:
    """(top, bottom) of each run of inked columns, left to right."""
    inked = list(alpha.max(axis=0) > INK) + [False]
    out, start = [], None
    for x, on in enumerate(inked):
        if on and start is None:
            start = x
        elif not on and start is not None:
            rows = numpy.where(alpha[:, start:x].max(axis=1) > INK)[0]
            out.append((float(rows.min()), float(rows.max())))
            start = None
    return out


def _tibetan_line(words: str) -> str:
    from screens.widgets import _mark_runs

    return _mark_runs(words, True, SIZE)


def _middle(box: tuple[float, float]) -> float:
    return (box[0] + box[1]) / 2


def test_han_and_digits_on_a_tibetan_line_share_its_middle(render) -> None:
    # ང and 口 are one stroke-box each: no stacks or descenders to skew the box
    boxes = _runs(render(_tibetan_line("ང 口 ང 12 ང"), "KioskTibetan", "Tibt"))
    tibetan, han, digits = boxes[0], boxes[1], boxes[3]
    assert abs(_middle(han) - _middle(tibetan)) <= TOLERANCE_PX, boxes
    assert abs(_middle(digits) - _middle(tibetan)) <= TOLERANCE_PX * 2, boxes
    assert abs(han[1] - tibetan[1]) <= TOLERANCE_PX * 2, "bottoms apart"


def test_tibetan_letters_stand_as_tall_as_the_han_beside_them(render) -> None:
    boxes = _runs(render(_tibetan_line("ང 口"), "KioskTibetan", "Tibt"))
    (t_top, t_bottom), (h_top, h_bottom) = boxes
    assert (t_bottom - t_top) / (h_bottom - h_top) >= 0.7, boxes


def test_icons_centre_on_the_line_they_stand_in(render) -> None:
    from screens.icons import glyph
    from screens.widgets import _mark_runs

    home = glyph("home")
    tibetan = _runs(render(_mark_runs(f"{home} ང", True, SIZE), "KioskTibetan", "Tibt"))
    assert abs(_middle(tibetan[0]) - _middle(tibetan[1])) <= TOLERANCE_PX, tibetan
    han = _runs(render(_mark_runs(f"{home} 口", False, SIZE), "KioskSans", "Zyyy"))
    assert abs(_middle(han[0]) - _middle(han[1])) <= TOLERANCE_PX, han
