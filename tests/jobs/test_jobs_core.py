"""The find-a-job flow's rules without a screen: query, card texts, slip, personal fields."""

from __future__ import annotations

import datetime as dt

from kiosk.flows.jobs.interest import personal_fields
from kiosk.flows.jobs.present import mask_phone, posted_text, valid_mobile, validity_text
from kiosk.flows.jobs.query import JobQuery, choice_key
from kiosk.flows.jobs.slip import slip_for
from kiosk.platform.identity import id_hash

JOB = {"id": "J1", "title": "叉车司机", "company": "成都瑞丰物流有限责任公司", "headcount": 2,
       "pay_text": "4800-6800元/月", "benefits": "五险一金", "duties": "装卸",
       "requirements": "持证",
       "address": "成都市新都区物流园", "contact_name": "王先生", "contact_phone": "028-1234567",
       "posted_at": "2026-02-28T09:00:00+08:00", "valid_from": "2026-02-28",
       "valid_until": "2026-03-30", "url": "https://jobs.example.cn/p/J1"}


class Card:
    number = "11010519491231002X"


def test_query_sets_and_clears_filters() -> None:
    q = JobQuery().with_text("  司机 ").with_filter("district", "新都区")
    q = q.with_filter("pay_at_least", 5000).with_sort("pay")
    assert q.text == "司机" and q.filters.district == "新都区" and q.more_count() == 1
    assert q.cleared() == JobQuery()
    assert choice_key("employment_type", "part_time") == ("jobs.type.part_time", {})
    assert choice_key("education", "高中/中专") == ("jobs.edu.senior", {})
    assert choice_key("pay_at_least", None) == ("jobs.any", {})


def test_posted_and_validity_texts_count_days_on_the_terminal_clock() -> None:
    assert posted_text(JOB, dt.date(2026, 2, 28)) == ("jobs.posted_today", {})
    assert posted_text(JOB, dt.date(2026, 3, 1)) == ("jobs.posted_yesterday", {})
    assert posted_text(JOB, dt.date(2026, 3, 2)) == ("jobs.posted_days_ago", {"n": 2})
    key, values = posted_text(JOB, dt.date(2026, 6, 1))
    assert key == "jobs.posted_on" and values["m"] == "02" and values["d"] == "28"
    key, values = validity_text(JOB)
    assert key == "jobs.valid" and (values["m2"], values["d2"]) == ("03", "30")


def test_phone_is_checked_and_masked() -> None:
    assert valid_mobile("13800138000")
    assert not valid_mobile("1380013") and not valid_mobile("23800138000")
    assert mask_phone("13800138000") == "138****8000"


def test_slip_carries_what_the_visitor_needs_to_apply() -> None:
    slip = slip_for(JOB)
    assert slip.title == "叉车司机" and slip.headcount == 2
    assert slip.pay == "4800-6800元/月，五险一金"
    assert slip.contact == "王先生 028-1234567" and slip.url.endswith("/J1")


def test_only_what_the_visitor_gave_identifies_them() -> None:
    assert personal_fields(None, "") == {}
    assert personal_fields(None, "13800138000") == {"phone": "13800138000"}
    fields = personal_fields(Card(), "")
    assert fields == {"id_hash": id_hash(Card.number)}
    assert Card.number not in str(fields)
