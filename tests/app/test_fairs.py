"""Job fair cards: China time, durations, places and counts in every language."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.flows.fairs import cards as fairs
from kiosk.i18n import Translator, compile_catalogs

CHINA = fairs.CHINA
NOW = dt.datetime(2026, 3, 2, 9, 30, tzinfo=CHINA)
ONSITE = {"id": "F1", "kind": "onsite", "theme": "2026年春风行动专场招聘会", "platform": "现场",
          "venue": "成都人才市场一楼大厅（锦江区东大街99号）",
          "starts_at": "2026-03-05T09:30:00+08:00", "duration_min": 210, "companies": 40,
          "posts": 440, "url": "https://jobs.example.cn/fairs/F1"}
ONLINE = {**ONSITE, "id": "F2", "kind": "online", "platform": "成都公共招聘网", "venue": "",
          "starts_at": "2026-02-28T10:00:00+08:00", "duration_min": 7 * 24 * 60}
LIVE = {**ONSITE, "id": "F3", "kind": "livestream", "platform": "天府就业视频号直播间",
        "venue": "", "starts_at": "2026-03-10T15:00:00+08:00", "duration_min": 90}


@pytest.fixture(scope="module")
def tr(tmp_path_factory):
    return Translator(compile_catalogs(out=tmp_path_factory.mktemp("locale"))).text


def test_start_is_read_in_china_time_whatever_zone_it_came_in() -> None:
    utc = {"starts_at": "2026-03-05T01:30:00+00:00"}
    assert fairs.start_of(utc) == dt.datetime(2026, 3, 5, 9, 30, tzinfo=CHINA)
    assert fairs.start_of({"starts_at": "2026-03-05T09:30:00"}).hour == 9
    assert fairs.start_of({"starts_at": "soon"}) is None


@pytest.mark.parametrize("lang, text", [
    ("zh", "3月5日 周四 09:30"),
    ("en", "Thu 5 March, 09:30"),
    ("bo", "ཟླ་༣ ཚེས་༥ གཟའ་ཕུར་བུ། ཆུ་ཚོད་09 སྐར་མ་30"),   # a time as clocks show it
])
def test_moment_in_each_language(tr, lang: str, text: str) -> None:
    moment = dt.datetime(2026, 3, 5, 1, 30, tzinfo=dt.UTC)       # 09:30 in China
    assert fairs.format_moment(moment, lang, tr) == text


@pytest.mark.parametrize("minutes, zh, en", [
    (90, "1 小时 30 分钟", "1 hour 30 minutes"),
    (210, "3 小时 30 分钟", "3 hours 30 minutes"),
    (120, "2 小时", "2 hours"),
    (45, "45 分钟", "45 minutes"),
    (1, "1 分钟", "1 minute"),
    (24 * 60, "1 天", "1 day"),
    (7 * 24 * 60, "7 天", "7 days"),
    (25 * 60, "25 小时", "25 hours"),
])
def test_duration(tr, minutes: int, zh: str, en: str) -> None:
    assert fairs.format_duration(minutes, "zh", tr) == zh
    assert fairs.format_duration(minutes, "en", tr) == en


def test_tibetan_duration_has_tibetan_digits(tr) -> None:
    assert fairs.format_duration(210, "bo", tr) == "ཆུ་ཚོད་༣ སྐར་མ་༣༠"


def test_card_of_an_onsite_fair(tr) -> None:
    card = fairs.card(ONSITE, NOW, "zh", tr)
    assert card.theme == "2026年春风行动专场招聘会"
    assert card.badge == "现场招聘会"
    assert card.when == "3月5日 周四 09:30 开始"
    assert card.duration == "时长 3 小时 30 分钟"
    assert (card.where_label, card.where) == ("地点：", ONSITE["venue"])
    assert card.counts == "40 家单位 · 440 个岗位"
    assert card.url == ONSITE["url"]


def test_a_fair_under_way_says_until_when(tr) -> None:
    card = fairs.card(ONLINE, NOW, "zh", tr)
    assert card.when == "正在进行，3月7日 周六 10:00 结束"
    assert card.duration == ""
    assert (card.where_label, card.where) == ("平台：", "成都公共招聘网")
    assert fairs.card(LIVE, NOW, "en", tr).when == "Starts Tue 10 March, 15:00"


def test_tibetan_card_keeps_the_place_as_the_platform_wrote_it(tr) -> None:
    card = fairs.card(ONSITE, NOW, "bo", tr)
    assert card.where == "成都人才市场一楼大厅（锦江区东大街99号）"     # not ༩༩
    assert card.counts == "ལས་ཁུངས་ ༤༠། ལས་གནས་ ༤༤༠།"
    assert card.theme == ONSITE["theme"]


def test_filter_by_kind() -> None:
    every = [ONSITE, ONLINE, LIVE]
    assert fairs.of_kind(every, "all") == every
    assert fairs.of_kind(every, "online") == [ONLINE]
    assert fairs.of_kind(every, "livestream") == [LIVE]


def test_what_the_list_can_show() -> None:
    assert fairs.listing_state(False, None) == "unavailable"
    assert fairs.listing_state(True, None) == "not_synced"
    assert fairs.listing_state(True, 1.0) == "ok"


def test_data_as_of_only_while_the_platform_is_away(tr) -> None:
    synced = NOW.timestamp()
    assert fairs.as_of_text(synced, True, "zh", tr) == ""
    assert fairs.as_of_text(None, False, "zh", tr) == ""
    assert fairs.as_of_text(synced, False, "zh", tr) == (
        "数据更新于 3月2日 周一 09:30（暂时连不上就业服务平台）")
    assert "ཆུ་ཚོད་09" in fairs.as_of_text(synced, False, "bo", tr)   # clock digits
