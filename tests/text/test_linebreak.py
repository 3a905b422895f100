"""Tibetan wraps only at syllable boundaries; Chinese keeps its punctuation."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kiosk.text.linebreak import SHADS, TSHEG, units, wrap

SYLLABLES = ["བོད", "ཡིག", "ལས", "ཀ", "འཚོལ", "སྒེའུ", "ཁུང", "བསྒྲགས", "རྒྱ", "སྐྱེས", "ཞབས", "ཞུ",
             "གསལ", "ཐུགས", "རྗེ"]
syllable_runs = st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=40)
ENDINGS = TSHEG + SHADS + " "


def tibetan(parts: list[str]) -> str:
    return TSHEG.join(parts) + "།"


@given(syllable_runs, st.integers(min_value=1, max_value=30))
def test_lines_end_only_at_syllable_boundaries(parts: list[str], width: int) -> None:
    text = tibetan(parts)
    lines = wrap(text, width, len)
    assert "".join(lines) == text
    for line in lines[:-1]:
        assert line[-1] in ENDINGS, line


@given(syllable_runs)
def test_no_unit_splits_a_stack(parts: list[str]) -> None:
    # every unit is whole syllables: removing the separators gives the syllables back
    text = tibetan(parts)
    rebuilt = [u.rstrip(ENDINGS) for u in units(text)]
    assert rebuilt == parts


def test_a_too_long_syllable_stays_whole() -> None:
    assert wrap("བསྒྲགས་ཀ།", 1, len) == ["བསྒྲགས་", "ཀ།"]


def test_chinese_never_starts_a_line_with_closing_punctuation() -> None:
    lines = wrap("请到窗口咨询，谢谢。", 6, len)
    assert all(line[0] not in "，。" for line in lines)
    assert "".join(lines) == "请到窗口咨询，谢谢。"


def test_latin_breaks_at_spaces() -> None:
    assert wrap("Staff are at desk 1", 10, len) == ["Staff are", "at desk 1"]
