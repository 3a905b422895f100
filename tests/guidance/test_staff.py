"""Staff's side over the real HTTP server: serving a checked-in visitor from the
console (signed in, CSRF, audited, refused to other roles and other states), and
the desk's seats in the demo data as appointment rows of their own."""

from __future__ import annotations

import datetime as dt
import re

import requests

from central.console import accounts
from central.console.audit import entries
from kiosk.platform.identity import id_hash
from tests.guidance.conftest import key, start_of

PASSWORD = "a long enough password"


def _signed_in(platform, name: str, role: str) -> tuple[requests.Session, str]:
    """A browser-like session signed in to the console; (session, its CSRF token)."""
    platform.app.state.console_secure = False        # plain http on loopback
    if not any(u[0] == name for u in accounts.users(platform.conn)):
        accounts.add_user(platform.conn, name, PASSWORD, role, platform.clock())
    web = requests.Session()
    page = web.get(f"{platform.url}/console/sign-in", timeout=5)
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    done = web.post(f"{platform.url}/console/sign-in", timeout=5, allow_redirects=False,
                    data={"name": name, "password": PASSWORD, "csrf": token})
    assert done.status_code == 303, done.text
    overview = web.get(f"{platform.url}/console/overview", timeout=5)
    return web, re.search(r'name="csrf" value="([^"]+)"', overview.text).group(1)


def _served(platform, web: requests.Session, csrf: str, appt: str) -> requests.Response:
    return web.post(f"{platform.url}/console/appointments/{appt}/served",
                    data={"csrf": csrf}, timeout=5, allow_redirects=False)


def test_staff_serve_a_checked_in_visitor_once(platform) -> None:
    slot = platform.slot("kind = 'one_to_one' AND booked = 0", n=40)
    booked = platform.book(slot["id"], id_hash("110301"))
    assert booked.status_code == 201
    appt = booked.json()["id"]
    web, csrf = _signed_in(platform, "sue", "staff")
    early = _served(platform, web, csrf, appt)
    assert early.status_code == 409 and early.json()["error"] == "not_checked_in"
    platform.set_time(start_of(slot) - dt.timedelta(minutes=5))
    arrived = platform.api.post("/appointments/checkin", {"appointment_id": appt}, idem=key())
    assert arrived.status_code == 200
    web, csrf = _signed_in(platform, "sue", "staff")    # days later: a new console session
    done = _served(platform, web, csrf, appt)
    assert done.status_code == 200 and done.json()["status"] == "served"
    again = _served(platform, web, csrf, appt)
    assert again.status_code == 409 and again.json()["error"] == "already_served"
    log = [(e.user, e.action, e.target) for e in entries(platform.conn, 20)]
    assert ("sue", "serve", appt) in log and ("sue", "serve_refused", appt) in log
    assert all("110301" not in (e.detail or "") for e in entries(platform.conn, 50))


def test_serving_needs_the_staff_role_and_the_csrf_token(platform) -> None:
    web, csrf = _signed_in(platform, "vic", "viewer")
    refused = _served(platform, web, csrf, "A-0000")
    assert refused.status_code == 403
    staff, _ = _signed_in(platform, "sue", "staff")
    forged = _served(platform, staff, "not-the-token", "A-0000")
    assert forged.status_code in (400, 403)
    anonymous = requests.post(f"{platform.url}/console/appointments/A-0000/served",
                              data={"csrf": csrf}, timeout=5, allow_redirects=False)
    assert anonymous.status_code in (303, 401)
    staff_csrf = _signed_in(platform, "sue", "staff")
    unknown = _served(platform, staff_csrf[0], staff_csrf[1], "A-0000")
    assert unknown.status_code == 404 and unknown.json()["error"] == "unknown_appointment"


def test_every_seat_the_desk_took_is_an_appointment_row(platform) -> None:
    mismatched = platform.rows(
        "SELECT s.id, s.booked, (SELECT count(*) FROM appointments a WHERE a.slot_id = s.id "
        "AND a.status <> 'cancelled') FROM slots s")     # served and no-shows used their seat
    assert [r for r in mismatched if r[1] != r[2]] == []
    desk = platform.rows("SELECT count(*), count(DISTINCT holder), max(id_hash), "
                         "sum(CASE WHEN data = '' THEN 1 ELSE 0 END) FROM appointments "
                         "WHERE booker = 'desk'")[0]
    assert desk[0] > 50 and desk[1] == desk[0] and desk[2] is None and desk[3] == desk[0]
    assert platform.rows("SELECT count(*) FROM notifications n JOIN appointments a "
                         "ON a.id = n.appointment_id WHERE a.booker = 'desk'")[0][0] == 0
