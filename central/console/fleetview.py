"""What the console knows of each terminal: its place, what its heartbeats said, its
state from their age, and the alerts that raise and clear themselves.

A heartbeat is observed when it arrives (observe(), called by the heartbeat route in
the same request): its problems are worked out once, a row goes into the 24-hour
history, and alerts for its problems are raised or cleared there and then, so an
alert's delay is the heartbeat's own. Offline is a matter of time passing, so
sweep() (run when the console is looked at) raises offline alerts, and problems
that arrived while a hall was closed, once it opens. Outside a hall's opening hours
nothing new is raised: a terminal switched off at night is no alarm.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from central.db import CHINA, iso, read, write

STALE_AFTER_S = 150          # two and a half heartbeats of 60 s missing
OFFLINE_AFTER_S = 600
HISTORY_S = 24 * 3600
# the history keeps a heartbeat every 5 minutes, and every one whose problems changed:
# 288 rows a day for a quiet terminal, not 1,440
SAMPLE_EVERY_S = 300
BACKLOG_ALERT = 50           # pending outbox items
BACKLOG_AGE_S = 900          # oldest pending one's age
SKEW_ALERT_S = 60
DISK_LOW_MB = 500
# problem -> how much it needs attention (offline 5 outranks everything)
SEVERITY = {"offline": 5, "paper_out": 4, "printer_fault": 4, "reader_fault": 4,
            "camera_fault": 3, "dead_letters": 3, "backlog": 3, "disk_low": 3,
            "clock_skew": 2, "stale": 2, "paper_low": 1, "out_of_service": 1}
ALERTING = frozenset(SEVERITY) - {"stale", "out_of_service"}
PROBLEMS = tuple(sorted(SEVERITY, key=lambda p: -SEVERITY[p]))
STATES = ("online", "stale", "offline", "never")


def problems_of(health: dict[str, Any]) -> list[str]:
    """The problems a TerminalHealth document shows, worst first."""
    found: set[str] = set()
    devices = health.get("devices", {})
    printer = devices.get("printer", {}).get("state")
    if printer == "paper_out":
        found.add("paper_out")
    elif printer == "paper_near_end":
        found.add("paper_low")
    elif printer in ("cover_open", "fault", "offline"):
        found.add("printer_fault")
    if devices.get("reader", {}).get("state") in ("no_reader", "sam_fault", "fault"):
        found.add("reader_fault")
    if devices.get("camera", {}).get("state") in ("lost", "reconnecting"):
        found.add("camera_fault")
    outbox = health.get("outbox", {})
    if outbox.get("set_aside", 0) > 0:
        found.add("dead_letters")
    if outbox.get("pending", 0) >= BACKLOG_ALERT or (outbox.get("oldest_age_s") or 0) \
            >= BACKLOG_AGE_S:
        found.add("backlog")
    if abs(health.get("clock_skew_s") or 0) >= SKEW_ALERT_S:
        found.add("clock_skew")
    if health.get("disk_free_mb", DISK_LOW_MB) < DISK_LOW_MB:
        found.add("disk_low")
    if health.get("session") == "out_of_service":
        found.add("out_of_service")
    return sorted(found, key=lambda p: -SEVERITY[p])


# -- halls and their hours -------------------------------------------------------------

@dataclass(frozen=True)
class Hours:
    opens: str = "00:00"
    closes: str = "24:00"
    days: str = "1234567"        # ISO weekdays, 1 Monday

    def open_at(self, moment: dt.datetime) -> bool:
        local = moment.astimezone(CHINA)
        return str(local.isoweekday()) in self.days and \
            self.opens <= local.strftime("%H:%M") < self.closes


ALWAYS = Hours()


def set_hall(conn: sqlite3.Connection, name: str, opens: str, closes: str, days: str) -> None:
    """A hall's opening hours (China time, HH:MM, weekdays as digits 1-7)."""
    from central.console.errors import ConsoleError

    ok = all(len(t) == 5 and t[2] == ":" and t[:2].isdigit() and t[3:].isdigit()
             for t in (opens, closes)) and opens < closes and days and \
        set(days) <= set("1234567")
    if not name or not ok:
        raise ConsoleError("hours are HH:MM to HH:MM (opens first) on weekdays 1-7, e.g. 12345")
    with write(conn):
        conn.execute("INSERT INTO console_halls VALUES(?, ?, ?, ?) ON CONFLICT(name) DO UPDATE "
                     "SET opens = excluded.opens, closes = excluded.closes, "
                     "days = excluded.days", (name, opens, closes, days))


