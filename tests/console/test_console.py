"""The fleet console in headless Chromium against the platform and a real terminal.

One platform, one browser and one terminal for the module. Each test signs in and
brings the terminal to where it needs it (so the tests also hold when spread over
workers); time is moved on the platform's clock, never waited for.
"""

from __future__ import annotations

import base64
import re
import time

from playwright.sync_api import expect

from central.console import accounts, audit
from central.console.browser import sign_in
from central.console.demo import fake_screen
from tests.console.conftest import PASSWORD


def as_user(page, console, name: str) -> None:
    page.context.clear_cookies()
    sign_in(page, console.url, name, PASSWORD)
    expect(page).to_have_url(re.compile(r"/console/overview"))


def row(page, device: str):
    return page.locator(f"#fleet tr[data-device='{device}']")


def wait_for(condition, what: str, seconds: float = 10.0) -> None:
    """Poll what the terminal's own threads bring about (no fixed sleep)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {seconds} s: {what}")
        time.sleep(0.02)


def logged(console, action: str, user: str | None = None) -> list[audit.Entry]:
    return [e for e in audit.entries(console.conn, action=action)
            if user is None or e.user == user]


def labelled(page) -> None:
    """Every visible field of the page has a label (accessible name) and every
    image a text alternative."""
    for field in page.locator("input:not([type=hidden]), select, textarea").all():
        name = field.get_attribute("id")
        assert name and page.locator(f"label[for='{name}']").count() or \
            field.locator("xpath=ancestor::label").count(), field.evaluate("e => e.outerHTML")
    for image in page.locator("img").all():
        assert image.get_attribute("alt")


def test_sign_in_and_the_terminal_online(console, terminal, page) -> None:
    page.context.clear_cookies()
    page.goto(f"{console.url}/console/overview")
    expect(page).to_have_url(re.compile(r"/console/sign-in"))      # no session: sign in
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    labelled(page)
    sign_in(page, console.url, "ada", PASSWORD)
    expect(page).to_have_url(re.compile(r"/console/overview"))
    cookie = {c["name"]: c for c in page.context.cookies()}["console_session"]
    assert cookie["httpOnly"] and cookie["secure"] and cookie["sameSite"] == "Strict"
    assert time.time() + 3600 < cookie["expires"] < time.time() + 9 * 3600
    shot = fake_screen("T-1")
    terminal.core.platform.client.post("/fleet/screenshots", {
        "taken_at": "2026-12-02T10:00:00+08:00", "png_base64": base64.b64encode(shot).decode()},
        idempotency_key="shot-1")
    terminal.heartbeat()
    page.reload()
    line = row(page, "T-1")
    expect(line).to_have_attribute("data-state", "online")
    expect(line).to_contain_text("东城-1号机")
    expect(line).to_contain_text("东城区就业服务中心")
    expect(line).to_contain_text("2026.12.0")
    thumb = line.locator("img")
    expect(thumb).to_have_attribute("alt", re.compile("截图"))
    assert thumb.evaluate("i => i.complete && i.naturalWidth") > 0       # drawn from the upload
    expect(page.locator("nav")).to_contain_text("投诉处理（随投诉功能上线）")
    labelled(page)
    page.click("text=English")
    expect(page.locator("h1")).to_have_text("Overview")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.click("text=中文")
    expect(page.locator("h1")).to_have_text("终端总览")
    assert logged(console, "sign_in", "ada")[0].source == "127.0.0.1"


def test_stale_then_offline_when_heartbeats_stop_and_back_when_they_resume(
        console, terminal, page) -> None:
    as_user(page, console, "ada")
    terminal.heartbeat()
    console.clock.advance(200)
    page.goto(f"{console.url}/console/overview")
    expect(row(page, "T-1")).to_have_attribute("data-state", "stale")
    expect(row(page, "T-1")).to_contain_text("心跳延迟")
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
    expect(page.locator("#cleared-alerts tr[data-kind='offline']").first).to_be_attached()


def test_a_paper_out_alert_raises_and_clears_itself(console, terminal, page) -> None:
    as_user(page, console, "ada")
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
    terminal.heartbeat()
    page.goto(f"{console.url}/console/terminals/T-1")
    expect(page.locator("#history rect.band-ok").first).to_be_attached()   # the 24 h chart
    labelled(page)
    page.click("button[data-kind='print_test_page']")
    expect(page.locator("h1")).to_have_text("确认发送指令")
    expect(page.locator("#confirm-form")).to_contain_text("打印测试页")
    page.click("#confirm")
    results = page.locator("#command-results tr[data-kind='print_test_page']").first
    expect(results).to_have_attribute("data-status", "pending")
    before = terminal.sim.bytes_received
    terminal.round()                    # heartbeat, the worker runs it, the result goes out
    wait_for(lambda: terminal.core.platform.outbox.drain() >= 0 and
             _commands(console)[0]["status"] != "pending", "the result reached the platform")
    assert terminal.sim.bytes_received > before                  # it really printed
    expect(results).to_have_attribute("data-status", "done")      # came back by itself
    expect(results).to_contain_text("test page printed")
    entry = logged(console, "command", "tom")[0]
    assert entry.target == "T-1" and "print_test_page" in (entry.detail or "")
    page.click("button[data-kind='upload_logs']")                 # "request logs"
    page.click("#confirm")
    terminal.round()
    wait_for(lambda: terminal.core.platform.outbox.drain() >= 0 and
             _commands(console)[0]["status"] != "pending", "the logs were sent")
    expect(page.locator("#command-results tr[data-kind='upload_logs']").first
           ).to_have_attribute("data-status", "done")
    page.reload()
    expect(page.locator("#log")).to_be_attached()


def test_configuration_checked_against_the_terminals_schema(console, terminal, page) -> None:
    as_user(page, console, "tom")
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
    page.fill("#overrides", '{"kiosk": {"staff_desk": "7"}')
    page.click("#save-config")
    expect(page.locator("#config-error")).to_contain_text("JSON")
    page.fill("#overrides", '{"kiosk": {"staff_desk": "7"}}')
    page.click("#save-config")
    expect(page.locator("#config-saved")).to_be_visible()
    expect(page.locator("#config-version")).to_have_text(str(version + 1))
    expect(page.locator("#effective")).to_contain_text('"staff_desk": "7"')
    assert logged(console, "config", "tom")[0].detail == f"version {version + 1}"
    assert "greater than the maximum" in (logged(console, "config_refused", "tom")[-1].detail
                                          or "")


def test_a_viewer_is_refused_a_command(console, terminal, page) -> None:
    as_user(page, console, "vic")
    queued = len(_commands(console))
    page.goto(f"{console.url}/console/terminals/T-1")
    expect(page.locator("#role-note")).to_be_visible()
    expect(page.locator("#overrides")).to_have_count(0)          # no editor either
    page.click("button[data-kind='restart']")
    expect(page.locator("#refusal")).to_have_text("您的角色不能执行此操作。")
    assert len(_commands(console)) == queued
    page.goto(f"{console.url}/console/enrolment")
    expect(page.locator("#refusal")).to_be_visible()
    assert "command needs another role than viewer" in {
        e.detail for e in logged(console, "refused", "vic")}


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
    assert "form without its CSRF token" in {e.detail for e in logged(console, "refused",
                                                                        "tom")}


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
    said = [e.detail for e in reversed(logged(console, "sign_in_refused", "lou"))]
    assert said == ["wrong"] * (accounts.MAX_FAILURES - 1) + ["now_locked", "locked"]


def test_staff_answer_a_question_and_take_a_help_request(console, terminal, page) -> None:
    from central.db import write
    from central.questions import record, status

    with write(console.conn):
        record(console.conn, console.app.state.box,
               {"tracking_number": "ZX-T-1", "question": "灵活就业社保补贴怎么申请？",
                "phone": "13900001111", "asked_at": "2026-11-26T09:00:00+08:00"}, None, "T-1")
    as_user(page, console, "sue")
    page.goto(f"{console.url}/console/help")
    expect(page.locator("#no-help")).to_be_visible()
    terminal.core.platform.client.post("/help-requests", {"id": "H-1", "desk": "3"})
    waiting = page.locator("#help-requests tr[data-id='H-1']")
    expect(waiting).to_contain_text("东城区就业服务中心")       # arrives by the live refresh
    labelled(page)
    page.click("#help-requests tr[data-id='H-1'] button[value='take']")
    expect(waiting).to_contain_text("sue")
    page.click("#help-requests tr[data-id='H-1'] button[value='done']")
    expect(page.locator("#no-help")).to_be_visible()
    page.goto(f"{console.url}/console/questions")
    card = page.locator("article[data-number='ZX-T-1']")
    expect(card).to_contain_text("139****1111")
    expect(card).not_to_contain_text("13900001111")
    expect(card).to_contain_text("已超期")                         # due 27 November
    labelled(page)
    card.locator("textarea").fill("请携带身份证到三号窗口办理。")
    card.locator("button").click()
    found = status(console.conn, console.app.state.box, "ZX-T-1", "13900001111")
    assert found and found["answer"] == "请携带身份证到三号窗口办理。"   # what the terminal reads
    assert [e.target for e in logged(console, "answer", "sue")] == ["ZX-T-1"]
    assert {e.action for e in audit.entries(console.conn) if e.user == "sue"} >= {
        "help_taken", "help_done", "answer"}


def test_enrolment_confirms_the_code_and_places_the_terminal(console, page, tmp_path) -> None:
    from kiosk.fleet.enrolment import Pairing

    pairing = Pairing(console.url, "hall-3-new", tmp_path)
    assert pairing.ask() == "pending"
    as_user(page, console, "ada")
    page.goto(f"{console.url}/console/enrolment")
    expect(page.locator("#waiting")).to_contain_text("hall-3-new")
    labelled(page)
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
    assert logged(console, "enrol", "ada")[0].detail == "西城-3号机; 西城区就业服务中心; 二楼"
    assert logged(console, "enrol_refused", "ada")


def test_an_admin_adds_an_account_and_changes_a_role(console, page) -> None:
    as_user(page, console, "ada")
    page.goto(f"{console.url}/console/users")
    labelled(page)
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
    assert [e.action for e in audit.entries(console.conn) if e.target == "li.ming"] == [
        "user_role", "user_add"]


def test_the_audit_log_page_shows_who_what_when_and_from_where(console, terminal,
                                                                page) -> None:
    """What this test itself does, each kind of entry, is on the admin's page."""
    page.context.clear_cookies()
    sign_in(page, console.url, "vic", "wrong password here")
    as_user(page, console, "vic")
    page.goto(f"{console.url}/console/terminals/T-1")
    page.click("button[data-kind='restart']")                     # refused: a viewer
    page.request.post(f"{console.url}/console/sign-out", form={})  # refused: no token
    as_user(page, console, "ada")
    page.goto(f"{console.url}/console/terminals/T-1")
    page.fill("#overrides", '{"kiosk": {"warning_s": 1}}')
    page.click("#save-config")
    page.fill("#overrides", '{"kiosk": {"staff_desk": "8"}}')
    page.click("#save-config")
    page.click("button[data-kind='sync_catalog']")
    page.click("#confirm")
    page.goto(f"{console.url}/console/audit")
    log = page.locator("#audit")
    for action, user, words in (("sign_in_refused", "vic", "wrong"),
                                ("sign_in", "vic", "viewer"),
                                ("refused", "vic", "command needs another role"),
                                ("refused", "vic", "form without its CSRF token"),
                                ("sign_in", "ada", "admin"),
                                ("config_refused", "ada", "warning_s"),
                                ("config", "ada", "version"),
                                ("command", "ada", "sync_catalog")):
        entry = log.locator(f"tr[data-action='{action}']").filter(has_text=user).filter(
            has_text=words).first
        expect(entry).to_contain_text("127.0.0.1")
        expect(entry).to_contain_text(re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"))
    labelled(page)
