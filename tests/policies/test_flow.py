"""The policies flow headless, against the reference platform: the handbook, search,
dates against the terminal's clock, "for you", a question's promise and its answer."""

from __future__ import annotations

import datetime as dt

from devices.idcard.card import Card
from devices.idcard.validation import check_char
from kiosk.flows.policies import handbook, questions
from kiosk.flows.policies.flow import Answer, PoliciesFlow
from kiosk.i18n import Translator
from tests.conftest import run_kiosk
from tests.policies.conftest import FRIDAY, make_flow, move_to, wait_ui

NUMBER = "11010519900101123" + check_char("11010519900101123")


def card() -> Card:
    return Card(card_type="resident", name="张晓明", sex="1", birth="19900101",
                number=NUMBER, valid_from="20150101", valid_to="20350101")


def test_every_category_lists_policies_in_force(online) -> None:
    clock, service = online
    flow = make_flow(clock, service)
    counts = dict(flow.categories())
    assert list(counts) == list(handbook.CATEGORIES)
    assert all(n > 0 for n in counts.values()), counts
    flow.show_category("rural_migrant")
    titles = [p["title"] for p in flow.listed()]
    assert "农民工返乡创业扶持办法" in titles and "根治欠薪工作指南" in titles
    assert flow.open(flow.listed()[0]["id"])
    labels = [label for label, _v in flow.summary_rows()]
    assert labels == ["pol.detail.audience", "pol.detail.benefit", "pol.detail.materials",
                      "pol.detail.apply_at"]
    assert len(flow.paragraphs()) >= 5


def test_search_runs_on_title_and_body_with_the_jobs_tokens(online) -> None:
    clock, service = online
    flow = make_flow(clock, service)
    flow.show_search("创业")
    found = {p["id"] for p in flow.listed()}
    assert {"P0005", "P0006", "P0007"} <= found
    flow.show_search("身份证")            # in the bodies, never in a title
    expected = {p["id"] for p in flow.policies() if "身份证" in p["body"]}
    assert len(expected) > 10 and {p["id"] for p in flow.listed()} == expected
    flow.show_search("贷")                # one character: the character index
    assert "P0005" in {p["id"] for p in flow.listed()}
    flow.show_search("没有这样的政策词")
    assert flow.listed() == []
    assert flow.list_note(0) == ("pol.list.empty", {})


def test_policies_end_and_are_replaced_on_the_terminals_clock(online) -> None:
    clock, service = online
    flow = make_flow(clock, service)
    ids = {p["id"] for p in flow.policies()}
    assert {"P0002", "P0009"} <= ids and "P0024" not in ids      # revision not yet in force
    move_to(clock, dt.datetime(2026, 3, 23, 9, 0, tzinfo=FRIDAY.tzinfo))   # after P0002's end
    ids = {p["id"] for p in flow.policies()}
    assert "P0002" not in ids and "P0009" in ids
    move_to(clock, dt.datetime(2026, 3, 28, 9, 0, tzinfo=FRIDAY.tzinfo))   # revision starts
    ids = {p["id"] for p in flow.policies()}
    assert "P0009" not in ids and "P0024" in ids
    assert not flow.open("P0009")


def test_the_list_says_as_of_while_the_platform_is_away(online, platform) -> None:
    clock, service = online
    flow = make_flow(clock, service)
    assert flow.note() is None
    platform.down()
    try:
        service.sync()                                    # fails: the link is down
        key, values = flow.note()
        assert key == "pol.as_of" and values["time"] == "09:30"
    finally:
        platform.up()
    assert make_flow(clock, None).note() == ("pol.unavailable", {})


def test_for_you_follows_the_registered_key_groups(online) -> None:
    clock, service = online
    from kiosk.platform.identity import id_hash
    service.client.post("/seekers/registrations", {
        "id_hash": id_hash(NUMBER), "name": "张晓明", "phone": "13800138000",
        "education": "senior", "employment_status": "unemployed",
        "key_groups": ["rural_migrant"],
        "intentions": {"occupation_groups": ["建筑装修"]}}, idempotency_key="reg-pol-1")
    flow = make_flow(clock, service)
    flow.session.card_read(card(), clock.now().date())
    seen: list[bool] = []
    flow.load_groups(seen.append)
    wait_ui(flow, lambda: bool(seen))
    assert seen == [True] and flow.visit.groups == ("rural_migrant",)
    flow.show_for_you()
    assert flow.listed() and all("rural_migrant" in p["groups"] for p in flow.listed())


def test_every_registration_key_group_has_an_audience() -> None:
    from kiosk.flows.registration.options import KEY_GROUPS

    assert set(handbook.AUDIENCE_OF) == set(KEY_GROUPS)


