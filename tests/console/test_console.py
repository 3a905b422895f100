"""The fleet console in headless Chromium against the platform and a real terminal.

One platform, one browser and one terminal for the module; the tests run in order
(each picks up where the last left the fleet), and time is moved on the platform's
clock, never waited for.
"""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from central.console import accounts, audit
from central.console.browser import sign_in
from tests.console.conftest import PASSWORD

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def as_user(page, console, name: str) -> None:
    page.context.clear_cookies()
    sign_in(page, console.url, name, PASSWORD)
    expect(page).to_have_url(re.compile(r"/console/overview"))


def row(page, device: str):
    return page.locator(f"#fleet tr[data-device='{device}']")


def wait_for(condition, what: str, seconds: float = 10.0) -> None:
    """Poll a condition the terminal's own threads bring about (no fixed sleep)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {seconds} s: {what}")
        time.sleep(0.02)


def test_sign_in_and_the_terminal_online(console, terminal, page) -> None:
    page.goto(f"{console.url}/console/overview")
    expect(page).to_have_url(re.compile(r"/console/sign-in"))      # no session: sign in
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    sign_in(page, console.url, "ada", PASSWORD)
    expect(page).to_have_url(re.compile(r"/console/overview"))
    cookie = {c["name"]: c for c in page.context.cookies()}["console_session"]
    assert cookie["httpOnly"] and cookie["secure"] and cookie["sameSite"] == "Strict"
    assert cookie["expires"] > time.time() + 3600
    terminal.heartbeat()
    page.reload()
    expect(row(page, "T-1")).to_have_attribute("data-state", "online")
    expect(row(page, "T-1")).to_contain_text("东城-1号机")
    expect(row(page, "T-1")).to_contain_text("东城区就业服务中心")
    expect(row(page, "T-1")).to_contain_text("2026.12.0")
    expect(page.locator("nav")).to_contain_text("投诉处理（随投诉功能上线）")


def test_stale_then_offline_when_heartbeats_stop_and_back_when_they_resume(
        console, terminal, page) -> None:
    console.clock.advance(200)
    page.goto(f"{console.url}/console/overview")
    expect(row(page, "T-1")).to_have_attribute("data-state", "stale")
    console.clock.advance(500)
    page.reload()
    expect(row(page, "T-1")).to_have_attribute("data-state", "offline")
    expect(page).to_have_title(re.compile(r"^\(1\) "))
    page.goto(f"{console.url}/console/overview?state=online")
    expect(row(page, "T-1")).to_have_count(0)                      # the filter leaves it out
    page.goto(f"{console.url}/console/alerts")
    expect(page.locator("#open-alerts tr[data-kind='offline']")).to_have_count(1)
    page.goto(f"{console.url}/console/overview")
    terminal.heartbeat()                                           # it comes back
    expect(row(page, "T-1")).to_have_attribute("data-state", "online")   # the live update
    expect(page).to_have_title(re.compile(r"^终端总览"))          # no alert left
    page.goto(f"{console.url}/console/alerts")
    expect(page.locator("#no-alerts")).to_be_visible()
    expect(page.locator("#cleared-alerts tr[data-kind='offline']")).to_have_count(1)


def test_a_paper_out_alert_raises_and_clears_itself(console, terminal, page) -> None:
    printer = terminal.core.printer
    terminal.sim.set_fault("paper_out")
    assert printer.refresh().result(5).reason == "paper_out"
    terminal.heartbeat()
    page.goto(f"{console.url}/console/overview?problem=paper_out")
    expect(row(page, "T-1")).to_contain_text("缺纸")
    expect(page).to_have_title(re.compile(r"^\(1\) "))
    page.goto(f"{console.url}/console/alerts")
    expect(page.locator("#open-alerts tr[data-kind='paper_out']")).to_have_count(1)
    terminal.sim.set_fault("none")
    assert printer.refresh().result(5).reason == "ok"
    terminal.heartbeat()
    page.reload()
    expect(page.locator("#no-alerts")).to_be_visible()
    expect(page.locator("#cleared-alerts tr[data-kind='paper_out']")).to_have_count(1)


def test_print_test_page_with_confirmation_and_its_result_as_it_comes(
        console, terminal, page) -> None:
    as_user(page, console, "tom")
    page.goto(f"{console.url}/console/terminals/T-1")
    expect(page.locator("#history rect.band-ok").first).to_be_attached()   # the 24 h chart
    page.click("button[data-kind='print_test_page']")
    expect(page.locator("h1")).to_have_text("确认发送指令")
    expect(page.locator("#confirm-form")).to_contain_text("打印测试页")
    page.click("#confirm")
    results = page.locator("#command-results tr[data-kind='print_test_page']")
    expect(results).to_have_attribute("data-status", "pending")
    before = terminal.sim.bytes_received
    terminal.round()                    # heartbeat, the worker runs it, the result goes out
    wait_for(lambda: terminal.core.platform.outbox.drain() >= 0 and
             _commands(console)[0]["status"] != "pending", "the result reached the platform")
    assert terminal.sim.bytes_received > before                  # it really printed
    expect(results).to_have_attribute("data-status", "done")      # came back by itself
    expect(results).to_contain_text("test page printed")


def test_configuration_checked_against_the_terminals_schema(console, terminal, page) -> None:
    page.goto(f"{console.url}/console/terminals/T-1")
    version = int(page.inner_text("#config-version"))
    page.fill("#overrides", '{"kiosk": {"idle_timeout_s": 5000}}')
    page.click("#save-config")
    expect(page.locator("#config-error")).to_contain_text(
        "kiosk.idle_timeout_s: 5000 is greater than the maximum of 600")
    expect(page.locator("#overrides")).to_have_value('{"kiosk": {"idle_timeout_s": 5000}}')
    page.fill("#overrides", '{"platform": {"url": "http://elsewhere"}}')
    page.click("#save-config")
    expect(page.locator("#config-error")).to_contain_text("'url' was unexpected")
    page.fill("#overrides", '{"kiosk": {"staff_desk": "7"}}')
    page.click("#save-config")
    expect(page.locator("#config-version")).to_have_text(str(version + 1))
    expect(page.locator("#effective")).to_contain_text('"staff_desk": "7"')


def test_a_viewer_is_refused_a_command(console, terminal, page) -> None:
    as_user(page, console, "vic")
    page.goto(f"{console.url}/console/terminals/T-1")
    expect(page.locator("#role-note")).to_be_visible()
    page.click("button[data-kind='restart']")
    expect(page.locator("#refusal")).to_have_text("您的角色不能执行此操作。")
    page.goto(f"{console.url}/console/enrolment")
    expect(page.locator("#refusal")).to_be_visible()


def test_a_post_without_its_csrf_token_is_refused(console, terminal, page) -> None:
    as_user(page, console, "tom")
    queued = len(_commands(console))
    answer = page.request.post(f"{console.url}/console/terminals/T-1/commands",
                               form={"kind": "restart", "confirm": "yes"})
    assert answer.status == 403
    page.goto(f"{console.url}/console/terminals/T-1")
    token = page.locator("input[name=csrf]").first.get_attribute("value")
    foreign = page.request.post(f"{console.url}/console/terminals/T-1/commands",
                                form={"kind": "restart", "confirm": "yes", "csrf": token},
                                headers={"Origin": "http://evil.example"})
    assert foreign.status == 403
    assert len(_commands(console)) == queued


def _commands(console) -> list:
    from central.routes.fleet import command_rows

    return command_rows(console.conn, "T-1")


def test_lock_out_after_repeated_failures(console, page) -> None:
    page.context.clear_cookies()
    for _ in range(accounts.MAX_FAILURES):
        sign_in(page, console.url, "lou", "not the password")
        expect(page.locator("#sign-in-error")).to_be_visible()
    expect(page.locator("#sign-in-error")).to_contain_text("锁定")
    sign_in(page, console.url, "lou", PASSWORD)             # right password, still locked
    expect(page.locator("#sign-in-error")).to_contain_text("锁定")
    console.clock.advance(accounts.LOCK_S + 1)
    sign_in(page, console.url, "lou", PASSWORD)
    expect(page).to_have_url(re.compile(r"/console/overview"))


def test_staff_answer_a_question_and_take_a_help_request(console, terminal, page) -> None:
    from central.db import write
    from central.questions import record, status

    with write(console.conn):
        record(console.conn, console.app.state.box,
               {"tracking_number": "ZX-T-1", "question": "灵活就业社保补贴怎么申请？",
                "phone": "13900001111", "asked_at": "2026-12-01T09:00:00+08:00"}, None, "T-1")
    terminal.core.platform.client.post("/help-requests", {"id": "H-1", "desk": "3"})
    as_user(page, console, "sue")
    page.goto(f"{console.url}/console/help")
    expect(page.locator("#help-requests tr[data-id='H-1']")).to_contain_text("东城区就业服务中心")
    page.click("#help-requests tr[data-id='H-1'] button[value='take']")
    expect(page.locator("#help-requests tr[data-id='H-1']")).to_contain_text("sue")
    page.goto(f"{console.url}/console/questions")
    card = page.locator("article[data-number='ZX-T-1']")
    expect(card).to_contain_text("139****1111")
    expect(card).not_to_contain_text("13900001111")
    card.locator("textarea").fill("请携带身份证到三号窗口办理。")
    card.locator("button").click()
    found = status(console.conn, console.app.state.box, "ZX-T-1", "13900001111")
    assert found and found["answer"] == "请携带身份证到三号窗口办理。"   # what the terminal reads


def test_enrolment_confirms_the_code_and_places_the_terminal(console, page, tmp_path) -> None:
    from kiosk.fleet.enrolment import Pairing

    pairing = Pairing(console.url, "hall-3-new", tmp_path)
    assert pairing.ask() == "pending"
    as_user(page, console, "ada")
    page.goto(f"{console.url}/console/enrolment")
    expect(page.locator("#waiting")).to_contain_text("hall-3-new")
    page.fill("#code", "0000 0000" if pairing.request.code != "00000000" else "1111 1111")
    page.fill("#tname", "西城-3号机")
    page.click("#pair-form button")
    expect(page.locator("#refusal")).to_contain_text("no terminal is waiting")
    page.goto(f"{console.url}/console/enrolment")
    page.fill("#code", pairing.request.shown_code)
    page.fill("#tname", "西城-3号机")
    page.fill("#hall", "西城区就业服务中心")
    page.fill("#group", "二楼")
    page.click("#pair-form button")
    expect(page.locator("#paired")).to_contain_text("hall-3-new")
    assert pairing.poll() is not None                      # the key went to the terminal
    page.goto(f"{console.url}/console/overview?hall=西城区就业服务中心")
    expect(row(page, "hall-3-new")).to_contain_text("西城-3号机")
    expect(row(page, "hall-3-new")).to_have_attribute("data-state", "never")


def test_an_admin_adds_an_account_and_changes_a_role(console, page) -> None:
    as_user(page, console, "ada")
    page.goto(f"{console.url}/console/users")
    page.fill("#new-name", "li.ming")
    page.select_option("#new-role", "staff")
    page.fill("#new-password", "li ming's first password")
    page.click("#add-user button")
    line = page.locator("#users tr[data-name='li.ming']")
    expect(line.locator("select")).to_have_value("staff")
    line.locator("select").select_option("technician")
    line.locator("button").click()
    expect(page.locator("#users tr[data-name='li.ming'] select")).to_have_value("technician")
    page.fill("#new-name", "li.ming")
    page.fill("#new-password", "another password")
    page.click("#add-user button")
    expect(page.locator("#refusal")).to_contain_text("already has an account")


def test_the_audit_log_shows_it_all(console, page) -> None:
    as_user(page, console, "ada")
    page.goto(f"{console.url}/console/audit")
    log = page.locator("#audit")
    for action in ("sign_in", "sign_in_refused", "command", "config", "config_refused",
                   "refused", "answer", "help_taken", "enrol", "enrol_refused", "user_add",
                   "user_role"):
        expect(log.locator(f"tr[data-action='{action}']").first).to_be_attached()
    expect(log.locator("tr[data-action='refused']").first).to_contain_text("127.0.0.1")
    refused = {e.detail for e in audit.entries(console.conn, action="refused")}
    assert "form without its CSRF token" in refused
    assert "command needs another role than viewer" in refused
    commands = audit.entries(console.conn, action="command")
    assert commands[0].user == "tom" and commands[0].target == "T-1"
    assert "print_test_page" in (commands[0].detail or "")
