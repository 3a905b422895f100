"""The desk's page of today's appointments in headless Chromium, against the platform
with the demo services and a terminal's signed calls: a visitor books and checks in
as a terminal would, staff see them masked and mark them served, a refusal reads in
plain words, and a viewer neither sees people nor may serve.

The platform's clock is moved to the morning of the booked slot (its check-in
window), never waited for.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid

import pytest
from playwright.sync_api import expect

from central.console import audit
from central.db import read, write
from central.demo.seed import seed_demo
from central.guidance import booking
from central.moments import CHINA
from central.routes.records import appointment
from tests.central.signed import SignedApi
from tests.console.test_console import as_user

PHONE = "13912345678"
NAME = "王小明"


@pytest.fixture(scope="module")
def api(console) -> SignedApi:
    """The console's terminal as the guidance flow calls the platform, with services
    and a fortnight of slots from the console clock's day on."""
    seed_demo(console.conn, console.clock().astimezone(CHINA).date(), jobs=10)
    return SignedApi(console.url, console.device_id, console.key_file.read_text().strip())


def _free_slots(console) -> list[tuple[str, str]]:
    """(id, starts_at) of the first free one-to-one slots of the first day that has them."""
    with read(console.conn):
        rows = console.conn.execute(
            "SELECT id, starts_at FROM slots WHERE kind = 'one_to_one' AND booked = 0 "
            "AND priority IS NULL ORDER BY starts_utc, id").fetchall()
    day = dt.datetime.fromisoformat(rows[0][1]).date()
    return [r for r in rows if dt.datetime.fromisoformat(r[1]).date() == day]


def _ahead(console) -> list[tuple[str, str]]:
    """The free slots of that day that have not begun on the platform's clock."""
    return [s for s in _free_slots(console)
            if dt.datetime.fromisoformat(s[1]) > console.clock()]


def _book(api: SignedApi, slot_id: str, **more: str) -> str:
    doc = {"slot_id": slot_id, "phone": PHONE, "id_hash": uuid.uuid4().hex * 2, **more}
    done = api.post("/appointments", doc, idem=str(uuid.uuid4()))
    assert done.status_code == 201, done.text
    return done.json()["id"]


def _check_in(api: SignedApi, appt: str) -> None:
    done = api.post("/appointments/checkin", {"appointment_id": appt}, idem=str(uuid.uuid4()))
    assert done.status_code == 200, done.text


def _at(console, moment: dt.datetime) -> None:
    console.clock.advance((moment - console.clock()).total_seconds())


@pytest.fixture(scope="module")
def arrived(console, api) -> dict[str, str]:
    """Two visitors checked in on the slot's morning, and one still expected."""
    slots = _free_slots(console)
    first, second, later = (_book(api, slots[0][0], name=NAME), _book(api, slots[1][0]),
                            _book(api, slots[-1][0]))
    _at(console, dt.datetime.fromisoformat(slots[0][1]) - dt.timedelta(minutes=10))
    _check_in(api, first)
    _at(console, dt.datetime.fromisoformat(slots[1][1]) - dt.timedelta(minutes=10))
    _check_in(api, second)
    return {"first": first, "second": second, "later": later}


def _row(page, appt: str):
    return page.locator(f"tr[data-id='{appt}']")


def test_staff_see_a_checked_in_visitor_masked_and_mark_them_served(console, arrived,
                                                                     page) -> None:
    as_user(page, console, "sue")
    page.click("nav >> text=今日预约")
    expect(page.locator("h1")).to_contain_text("今日预约")
    row = _row(page, arrived["first"])
    expect(row).to_contain_text("已签到")
    expect(row).to_contain_text("王**")
    expect(row).to_contain_text("139****5678")
    expect(_row(page, arrived["later"])).to_contain_text("已预约")
    expect(_row(page, arrived["later"]).locator("button")).to_have_count(0)
    html = page.content()
    assert PHONE not in html and NAME not in html
    row.locator("button.serve").click()
    expect(page).to_have_url(re.compile(r"/console/appointments$"))
    expect(_row(page, arrived["first"])).to_contain_text("已完成")
    expect(_row(page, arrived["first"]).locator("button")).to_have_count(0)
    assert appointment(console.conn, arrived["first"])["status"] == "served"
    assert ("sue", arrived["first"]) in {(e.user, e.target) for e in
                                         audit.entries(console.conn, action="serve")}


def test_a_refused_serve_reads_in_plain_words(console, arrived, page) -> None:
    as_user(page, console, "sue")
    page.goto(f"{console.url}/console/appointments")
    button = _row(page, arrived["second"]).locator("button.serve")
    expect(button).to_be_visible()
    with write(console.conn):                    # a colleague at another desk was quicker
        booking.serve(console.conn, arrived["second"], console.clock())
    with page.expect_response(re.compile(r"/served$")) as answer:
        button.click()
    assert answer.value.status == 409
    expect(page.locator("#refusal")).to_have_text("未能标记：该预约已经标记为完成。")
    expect(_row(page, arrived["second"])).to_contain_text("已完成")
    assert ("sue", arrived["second"], "already_served") in {
        (e.user, e.target, e.detail) for e in audit.entries(console.conn,
                                                            action="serve_refused")}


def test_an_arrival_at_a_terminal_shows_up_by_itself(console, api, arrived, page) -> None:
    as_user(page, console, "sue")
    page.goto(f"{console.url}/console/appointments")
    slot = _ahead(console)[0]
    appt = _book(api, slot[0])
    expect(_row(page, appt)).to_contain_text("已预约")      # the live part, no reload
    _at(console, dt.datetime.fromisoformat(slot[1]) - dt.timedelta(minutes=10))
    _check_in(api, appt)
    expect(_row(page, appt).locator("button.serve")).to_be_visible()


def test_a_viewer_sees_no_people_nor_buttons_and_a_forged_post_is_refused(
        console, api, arrived, page) -> None:
    appt = _book(api, _ahead(console)[-1][0])            # a later slot of the same day
    with write(console.conn):                        # checked in at the desk's own counter
        console.conn.execute("UPDATE appointments SET status = 'checked_in' WHERE id = ?",
                             (appt,))
    as_user(page, console, "vic")
    expect(page.locator("nav >> text=今日预约")).to_have_count(0)
    page.goto(f"{console.url}/console/appointments")
    expect(_row(page, appt)).to_contain_text("已签到")
    expect(page.locator("button.serve")).to_have_count(0)
    assert "139****5678" not in page.content()
    token = page.locator("input[name=csrf]").first.get_attribute("value")
    as_viewer = page.request.post(f"{console.url}/console/appointments/{appt}/served",
                                  form={"csrf": token, "reply": "page"})
    assert as_viewer.status == 403
    as_user(page, console, "sue")
    without_token = page.request.post(f"{console.url}/console/appointments/{appt}/served",
                                      form={"reply": "page"})
    assert without_token.status == 403
    assert appointment(console.conn, appt)["status"] == "checked_in"
    assert "serve needs another role than viewer" in {
        e.detail for e in audit.entries(console.conn, action="refused") if e.user == "vic"}
