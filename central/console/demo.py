"""A generated fleet for the console's pictures and benchmark: terminals in halls and
groups with heartbeats in realistic states (most fine, some stale or offline, a few
out of paper or with a faulty reader, a backlog here and there) and a day of history.

Observations go through fleetview.observe, as a heartbeat's do, inside one
transaction so thousands take seconds, not minutes.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import sqlite3
from typing import Any

from central.console import fleetview
from central.db import iso, write
from central.devices import enroll
from central.secretbox import SecretBox

HALLS = ("东城区公共就业服务中心", "西城区公共就业服务中心", "朝阳区人力资源市场",
         "海淀区就业服务大厅", "丰台区社保就业大厅")
GROUPS = ("一楼大厅", "二楼窗口", "自助区")
# (share, what is wrong) — the rest are well
KINDS = ((0.03, "stale"), (0.03, "offline"), (0.02, "paper_near_end"), (0.01, "paper_out"),
         (0.005, "reader"), (0.005, "camera"), (0.01, "backlog"), (0.005, "dead"),
         (0.005, "skew"), (0.005, "disk"))


def health(kind: str, rng: random.Random) -> dict[str, Any]:
    """A TerminalHealth document of that kind of trouble ('' for a well terminal)."""
    printer = {"paper_near_end": "paper_near_end", "paper_out": "paper_out"}.get(kind, "ok")
    pending = rng.randint(60, 200) if kind == "backlog" else rng.choice((0, 0, 0, 1, 2))
    return {
        "release": "2026.11.3", "uptime_s": rng.randint(600, 600000),
        "session": rng.choice(("idle", "idle", "idle", "active")),
        "devices": {"reader": {"state": "sam_fault" if kind == "reader" else "ok"},
                    "printer": {"state": printer},
                    "camera": {"state": "lost" if kind == "camera" else "ok"},
                    "audio": {"state": "absent"}},
        "receipts_since_paper_change": rng.randint(0, 900),
        "outbox": {"pending": pending, "parked": 0, "set_aside": 2 if kind == "dead" else 0,
                   "oldest_age_s": 30.0 if pending else None},
        "catalog": {"last_sync": None, "age_s": 120.0},
        "clock_skew_s": 95.0 if kind == "skew" else round(rng.uniform(-2, 2), 2),
        "disk_free_mb": 180.0 if kind == "disk" else float(rng.randint(4000, 30000)),
        "memory_mb": float(rng.randint(180, 320)), "reachable": True,
        "config": {"version": 3, "pending_restart": []},
    }


def seed_fleet(conn: sqlite3.Connection, box: SecretBox, count: int, now: dt.datetime,
               history_every_s: int = 1800, seed: int = 7) -> list[str]:
    """count terminals T00001… with a day of history; returns their ids."""
    rng = random.Random(seed)
    ids = []
    with write(conn):
        for n in range(1, count + 1):
            device = f"T{n:05d}"
            ids.append(device)
            enroll(conn, box, device)
            hall = HALLS[n % len(HALLS)]
            fleetview.place(conn, device, f"{hall[:2]}-{n:05d}", hall, GROUPS[n % len(GROUPS)])
            pick, kind = rng.random(), ""
            for share, what in KINDS:
                if pick < share:
                    kind = what
                    break
                pick -= share
            age = {"stale": rng.randint(160, 500), "offline": rng.randint(700, 20000)
                   }.get(kind, rng.randint(1, 60))
            last = now - dt.timedelta(seconds=age)
            level = 0                  # the backlog wanders: mostly nothing, a few at times
            for back in range(86400 // history_every_s, 0, -1):
                at = last - dt.timedelta(seconds=back * history_every_s)
                level = max(0, min(6, level + rng.choice((-1, -1, -1, 0, 0, 0, 0, 1, 2))))
                conn.execute("INSERT INTO console_health VALUES(?, ?, ?, ?)",
                             (device, iso(at), "", level))
            doc = {"app_version": "2026.11.3", "health": health(
                "" if kind in ("stale", "offline") else kind, rng)}
            fleetview.observe(conn, device, doc, last)
    return ids


def fake_screen(label: str) -> bytes:
    """A small PNG standing in for a terminal's screenshot (the attract screen's look)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (270, 480), (14, 92, 160))
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 120, 250, 200), fill=(255, 255, 255))
    draw.rectangle((20, 220, 250, 300), fill=(255, 255, 255))
    draw.rectangle((20, 320, 250, 400), fill=(255, 210, 80))
    draw.text((24, 40), label, fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def add_screenshot(conn: sqlite3.Connection, device: str, now: dt.datetime) -> str:
    import json
    import secrets

    upload = f"S-{secrets.token_hex(6)}"
    with write(conn):
        conn.execute("INSERT INTO uploads VALUES(?, ?, 'screenshot', ?, ?, ?)",
                     (upload, device, json.dumps({"taken_at": iso(now)}),
                      fake_screen(device), iso(now)))
    return upload


# the desk's day in the pictures: (service, counsellor, room, HH:MM, minutes, state,
# name, phone) — a name and phone are sealed as a terminal's booking would be, None is a
# seat taken at the desk (no person recorded)
DESK_DAY = (
    ("G001", "王老师", "职业指导室1", "09:00", 30, "served", "陈建国", "13912340001"),
    ("G001", "王老师", "职业指导室1", "09:30", 30, "checked_in", "李秀英", "13812340002"),
    ("G001", "王老师", "职业指导室1", "10:00", 30, "booked", None, None),
    ("G001", "王老师", "职业指导室1", "10:30", 30, "cancelled", "赵磊", "13712340003"),
    ("G001", "李老师", "职业指导室2", "09:00", 30, "no_show", "孙丽", "13612340004"),
    ("G001", "李老师", "职业指导室2", "09:30", 30, "checked_in", "周洋", "15012340005"),
    ("G002", "李老师", "职业指导室3", "14:00", 30, "booked", "吴敏", "15112340006"),
    ("G007", "赵老师", "多功能厅", "14:30", 90, "booked", "郑伟", "18612340007"),
    ("G007", "赵老师", "多功能厅", "14:30", 90, "booked", None, None),
)


def seed_desk_day(conn: sqlite3.Connection, box: SecretBox, now: dt.datetime) -> int:
    """The demo services and a handful of today's appointments (China day of now) in
    every state, for the picture of the desk's page; how many appointments."""
    from central.demo.guidance import DESK_ROWS_SQL, make_services
    from central.demo.seed import put_items
    from central.guidance.window import grace_end
    from central.moments import CHINA

    day = now.astimezone(CHINA).date()
    with write(conn):
        put_items(conn, "services", make_services(), iso(now))
        for n, (service, who, room, hhmm, minutes, state, name, phone) in \
                enumerate(DESK_DAY):
            start = dt.datetime.combine(day, dt.time.fromisoformat(hhmm), CHINA)
            slot = f"{service}-{start:%Y%m%d%H%M}-{room}"
            conn.execute(
                "INSERT INTO slots(id, service_id, counsellor, starts_at, ends_at, capacity,"
                " booked, kind, room, starts_utc) VALUES(?, ?, ?, ?, ?, ?, 0, ?, ?, ?) "
                "ON CONFLICT(id) DO NOTHING",
                (slot, service, who, start.isoformat(),
                 (start + dt.timedelta(minutes=minutes)).isoformat(),
                 20 if service == "G007" else 1,
                 "group" if service == "G007" else "one_to_one", room, iso(start)))
            if state != "cancelled":
                conn.execute("UPDATE slots SET booked = booked + 1 WHERE id = ?", (slot,))
            sealed = box.seal({"name": name, "phone": phone}) if name else ""
            conn.execute(DESK_ROWS_SQL, (f"A-shot{n:02d}", slot, service, sealed, state,
                                         iso(now), iso(now), "T00001" if name else "desk",
                                         f"shot:{n}", "seeker" if name else "desk",
                                         grace_end(start.isoformat())))
    return len(DESK_DAY)
