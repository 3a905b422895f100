"""`kiosk central console-shot`: the console's main pages as PNG files.

A throwaway platform (in this process, on loopback) gets a generated fleet of 60
terminals, a policy question, a help request, a day of appointments at the desk
and an admin; headless Chromium signs in and draws each page. The pictures in
docs/console.md are made this way.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from pathlib import Path

PASSWORD = "console-shot-password"
PAGES = (("sign-in", "/console/sign-in"), ("overview", "/console/overview"),
         ("alerts", "/console/alerts"), ("terminal", "/console/terminals/T00002"),
         ("enrolment", "/console/enrolment"), ("questions", "/console/questions"),
         ("help", "/console/help"), ("appointments", "/console/appointments"),
         ("audit", "/console/audit"))


def shoot(out: Path, lang: str = "zh", executable: str = "/usr/bin/chromium") -> list[Path]:
    from central.app import create_app
    from central.console import accounts, demo, fleetview
    from central.console.browser import chromium, sign_in
    from central.console.clock import MovableClock
    from central.console.serving import ThreadServer
    from central.db import iso, write
    from central.enrolment import ask, code_hash
    from central.questions import record

    out.mkdir(parents=True, exist_ok=True)
    made = []
    with tempfile.TemporaryDirectory(prefix="console-shot-") as tmp:
        clock = MovableClock()
        app = create_app(Path(tmp) / "db" / "central.sqlite3", clock=clock)
        conn, box, now = app.state.db, app.state.box, clock()
        demo.seed_fleet(conn, box, 60, now, history_every_s=120)
        demo.add_screenshot(conn, "T00002", now)
        demo.add_screenshot(conn, "T00003", now)
        fleetview.observe(conn, "T00002", {"app_version": "2026.11.3", "health": demo.health(
            "paper_out", random.Random(1))}, now)
        with write(conn):              # out of paper for the last two hours of its day
            conn.execute("UPDATE console_health SET problems = 'paper_out' WHERE device_id = "
                         "'T00002' AND at > ?", (iso(now - dt.timedelta(hours=2)),))
            record(conn, box, {"tracking_number": "ZX20261202001", "question":
                               "失业保险金可以领取多久？我在单位工作了三年。",
                               "phone": "13800001234", "policy_id": "P-unemployment",
                               "asked_at": (now - dt.timedelta(hours=3)).isoformat()},
                   None, "T00001")
        demo.seed_desk_day(conn, box, now)
        fleetview.ask_help(conn, "H-shot-1", "T00004", "3", now - dt.timedelta(minutes=2))
        ask(conn, "0" * 31 + "1", "haidian-new-7", code_hash("12345678"), bytes(32))
        accounts.add_user(conn, "zhang.wei", PASSWORD, "admin", now)
        with ThreadServer(app) as server, chromium(executable) as browser:
            page = browser.new_page()
            if lang == "en":
                page.goto(f"{server.url}/console/lang?to=en&back=/console/sign-in")
            for name, path in PAGES:
                if name == "overview":
                    sign_in(page, server.url, "zhang.wei", "not the password")
                    sign_in(page, server.url, "zhang.wei", PASSWORD)
                    page.goto(f"{server.url}/console/terminals/T00002")
                    page.click("button[data-kind='print_test_page']")
                    page.click("#confirm")
                page.goto(server.url + path)
                target = out / f"console-{name}-{lang}.png"
                page.screenshot(path=str(target), full_page=True)
                made.append(target)
    return made