def hours(conn: sqlite3.Connection) -> dict[str, Hours]:
    with read(conn):
        return {r[0]: Hours(*r[1:]) for r in conn.execute("SELECT * FROM console_halls")}


def place(conn: sqlite3.Connection, device: str, name: str, hall: str, group: str) -> None:
    """Name a terminal and put it in a hall and group."""
    from central.console.errors import ConsoleError

    if not (0 < len(name) <= 60 and len(hall) <= 60 and len(group) <= 60):
        raise ConsoleError("a name is 1 to 60 characters, a hall and a group at most 60")
    with write(conn):
        conn.execute("INSERT INTO console_terminals VALUES(?, ?, ?, ?) ON CONFLICT(device_id) "
                     "DO UPDATE SET name = excluded.name, hall = excluded.hall, "
                     "grp = excluded.grp", (device, name, hall, group))


def _hall_of(conn: sqlite3.Connection, device: str) -> Hours:
    row = conn.execute("SELECT h.opens, h.closes, h.days FROM console_terminals t JOIN "
                       "console_halls h ON h.name = t.hall WHERE t.device_id = ?",
                       (device,)).fetchone()
    return Hours(*row) if row else ALWAYS


# -- heartbeats and alerts -------------------------------------------------------------

def observe(conn: sqlite3.Connection, device: str, doc: dict[str, Any],
            now: dt.datetime) -> list[str]:
    """Take in a heartbeat (HeartbeatIn); returns the alerts it raised."""
    health = doc.get("health", {})
    problems = problems_of(health)
    outbox = health.get("outbox", {})
    backlog = int(outbox.get("pending", 0)) + int(outbox.get("parked", 0))
    stamp = iso(now)
    with write(conn):
        conn.execute("INSERT INTO console_status VALUES(?, ?, ?, ?, ?, ?, ?) ON CONFLICT("
                     "device_id) DO UPDATE SET seen_at = excluded.seen_at, app_version = "
                     "excluded.app_version, health = excluded.health, problems = "
                     "excluded.problems, backlog = excluded.backlog, attention = "
                     "excluded.attention",
                     (device, stamp, health.get("release") or doc.get("app_version", ""),
                      json.dumps(health, ensure_ascii=False), ",".join(problems), backlog,
                      SEVERITY[problems[0]] if problems else 0))
        last = conn.execute("SELECT at, problems FROM console_health WHERE device_id = ? "
                            "ORDER BY at DESC LIMIT 1", (device,)).fetchone()
        if last is None or last[1] != ",".join(problems) or \
                last[0] < iso(now - dt.timedelta(seconds=SAMPLE_EVERY_S)):
            conn.execute("INSERT INTO console_health VALUES(?, ?, ?, ?)",
                         (device, stamp, ",".join(problems), backlog))
            conn.execute("DELETE FROM console_health WHERE device_id = ? AND at < ?",
                         (device, iso(now - dt.timedelta(seconds=HISTORY_S))))
        return _settle(conn, device, set(problems) & ALERTING, now, stamp)


def _settle(conn: sqlite3.Connection, device: str, wanted: set[str], now: dt.datetime,
            cause: str) -> list[str]:
    """Clear open alerts no longer wanted, raise wanted ones (if the hall is open)."""
    open_ = {r[0]: r[1] for r in conn.execute(
        "SELECT kind, id FROM console_alerts WHERE device_id = ? AND cleared_at IS NULL",
        (device,))}
    for kind in set(open_) - wanted:
        conn.execute("UPDATE console_alerts SET cleared_at = ? WHERE id = ?",
                     (iso(now), open_[kind]))
    raised = sorted(wanted - set(open_))
    if raised and _hall_of(conn, device).open_at(now):
        conn.executemany("INSERT INTO console_alerts(device_id, kind, raised_at, cause_at) "
                         "VALUES(?, ?, ?, ?)", [(device, k, iso(now), cause) for k in raised])
        return raised
    return []


def sweep(conn: sqlite3.Connection, now: dt.datetime) -> None:
    """Raise what time alone brings: offline terminals, and problems held back while
    their hall was closed (only terminals with something wrong are looked at)."""
    gone = iso(now - dt.timedelta(seconds=OFFLINE_AFTER_S))
    with write(conn):
        silent = conn.execute(
            "SELECT s.device_id, s.seen_at FROM console_status s WHERE s.seen_at < ? AND NOT "
            "EXISTS (SELECT 1 FROM console_alerts a WHERE a.device_id = s.device_id AND "
            "a.kind = 'offline' AND a.cleared_at IS NULL)", (gone,)).fetchall()
        for device, seen in silent:
            _settle(conn, device, _open_kinds(conn, device) | {"offline"}, now, seen)
        troubled = conn.execute("SELECT device_id, seen_at, problems FROM console_status "
                                "WHERE problems != '' AND seen_at >= ?", (gone,)).fetchall()
        for device, seen, problems in troubled:
            wanted = set(problems.split(",")) & ALERTING
            if wanted - _open_kinds(conn, device):
                _settle(conn, device, wanted, now, seen)