def test_a_question_on_the_friday_before_qingming_is_due_on_tuesday(online, platform) -> None:
    clock, service = online
    move_to(clock, FRIDAY)
    flow = make_flow(clock, service)
    assert flow.open("P0003")
    states: list[str] = []
    assert flow.ask("灵活就业以后社保补贴怎么领？", "13800138000", states.append) is None
    asked = flow.visit.asked
    assert asked is not None and asked.answer_by == dt.date(2026, 4, 7)     # not Saturday
    assert asked.tracking_number.startswith("ZX20260403-") and asked.code == ""
    assert flow.ask("again", "13800138000", states.append) is None          # sends nothing
    wait_ui(flow, lambda: bool(states))
    assert states == ["sent"] and asked.answer_by == dt.date(2026, 4, 7)
    assert flow.asked_message() == ("pol.asked.sent", {"y": 2026, "m": 4, "d": 7})
    listed = run_kiosk("central", "questions", "list", "--db", str(platform.store))
    assert listed.stdout.count(asked.tracking_number) == 1                  # exactly once

    words: list = []
    digits = asked.tracking_number[2:].replace("-", "")
    assert flow.look_up(digits, "13800138000", words.append) is None
    wait_ui(flow, lambda: bool(words))
    assert words[0].words == ("pol.lookup.waiting", {"y": 2026, "m": 4, "d": 7})
    run_kiosk("central", "questions", "answer", "--db", str(platform.store),
              asked.tracking_number, "带身份证到社区窗口办理即可。")
    later = make_flow(clock, service)                                        # a new visit
    words.clear()
    assert later.look_up(digits, "13800138000", words.append) is None
    wait_ui(later, lambda: bool(words))
    assert words[0] == Answer(("pol.lookup.answered", {}), asked.tracking_number,
                              "带身份证到社区窗口办理即可。")
    words.clear()
    later.look_up(digits, "13900139000", words.append)                       # not their phone
    wait_ui(later, lambda: bool(words))
    assert words[0] == Answer(("pol.lookup.not_found", {}))


def test_without_a_phone_the_slip_carries_a_code(online) -> None:
    clock, service = online
    flow = make_flow(clock, service)
    states: list[str] = []
    assert flow.ask("创业担保贷款要多久批下来？", "", states.append) is None
    asked = flow.visit.asked
    assert asked is not None and len(asked.code) == 6 and asked.code.isdigit()
    wait_ui(flow, lambda: bool(states))
    words: list = []
    flow.look_up(asked.tracking_number, asked.code, words.append)
    wait_ui(flow, lambda: bool(words))
    assert words[0].words[0] == "pol.lookup.waiting"


def test_what_cannot_be_asked_or_looked_up_says_why(online) -> None:
    clock, service = online
    flow = make_flow(clock, service)
    assert flow.ask("  ", "", lambda _s: None) == ("pol.ask.need_text", {})
    assert flow.ask("x" * 501, "", lambda _s: None)[0] == "pol.ask.too_long"
    assert flow.ask("问题", "12345", lambda _s: None) == ("pol.ask.bad_phone", {})
    assert flow.look_up("123", "13800138000", lambda _w: None) == ("pol.lookup.bad_number", {})
    assert flow.look_up("20260403123456", "12", lambda _w: None) == ("pol.lookup.bad_secret", {})
    offline = make_flow(clock, None)
    assert offline.ask("问题", "", lambda _s: None)[0] == "pol.ask.unavailable"


def test_the_promise_without_a_synced_calendar_skips_weekends_only() -> None:
    assert questions.promised(dt.date(2026, 4, 3), []) == dt.date(2026, 4, 6)
    assert questions.typed_number("ZX20260403-123456") == "ZX20260403-123456"
    assert questions.typed_number("20260403 123456") == "ZX20260403-123456"


def test_every_text_the_flow_says_is_in_every_catalog() -> None:
    texts = Translator.load()
    keys = [f"pol.cat.{c}" for c in handbook.CATEGORIES]
    keys += [k for k, _v in PoliciesFlow.common_questions()]
    for lang in ("zh", "en", "bo"):
        missing = [k for k in keys if not texts.has(k, lang)]
        assert not missing, (lang, missing)


def test_a_platform_of_the_older_contract_still_fills_the_categories() -> None:
    old = {"id": "X1", "title": "高校毕业生就业见习管理办法", "category": "高校毕业生"}
    assert handbook.in_category(old, "graduates")
    assert handbook.in_category({"category": "创业扶持"}, "business")
    assert handbook.for_groups([old], {"college_graduate"}) == [old]


def test_a_cache_synced_before_the_index_is_indexed_when_opened(tmp_path) -> None:
    from kiosk.platform.catalog_store import apply_docs, open_catalog
    from kiosk.platform.search import search_policies

    conn = open_catalog(tmp_path / "c.sqlite3")
    apply_docs(conn, "policies", [{"id": "P1", "title": "创业担保贷款", "body": "贷款"}])
    conn.execute("DELETE FROM policy_rows")            # as an older terminal left it
    conn.close()
    again = open_catalog(tmp_path / "c.sqlite3")
    assert search_policies(again, "创业") == ["P1"]
    apply_docs(again, "policies", [{"id": "P1", "deleted": True}])
    assert search_policies(again, "创业") == []
