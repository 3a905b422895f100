"""Splitting unsegmented pinyin into syllables, initials and an unfinished ending."""

from __future__ import annotations

from kiosk.ime import ImeEngine


def whole(engine: ImeEngine, typed: str) -> set[tuple[tuple[str, ...], tuple[bool, ...]]]:
    return {(s.tokens, s.loose) for s in engine.segmenter.splits(typed)
            if s.consumed == len(typed)}


def test_xian_is_one_syllable_or_xi_an(engine: ImeEngine) -> None:
    tokens = {t for t, _ in whole(engine, "xian")}
    assert {("xian",), ("xi", "an")} <= tokens


def test_zh_is_never_z_plus_h(engine: ImeEngine) -> None:
    assert all(t[0] != "z" for t, _ in whole(engine, "zhang"))
    assert (("zhang",), (False,)) in whole(engine, "zhang")


def test_initials_mixed_with_syllables(engine: ImeEngine) -> None:
    assert (("f", "w", "yuan"), (True, True, False)) in whole(engine, "fwyuan")
    assert (("fu", "wu", "y"), (False, False, True)) in whole(engine, "fuwuy")


def test_only_the_last_syllable_may_be_unfinished(engine: ImeEngine) -> None:
    splits = whole(engine, "xian")
    assert (("xia", "n"), (False, True)) in splits  # 下年, with nian unfinished
    assert (("xia", "n"), (False, False)) not in splits  # n alone is no syllable
    assert (("xian",), (True,)) in splits  # may still become xiang


def test_apostrophe_forces_a_boundary(engine: ImeEngine) -> None:
    assert {t for t, _ in whole(engine, "xi'an")} == {("xi", "an")}
    assert engine.lookup("xi'an", 3)[0].consumed == 5


def test_long_and_odd_inputs_stay_small(engine: ImeEngine) -> None:
    for typed in ["zhonghuarenmingongheguo", "a" * 40, "shi" * 12, "qwrtplkjhgfds", "'''"]:
        assert len(engine.segmenter.splits(typed)) < 200


def test_letters_that_start_no_syllable(engine: ImeEngine) -> None:
    assert engine.segmenter.splits("ixyz") == []
    assert [c.text for c in engine.lookup("i", 5)] == ["i"]


def test_u_umlaut_typed_as_v_or_u(engine: ImeEngine) -> None:
    assert engine.lookup("nv", 2)[0].text == "女"
    assert engine.lookup("lve", 2)[0].text == "略"
    assert engine.lookup("lue", 2)[0].text == "略"
    assert engine.lookup("lvyou", 2)[0].text == "旅游"
