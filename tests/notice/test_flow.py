"""The notice flow over a synced catalog from the reference platform: the list, a card,
staff changing a notice (seen after the next sync, not before), a withdrawn notice, the
way to each service, and the attract screen's cards — only while the terminal is idle."""

from __future__ import annotations

from central.db import connect, next_stamp, write
from central.demo.seed import tombstone
from tests.conftest import run_kiosk
from tests.notice.conftest import Terminal, make_terminal
from tests.platform.conftest import real_now_clock

OLD_LIMIT = "资料齐全的当场办结；首次岗位推荐在登记后5个工作日内送达。"


def staff_set(t: Terminal, notice_id: str, field: str, value: str):
    assert t.central is not None
    return run_kiosk("central", "notice", "set", "--db", str(t.central.store), notice_id,
                     field, value)


def test_before_a_sync_the_list_says_so_and_after_it_lists_every_service(
        terminal: Terminal) -> None:
    flow = terminal.notice
    before = flow.look()
    assert before.state == "not_synced" and flow.message(before) == ("notice.not_synced", {})
    assert flow.attract_cards() == ()
    terminal.platform.sync()
    data = flow.look()
    assert data.state == "ok" and flow.message(data) is None
    assert [d["name"] for d in data.services][:3] == ["求职登记", "失业登记", "岗位信息查询"]
    assert len(data.services) == 9 and data.centre is not None
    assert flow.as_of(data) is None                 # the platform answers: no "as of"


def test_the_registration_card_shows_its_process_and_time_limit(terminal: Terminal) -> None:
    terminal.platform.sync()
    card = terminal.notice.choose("N01")
    assert card is not None and card.name == "求职登记"
    assert terminal.notice.visit.chosen == "N01"
    assert card.section("time_limit").lines == (OLD_LIMIT,)
    assert card.section("steps").lines[-1] == "等待岗位推荐短信，按约定时间回访"
    assert terminal.notice.step_number(3) == ("notice.step", {"n": 3})
    centre = terminal.notice.centre()
    assert centre is not None and any("12333" in c.detail for c in centre.channels)


def test_a_staff_change_shows_after_the_next_sync_and_not_before(terminal: Terminal) -> None:
    terminal.platform.sync()
    flow = terminal.notice
    flow.choose("N01")
    done = staff_set(terminal, "N01", "time_limit", "即时办结。")
    assert done.returncode == 0, done.stderr
    steps = staff_set(terminal, "N01", "steps", "放置身份证\n填写并提交")
    assert steps.returncode == 0, steps.stderr
    assert flow.card().section("time_limit").lines == (OLD_LIMIT,)    # cached until a sync
    reports = {r.collection: r.changes for r in terminal.platform.sync()}
    assert reports["notices"] == 1                  # only the changed notice travels
    # the terminal's clock stood still: the change is found by the sync's cursor
    card = flow.card()
    assert card.section("time_limit").lines == ("即时办结。",)
    assert card.section("steps").lines == ("放置身份证", "填写并提交")
    assert flow.attract_cards()[0].time_limit == "即时办结。"


def test_staff_are_refused_what_the_contract_refuses(terminal: Terminal) -> None:
    wrong = staff_set(terminal, "N01", "steps", "[1, 2]")
    assert wrong.returncode == 2 and "is not of type" in wrong.stderr
    unknown = staff_set(terminal, "N99", "name", "x")
    assert unknown.returncode == 2 and "no notice 'N99'" in unknown.stderr
    field = staff_set(terminal, "centre", "steps", "[]")
    assert field.returncode == 2 and "no field 'steps'" in field.stderr
    fixed = staff_set(terminal, "N01", "id", "N02")
    assert fixed.returncode == 2 and "cannot be changed" in fixed.stderr
    listed = run_kiosk("central", "notice", "list", "--db", str(terminal.central.store))
    assert listed.returncode == 0 and listed.stdout.count("\n") == 10
    assert listed.stdout.startswith("N01\tregistration\t求职登记\t")


def test_a_withdrawn_notice_leaves_the_list_and_its_card(terminal: Terminal) -> None:
    terminal.platform.sync()
    flow = terminal.notice
    assert flow.choose("N03") is not None
    conn = connect(terminal.central.store)
    with write(conn):
        tombstone(conn, "notices", ["N03"], next_stamp(conn))
    conn.close()
    terminal.platform.sync()
    assert "N03" not in {d["id"] for d in flow.look().services}
    assert flow.card() is None and flow.choose("N03") is None
    assert flow.visit.chosen == ""


def test_offline_the_notice_stays_and_says_how_old_it_is(terminal: Terminal) -> None:
    terminal.platform.sync()
    terminal.central.down()
    assert terminal.platform.sync() == []
    data = terminal.notice.look()
    assert data.state == "ok" and len(data.services) == 9
    key, values = terminal.notice.as_of(data)
    assert key == "notice.as_of" and {"y", "m", "d", "time"} <= set(values)


def test_each_card_leads_to_its_service_where_the_terminal_has_it(terminal: Terminal) -> None:
    terminal.platform.sync()
    flow = terminal.notice
    ways = {d["service"]: flow.service_screen(flow.card(d["id"]))
            for d in flow.look().services}
    assert ways["registration"] == ways["unemployment"] == "reg_start"
    assert ways["jobs"] == "jobs" and ways["fairs"] == "fairs"
    assert ways["notice"] is None


def test_attract_cards_cycle_while_idle_and_never_during_a_visit(terminal: Terminal) -> None:
    terminal.platform.sync()
    home, clock, session = terminal.home, terminal.clock, terminal.core.session
    first = home.attract_card()
    assert first is not None and first.name == "求职登记"
    clock.advance(8)
    assert home.attract_card().name == "失业登记"
    clock.advance(8 * 8)
    assert home.attract_card().name == "求职登记"        # nine cards: round again
    session.touch()                                       # a visitor
    assert home.attract_card() is None
    clock.advance(30)
    session.tick()
    assert home.attract_card() is None
    session.end("done")                                   # gone: idle again, from the top
    assert home.attract_card().name == "求职登记"


def test_a_terminal_without_the_platform_shows_no_cards_and_says_unavailable() -> None:
    t = make_terminal(real_now_clock())
    assert t.notice.look().state == "unavailable"
    assert t.notice.message(t.notice.look()) == ("notice.unavailable", {})
    assert t.home.attract_card() is None and t.notice.card("N01") is None