def _open_kinds(conn: sqlite3.Connection, device: str) -> set[str]:
    return {r[0] for r in conn.execute("SELECT kind FROM console_alerts WHERE device_id = ? "
                                       "AND cleared_at IS NULL", (device,))}


@dataclass(frozen=True)
class Alert:
    device_id: str
    name: str
    kind: str
    raised_at: str
    cause_at: str
    cleared_at: str | None


def alerts(conn: sqlite3.Connection, device: str | None = None, open_only: bool = True,
           limit: int = 200) -> list[Alert]:
    where = ["1 = 1"]
    args: list[object] = []
    if open_only:
        where.append("a.cleared_at IS NULL")
    if device:
        where.append("a.device_id = ?")
        args.append(device)
    with read(conn):
        rows = conn.execute(
            "SELECT a.device_id, coalesce(t.name, a.device_id), a.kind, a.raised_at, a.cause_at,"
            " a.cleared_at FROM console_alerts a LEFT JOIN console_terminals t ON "
            f"t.device_id = a.device_id WHERE {' AND '.join(where)} ORDER BY a.id DESC LIMIT ?",
            (*args, limit)).fetchall()
    return [Alert(*r) for r in rows]


def open_alert_count(conn: sqlite3.Connection) -> int:
    with read(conn):
        return conn.execute("SELECT count(*) FROM console_alerts WHERE cleared_at IS NULL"
                            ).fetchone()[0]


# -- the overview ----------------------------------------------------------------------

@dataclass
class Row:
    device_id: str
    name: str
    hall: str
    group: str
    state: str
    seen_at: str | None
    app_version: str
    problems: list[str]
    backlog: int
    devices: dict[str, str] = field(default_factory=dict)
    screenshot: str | None = None
    raw: str = ""                # the devices' JSON, read only for the rows shown

    @property
    def attention(self) -> int:
        marks = [SEVERITY.get(p, 0) for p in self.problems]
        marks.append({"offline": 5, "stale": 2, "never": 1}.get(self.state, 0))
        return max(marks)


def state_of(seen_at: str | None, now: dt.datetime) -> str:
    if seen_at is None:
        return "never"
    if seen_at < iso(now - dt.timedelta(seconds=OFFLINE_AFTER_S)):
        return "offline"
    if seen_at < iso(now - dt.timedelta(seconds=STALE_AFTER_S)):
        return "stale"
    return "online"


@dataclass(frozen=True)
class Filters:
    hall: str = ""
    group: str = ""
    state: str = ""
    problem: str = ""


def _where(now: dt.datetime, filters: Filters) -> tuple[str, list[object]]:
    """The filters as SQL over the overview's joined rows (state from the age of the
    last heartbeat, problem as one of the stored list's words). An SMS gateway is a
    signed client but no terminal: it sends no heartbeats and is left out."""
    stale, gone = (iso(now - dt.timedelta(seconds=s)) for s in (STALE_AFTER_S,
                                                                OFFLINE_AFTER_S))
    where: list[str] = ["d.id NOT IN (SELECT device_id FROM sms_gateways)"]
    args: list[object] = []
    if filters.hall:
        where.append("t.hall = ?")
        args.append(filters.hall)
    if filters.group:
        where.append("t.grp = ?")
        args.append(filters.group)
    state = {"never": "s.seen_at IS NULL", "offline": "s.seen_at < ?",
             "stale": "s.seen_at >= ? AND s.seen_at < ?", "online": "s.seen_at >= ?"}
    state_args = {"never": [], "offline": [gone], "stale": [gone, stale], "online": [stale]}
    if filters.state in state:
        where.append(state[filters.state])
        args += state_args[filters.state]
    if filters.problem in ("offline", "stale"):
        where.append(state[filters.problem])
        args += state_args[filters.problem]
    elif filters.problem:
        where.append("(',' || s.problems || ',') LIKE ?")
        args.append(f"%,{filters.problem},%")
    return " AND ".join(where), args


