"""Ranked candidates from the real dictionary built from jieba and the job words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.ime import ImeEngine

JOB_WORDS = {
    "服务员": ("fuwuyuan", "fwy"), "保安": ("baoan", "b'a"), "司机": ("siji", "sj"),
    "会计": ("kuaiji", "kj"), "家政": ("jiazheng", "jz"), "护工": ("hugong", "hg"),
    "电工": ("diangong", "dg"), "焊工": ("hangong", "hg"), "快递员": ("kuaidiyuan", "kdy"),
    "外卖员": ("waimaiyuan", "wmy"), "收银员": ("shouyinyuan", "syy"),
    "营业员": ("yingyeyuan", "yyy"), "保洁": ("baojie", "bj"), "厨师": ("chushi", "cs"),
    "月嫂": ("yuesao", "ys"), "育儿嫂": ("yuersao", "yuers"), "普工": ("pugong", "pg"),
    "招聘会": ("zhaopinhui", "zph"), "社保": ("shebao", "sb"),
    "失业登记": ("shiyedengji", "sydj"), "技能培训": ("jinengpeixun", "jnpx"),
}


def texts(engine: ImeEngine, typed: str, limit: int = 10) -> list[str]:
    return [c.text for c in engine.lookup(typed, limit)]


@pytest.mark.parametrize("typed", ["fuwuyuan", "fwy", "fuwuy", "fwyuan", "fuwyuan", "FuWuYuan"])
def test_fuwuyuan_any_way_it_is_typed(engine: ImeEngine, typed: str) -> None:
    first = engine.lookup(typed, 5)[0]
    assert (first.text, first.pinyin, first.consumed) == ("服务员", "fu'wu'yuan", len(typed))


@pytest.mark.parametrize("word", sorted(JOB_WORDS))
def test_job_words_come_first_in_full_pinyin(engine: ImeEngine, word: str) -> None:
    assert texts(engine, JOB_WORDS[word][0])[0] == word


@pytest.mark.parametrize("word", sorted(JOB_WORDS))
def test_job_words_are_near_the_top_by_initials(engine: ImeEngine, word: str) -> None:
    assert word in texts(engine, JOB_WORDS[word][1], 4)


def test_common_words_rank_by_frequency(engine: ImeEngine) -> None:
    assert texts(engine, "gongzuo")[0] == "工作"
    assert texts(engine, "zhaopin")[0] == "招聘"
    assert texts(engine, "de")[0] == "的"
    assert texts(engine, "sj")[:2] == ["世界", "时间"]


def test_one_syllable_or_two(engine: ImeEngine) -> None:
    found = texts(engine, "xian", 15)
    assert found[0] == "先"
    assert "西安" in found
    assert texts(engine, "xi'an")[0] == "西安"


def test_zhang_is_one_syllable_not_z_h(engine: ImeEngine) -> None:
    found = engine.lookup("zhang", 10)
    assert "张" in [c.text for c in found[:3]]
    assert all(c.pinyin in ("zhang", "") for c in found)


def test_whole_syllables_win_unless_the_longer_word_is_far_more_common(
        engine: ImeEngine) -> None:
    assert texts(engine, "xian")[0] == "先"  # not 想 (xiang), although more frequent
    assert texts(engine, "zhonggu")[0] == "中国"  # not 中古, typed to the letter
    assert texts(engine, "dixi")[0] == "底薪"


def test_single_characters_are_candidates(engine: ImeEngine) -> None:
    found = texts(engine, "bao", 20)
    assert {"保", "包", "报"} <= set(found)


def test_words_for_the_start_of_the_input_follow_whole_matches(engine: ImeEngine) -> None:
    found = engine.lookup("fuwuyuangongzuo", 10)
    assert found[0].text == "服务员" and found[0].consumed == 8
    assert ("服务", 4) in [(c.text, c.consumed) for c in found]
    assert found[-1].text == "fuwuyuangongzuo"  # the letters themselves, last


def test_whole_input_matches_come_before_prefix_words(engine: ImeEngine) -> None:
    found = engine.lookup("zhangsan", 10)
    consumed = [c.consumed for c in found[:-1]]
    assert consumed == sorted(consumed, reverse=True)
    assert "张" in [c.text for c in found if c.consumed == 5]


def test_letters_and_digits_pass_through(engine: ImeEngine) -> None:
    assert [(c.text, c.consumed) for c in engine.lookup("2024", 5)] == [("2024", 4)]
    assert engine.lookup("a4", 5)[-1].text == "a4"
    assert engine.lookup("CAD", 5)[-1].text == "CAD"
    assert engine.lookup("qqq", 5)[-1].text == "qqq"


def test_limit_and_empty_input(engine: ImeEngine) -> None:
    assert engine.lookup("", 10) == []
    assert engine.lookup("shi", 0) == []
    assert len(engine.lookup("shi", 3)) == 3
    assert [c.text for c in engine.lookup("fwy", 1)] == ["服务员"]
    assert len(engine.lookup("shi", 50)) == 50


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz'0123456789", min_size=1, max_size=24),
       st.integers(min_value=1, max_value=40))
def test_any_input_gives_well_formed_candidates(engine: ImeEngine, typed: str, limit: int) -> None:
    found = engine.lookup(typed, limit)
    assert 1 <= len(found) <= limit
    assert len({c.text for c in found}) == len(found)
    assert all(1 <= c.consumed <= len(typed) for c in found)
    if limit > 1 and (typed[0].isalpha() or typed[0] == "'"):
        assert found[-1].text == typed  # the letters as typed are always offered last
