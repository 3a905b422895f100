"""How a notice reads: sections in a visitor's order, numbered steps, odd platform values,
the centre's channels, the attract cards and their cycle (no display, no platform)."""

from __future__ import annotations

import json

from central.demo.notice import make_notices
from kiosk.flows import tiles
from kiosk.flows.notice import present


def demo() -> list[dict]:
    return make_notices()


def test_the_demo_notice_covers_every_service_on_the_home_screen() -> None:
    published = {d["service"] for d in demo() if d["kind"] == "service"}
    on_home = {f.tile.key for f in tiles() if f.tile}
    assert on_home <= published
    assert {"fairs", "unemployment"} <= published     # reached from jobs and registration


def test_every_demo_notice_matches_the_contract() -> None:
    from central.contract import parse_body

    for doc in demo():
        schema = "CentreNotice" if doc["kind"] == "centre" else "ServiceNotice"
        raw = json.dumps({**doc, "updated_at": "2026-12-02T03:00:00.000000Z"},
                         ensure_ascii=False).encode()
        assert parse_body(raw, schema)["id"] == doc["id"]


def test_services_come_in_the_centre_order_without_the_centre_entry() -> None:
    docs = [{"id": "B", "kind": "service", "name": "乙", "order": 2},
            {"id": "A", "kind": "service", "name": "甲", "order": 2},
            {"id": "C", "kind": "service", "name": "丙", "order": 1},
            {"id": "X", "kind": "service", "name": "", "order": 0},       # no name: left out
            {"id": "Z", "kind": "service", "name": "无序", "order": "first"},
            {"id": "centre", "kind": "centre", "name": "投诉渠道", "order": 0}]
    assert [d["id"] for d in present.services(docs)] == ["C", "A", "B", "Z"]
    assert present.centre(docs)["id"] == "centre"


def test_a_card_opens_with_the_time_limit_and_the_numbered_process() -> None:
    registration = next(d for d in demo() if d["service"] == "registration")
    card = present.service_card(registration)
    names = [s.name for s in card.sections]
    assert names[:2] == ["time_limit", "steps"]
    assert set(names) == {"time_limit", "steps", "requirements", "materials", "content",
                          "basis", "norms", "commitments", "where"}
    steps = card.section("steps")
    assert steps is not None and steps.layout == "steps"
    assert steps.lines[0] == "在自助终端放置身份证或到综合窗口出示证件" and len(steps.lines) == 5
    limit = "资料齐全的当场办结；首次岗位推荐在登记后5个工作日内送达。"
    assert card.section("time_limit").lines == (limit,)
    assert card.section("basis").title_key == "notice.section.basis"
    assert "《中华人民共和国就业促进法》" in card.section("basis").lines


def test_odd_values_are_shown_as_text_or_left_out_never_raised() -> None:
    card = present.service_card({"id": "N", "name": "求职登记", "steps": "只有一步",
                                 "materials": ["身份证", 7, None, {"x": 1}, "  "],
                                 "time_limit": ["不是文字"], "norms": None, "basis": 3})
    assert card.section("steps").lines == ("只有一步",)
    assert card.section("materials").lines == ("身份证", "7")
    assert card.section("time_limit") is None and card.section("norms") is None
    assert card.section("basis").lines == ("3",)


def test_the_centre_card_holds_hours_and_every_channel_with_12333() -> None:
    centre = present.centre_card(present.centre(demo()))
    kinds = {c.kind_key for c in centre.channels}
    assert {"notice.channel.onsite", "notice.channel.letter", "notice.channel.phone",
            "notice.channel.web"} <= kinds
    assert any("12333" in c.detail for c in centre.channels)
    assert centre.hours[0] == ("周一至周五", "09:00-12:00，13:30-17:30")
    assert "5个工作日" in centre.reply
    odd = present.centre_card({"channels": [{"kind": "pigeon", "detail": "鸽子"}, "x",
                                            {"kind": "phone"}], "hours": 5})
    assert odd.channels == (present.Channel("notice.channel.other", "", "鸽子"),)
    assert odd.hours == ()


def test_attract_cards_cycle_one_every_period_round_and_round() -> None:
    cards = present.attract_cards(demo())
    assert [c.name for c in cards[:2]] == ["求职登记", "失业登记"]
    assert all(c.summary for c in cards) and len(cards) == 9
    assert [present.attract_index(t, 3, 8.0) for t in (0, 7.9, 8, 16, 24, 31.9)] == [
        0, 0, 1, 2, 0, 0]
    assert present.attract_index(-1, 3, 8.0) == 0
    assert present.attract_index(100, 0, 8.0) is None


def test_what_the_list_can_show() -> None:
    assert present.listing_state(False, None, 0) == "unavailable"
    assert present.listing_state(True, None, 0) == "not_synced"
    assert present.listing_state(True, 1.0, 0) == "empty"
    assert present.listing_state(True, 1.0, 9) == "ok"