ALL_ROWS = 2**62      # LIMIT for "no limit" (SQLite's -1 is an error on PostgreSQL)
OVERVIEW_SQL = (
    "SELECT d.id, coalesce(t.name, d.id), coalesce(t.hall, ''), coalesce(t.grp, ''), "
    "s.seen_at, coalesce(s.app_version, ''), coalesce(s.problems, ''), coalesce(s.backlog, 0),"
    " json_extract(s.health, '$.devices') FROM devices d "
    "LEFT JOIN console_terminals t ON t.device_id = d.id "
    "LEFT JOIN console_status s ON s.device_id = d.id ")


def overview(conn: sqlite3.Connection, now: dt.datetime, filters: Filters = Filters(),
             limit: int = -1, offset: int = 0) -> list[Row]:
    """The terminals (after the filters), what needs attention most first: offline,
    then the worst problem, stale, never seen; the longest silent first among equals."""
    stale, gone = (iso(now - dt.timedelta(seconds=s)) for s in (STALE_AFTER_S,
                                                                OFFLINE_AFTER_S))
    where, args = _where(now, filters)
    # the larger of its worst problem's weight and its silence's (a CASE: SQLite's
    # two-argument max is PostgreSQL's greatest)
    silence = ("CASE WHEN s.seen_at IS NULL THEN 1 WHEN s.seen_at < ? THEN 5 "
               "WHEN s.seen_at < ? THEN 2 ELSE 0 END")
    mark = (f"CASE WHEN coalesce(s.attention, 0) > {silence} THEN coalesce(s.attention, 0) "
            f"ELSE {silence} END")
    with read(conn):
        rows = conn.execute(OVERVIEW_SQL + f"WHERE {where} ORDER BY {mark} DESC, "
                            "coalesce(s.seen_at, ''), coalesce(t.name, d.id) LIMIT ? OFFSET ?",
                            (*args, gone, stale, gone, stale,
                             limit if limit >= 0 else ALL_ROWS, offset)).fetchall()
    out = []
    for device, name, hall, group, seen, version, problems, backlog, devices in rows:
        state = state_of(seen, now)
        found = [p for p in problems.split(",") if p]
        if state in ("stale", "offline"):
            found.insert(0, state)
        out.append(Row(device, name, hall, group, state, seen, version, found, backlog,
                       raw=devices or ""))
    return out


def counts(conn: sqlite3.Connection, now: dt.datetime, filters: Filters = Filters()
           ) -> dict[str, int]:
    """How many terminals (after the filters) are in each state."""
    stale, gone = (iso(now - dt.timedelta(seconds=s)) for s in (STALE_AFTER_S,
                                                                OFFLINE_AFTER_S))
    where, args = _where(now, filters)
    found = {s: 0 for s in STATES}
    with read(conn):
        for state, n in conn.execute(
                "SELECT CASE WHEN s.seen_at IS NULL THEN 'never' WHEN s.seen_at < ? THEN "
                "'offline' WHEN s.seen_at < ? THEN 'stale' ELSE 'online' END, count(*) FROM "
                "devices d LEFT JOIN console_terminals t ON t.device_id = d.id LEFT JOIN "
                f"console_status s ON s.device_id = d.id WHERE {where} GROUP BY 1",
                (gone, stale, *args)):
            found[state] = n
    return found


def with_screenshots(conn: sqlite3.Connection, rows: list[Row]) -> None:
    """Fill in the devices' states and the last screenshot's id of the rows shown (one
    query for the page, not for the whole fleet)."""
    if not rows:
        return
    for r in rows:
        if r.raw:
            r.devices = {k: v.get("state", "") for k, v in json.loads(r.raw).items()}
    marks = ",".join("?" * len(rows))
    with read(conn):
        found = dict(conn.execute(
            "SELECT device_id, id FROM (SELECT device_id, id, row_number() OVER (PARTITION BY "
            "device_id ORDER BY created_at DESC) AS n FROM uploads WHERE kind = 'screenshot' "
            f"AND device_id IN ({marks})) AS latest WHERE n = 1",
            [r.device_id for r in rows]).fetchall())
    for r in rows:
        r.screenshot = found.get(r.device_id)


def choices(conn: sqlite3.Connection) -> tuple[list[str], list[str]]:
    """The halls and groups there are (for the filters)."""
    with read(conn):
        halls = [r[0] for r in conn.execute("SELECT DISTINCT hall FROM console_terminals "
                                            "WHERE hall != '' ORDER BY hall")]
        groups = [r[0] for r in conn.execute("SELECT DISTINCT grp FROM console_terminals "
                                             "WHERE grp != '' ORDER BY grp")]
    return halls, groups


# -- one terminal ----------------------------------------------------------------------

