"""Building, caching and rebuilding the dictionary from small word lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.ime import ImeEngine, ImeError
from kiosk.ime.build import load_index
from kiosk.ime.index import index_path
from kiosk.ime.sources import source_key

JIEBA = "AT&T 3 nz\n服务 13036 vn\n服务业 535 n\n行 3000 v\n银行 2000 n\n长 4000 a\n成长 900 v\n"
DOMAIN = "# job words\n服务员 30000\n会计 12000 kuai'ji\n"


@pytest.fixture
def lists(tmp_path: Path) -> tuple[Path, Path]:
    jieba, domain = tmp_path / "dict.txt", tmp_path / "domain.txt"
    jieba.write_text(JIEBA, encoding="utf-8")
    domain.write_text(DOMAIN, encoding="utf-8")
    return jieba, domain


def load(cache: Path, lists: tuple[Path, Path], build: bool = True) -> ImeEngine:
    return ImeEngine(load_index(cache, build=build, jieba_path=lists[0], domain_path=lists[1]))


def test_built_from_both_lists(tmp_path: Path, lists: tuple[Path, Path]) -> None:
    engine = load(tmp_path / "cache", lists)
    assert [c.text for c in engine.lookup("fwy", 5)] == ["服务员", "服务业", "服务", "fwy"]
    assert engine.lookup("kuaiji", 2)[0].text == "会计"
    assert engine.lookup("atandt", 5)[0].text == "atandt"  # non-Han words are left out


def test_characters_get_every_reading(tmp_path: Path, lists: tuple[Path, Path]) -> None:
    engine = load(tmp_path / "cache", lists)
    assert "行" in [c.text for c in engine.lookup("hang", 5)]
    assert "行" in [c.text for c in engine.lookup("xing", 5)]
    assert "长" in [c.text for c in engine.lookup("chang", 5)]


def test_cache_is_reused_then_rebuilt_when_a_source_changes(
        tmp_path: Path, lists: tuple[Path, Path]) -> None:
    cache = tmp_path / "cache"
    load(cache, lists)
    first = index_path(cache, source_key(lists[1], lists[0]))
    stamp = first.stat().st_mtime_ns
    load(cache, lists)
    assert first.stat().st_mtime_ns == stamp
    lists[1].write_text(DOMAIN + "保安 30000\n", encoding="utf-8")
    engine = load(cache, lists)
    assert engine.lookup("baoan", 2)[0].text == "保安"
    assert not first.exists()
    assert [p.name for p in cache.glob("*.marshal")] == [
        index_path(cache, source_key(lists[1], lists[0])).name]


def test_damaged_cache_is_rebuilt(tmp_path: Path, lists: tuple[Path, Path]) -> None:
    cache = tmp_path / "cache"
    load(cache, lists)
    path = index_path(cache, source_key(lists[1], lists[0]))
    path.write_bytes(b"\x00 not a dictionary")
    with pytest.raises(ImeError, match="unreadable"):
        load(cache, lists, build=False)
    assert load(cache, lists).lookup("fwy", 1)[0].text == "服务员"


def test_missing_cache_without_building(tmp_path: Path, lists: tuple[Path, Path]) -> None:
    with pytest.raises(ImeError, match="kiosk ime build"):
        load(tmp_path / "none", lists, build=False)


def test_bad_job_word_line(tmp_path: Path, lists: tuple[Path, Path]) -> None:
    lists[1].write_text("服务员 many\n", encoding="utf-8")
    with pytest.raises(ImeError, match="bad line"):
        load(tmp_path / "cache", lists)
    lists[1].write_text("会计 100 kuai\n", encoding="utf-8")
    with pytest.raises(ImeError, match="reading does not match"):
        load(tmp_path / "cache", lists)


def test_packaged_job_words_are_well_formed() -> None:
    from kiosk.ime.sources import domain_words_path, read_domain

    words = [w for w, _, _ in read_domain(domain_words_path())]
    assert len(words) == len(set(words)) >= 100
    assert {"服务员", "快递员", "育儿嫂", "失业登记", "技能培训"} <= set(words)