def terminal(conn: sqlite3.Connection, device: str, now: dt.datetime
             ) -> tuple[Row, dict[str, Any]] | None:
    """The overview's row of one terminal and its last health document."""
    with read(conn):
        row = conn.execute(
            "SELECT d.id, coalesce(t.name, d.id), coalesce(t.hall, ''), coalesce(t.grp, ''), "
            "s.seen_at, coalesce(s.app_version, ''), coalesce(s.problems, ''), "
            "coalesce(s.backlog, 0), coalesce(s.health, '{}') FROM devices d "
            "LEFT JOIN console_terminals t ON t.device_id = d.id "
            "LEFT JOIN console_status s ON s.device_id = d.id WHERE d.id = ?",
            (device,)).fetchone()
    if row is None:
        return None
    health = json.loads(row[8])
    state = state_of(row[4], now)
    found = [p for p in row[6].split(",") if p]
    if state in ("stale", "offline"):
        found.insert(0, state)
    devices = {k: v.get("state", "") for k, v in health.get("devices", {}).items()}
    return Row(row[0], row[1], row[2], row[3], state, row[4], row[5], found, row[7],
               devices), health


@dataclass(frozen=True)
class Sample:
    at: str
    problems: str
    backlog: int


def history(conn: sqlite3.Connection, device: str, now: dt.datetime) -> list[Sample]:
    with read(conn):
        rows = conn.execute("SELECT at, problems, backlog FROM console_health WHERE device_id = ?"
                            " AND at >= ? ORDER BY at", (device, iso(
                                now - dt.timedelta(seconds=HISTORY_S)))).fetchall()
    return [Sample(*r) for r in rows]


def chart(samples: list[Sample], now: dt.datetime, width: int = 720, height: int = 120
          ) -> dict[str, Any]:
    """Shapes of the 24-hour chart: a band of states (green ok, amber a problem, red a
    fault, nothing where no heartbeat came) and the backlog as a line."""
    start = now - dt.timedelta(seconds=HISTORY_S)

    def x(at: str) -> float:
        moment = dt.datetime.strptime(at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)
        return round((moment - start).total_seconds() / HISTORY_S * width, 1)

    band, points = [], []
    top = max([s.backlog for s in samples] + [1])
    for i, s in enumerate(samples):
        x0 = x(s.at)
        x1 = x(samples[i + 1].at) if i + 1 < len(samples) else float(width)
        # a sample stands until the next; a longer silence than a sample's spacing and
        # a stale terminal's allowance is a gap
        x1 = min(x1, x0 + width * (SAMPLE_EVERY_S + STALE_AFTER_S) / HISTORY_S + 1)
        worst = max([SEVERITY.get(p, 0) for p in s.problems.split(",") if p] + [0])
        band.append({"x": x0, "w": max(x1 - x0, 1.5),
                     "level": "bad" if worst >= 4 else "warn" if worst else "ok"})
        points.append(f"{x0},{round(height - 36 - (height - 50) * s.backlog / top, 1)}")
    return {"width": width, "height": height, "band": band, "line": " ".join(points),
            "top": top}


# -- help requests from the terminals' "call staff" button ----------------------------

@dataclass(frozen=True)
class HelpRequest:
    id: str
    device_id: str
    name: str
    hall: str
    desk: str
    asked_at: str
    taken_by: str | None


def ask_help(conn: sqlite3.Connection, request_id: str, device: str, desk: str,
             now: dt.datetime) -> None:
    with write(conn):
        conn.execute("INSERT INTO console_help(id, device_id, desk, asked_at) VALUES(?, ?, ?, ?)"
                     " ON CONFLICT(id) DO NOTHING", (request_id, device, desk, iso(now)))


def help_requests(conn: sqlite3.Connection, hall: str = "") -> list[HelpRequest]:
    """Open help requests, the longest waiting first."""
    with read(conn):
        rows = conn.execute(
            "SELECT h.id, h.device_id, coalesce(t.name, h.device_id), coalesce(t.hall, ''), "
            "h.desk, h.asked_at, h.taken_by FROM console_help h LEFT JOIN console_terminals t "
            "ON t.device_id = h.device_id WHERE h.done_at IS NULL ORDER BY h.asked_at").fetchall()
    return [HelpRequest(*r) for r in rows if not hall or r[3] == hall]


def handle_help(conn: sqlite3.Connection, request_id: str, user: str, done: bool,
                now: dt.datetime) -> bool:
    column = "done_at" if done else "taken_at"
    with write(conn):
        return bool(conn.execute(
            f"UPDATE console_help SET {column} = ?, taken_by = coalesce(taken_by, ?) "
            "WHERE id = ? AND done_at IS NULL", (iso(now), user, request_id)).rowcount)
