"""The console's rules without a browser: alerts and opening hours, the terminal's
schema file in step with its settings, accounts from the command line."""

from __future__ import annotations

import datetime as dt

import pytest

from central.console import accounts, fleetview
from central.console.config_check import SCHEMA_FILE, ConfigInvalid, check
from central.console.demo import health
from central.console.errors import ConsoleError, SignInRefused
from central.db import connect

# a Wednesday, 10:00 and 22:00 in Beijing
DAY = dt.datetime(2026, 12, 2, 2, 0, tzinfo=dt.UTC)
NIGHT = dt.datetime(2026, 12, 2, 14, 0, tzinfo=dt.UTC)


def beat(kind: str = "") -> dict:
    import random

    return {"app_version": "1", "health": health(kind, random.Random(3))}


@pytest.fixture
def conn(tmp_path):
    conn = connect(tmp_path / "c" / "central.sqlite3")
    for device in ("A", "B"):
        conn.execute("INSERT INTO devices(id, key) VALUES(?, x'00')", (device,))
    fleetview.set_hall(conn, "东城", "08:30", "17:30", "12345")
    fleetview.place(conn, "A", "A", "东城", "g")
    return conn


def kinds(conn) -> set[str]:
    return {(a.device_id, a.kind) for a in fleetview.alerts(conn)}


def test_alerts_raise_with_the_heartbeat_and_clear_with_the_next(conn) -> None:
    assert fleetview.observe(conn, "A", beat("paper_out"), DAY) == ["paper_out"]
    assert kinds(conn) == {("A", "paper_out")}
    fleetview.observe(conn, "A", beat(), DAY + dt.timedelta(seconds=30))
    assert kinds(conn) == set()
    closed = fleetview.alerts(conn, open_only=False)
    assert closed[0].cause_at == fleetview.iso(DAY)       # the heartbeat that caused it


def test_offline_by_time_alone_and_only_while_the_hall_is_open(conn) -> None:
    fleetview.observe(conn, "A", beat(), NIGHT)
    fleetview.observe(conn, "B", beat(), NIGHT)            # B has no hall: always watched
    fleetview.sweep(conn, NIGHT + dt.timedelta(seconds=fleetview.OFFLINE_AFTER_S + 1))
    assert kinds(conn) == {("B", "offline")}               # A's hall is closed at night
    morning = NIGHT + dt.timedelta(hours=11)               # 09:00 Thursday
    fleetview.sweep(conn, morning)
    assert kinds(conn) == {("A", "offline"), ("B", "offline")}
    fleetview.observe(conn, "A", beat(), morning)
    assert kinds(conn) == {("B", "offline")}


def test_a_problem_seen_before_opening_is_raised_when_the_hall_opens(conn) -> None:
    early = dt.datetime(2026, 12, 2, 0, 25, tzinfo=dt.UTC)     # 08:25 in Beijing
    assert fleetview.observe(conn, "A", beat("reader"), early) == []
    fleetview.sweep(conn, early + dt.timedelta(minutes=2))
    assert kinds(conn) == set()
    fleetview.sweep(conn, early + dt.timedelta(minutes=6))     # 08:31: open
    assert kinds(conn) == {("A", "reader_fault")}


def test_states_sorting_and_filters(conn) -> None:
    fleetview.observe(conn, "A", beat(), DAY)
    fleetview.observe(conn, "B", beat("paper_out"), DAY)
    rows = fleetview.overview(conn, DAY)
    assert [r.device_id for r in rows] == ["B", "A"]       # what needs attention first
    later = DAY + dt.timedelta(seconds=fleetview.STALE_AFTER_S + 1)
    assert {r.state for r in fleetview.overview(conn, later)} == {"stale"}
    assert [r.device_id for r in fleetview.overview(
        conn, DAY, fleetview.Filters(hall="东城"))] == ["A"]
    assert [r.device_id for r in fleetview.overview(
        conn, DAY, fleetview.Filters(problem="paper_out"))] == ["B"]


def test_accounts_hash_roles_and_lock_out(conn) -> None:
    accounts.add_user(conn, "ada", "a long enough password", "admin", DAY)
    stored = conn.execute("SELECT hash FROM console_users").fetchone()[0]
    assert stored.startswith("$argon2id$") and "long enough" not in stored
    with pytest.raises(ConsoleError, match="at least"):
        accounts.add_user(conn, "bob", "short", "viewer", DAY)
    with pytest.raises(ConsoleError, match="roles are"):
        accounts.add_user(conn, "bob", "a long enough password", "root", DAY)
    for _ in range(accounts.MAX_FAILURES - 1):
        with pytest.raises(SignInRefused, match="wrong"):
            accounts.sign_in(conn, "ada", "nope", DAY)
    with pytest.raises(SignInRefused, match="now_locked"):
        accounts.sign_in(conn, "ada", "nope", DAY)
    with pytest.raises(SignInRefused, match="locked"):
        accounts.sign_in(conn, "ada", "a long enough password", DAY)
    token, session = accounts.sign_in(conn, "ada", "a long enough password",
                                      DAY + dt.timedelta(seconds=accounts.LOCK_S + 1))
    assert accounts.session_of(conn, token, DAY + dt.timedelta(hours=1)) == session
    assert accounts.session_of(conn, token, DAY + dt.timedelta(hours=9)) is None  # expired
    with pytest.raises(SignInRefused, match="wrong"):
        accounts.sign_in(conn, "nobody", "a long enough password", DAY)


def test_the_schema_file_is_the_terminals_own() -> None:
    from kiosk.fleet.schema import schema_json

    assert SCHEMA_FILE.read_text("utf-8") == schema_json(), \
        "run: kiosk config --json-schema > central/console/terminal-config.schema.json"
    check({"kiosk": {"staff_desk": "3", "languages": ["zh", "en"]}, "logging": {"level": "INFO"}})
    for bad, words in (({"kiosk": {"warning_s": 5}}, "less than the minimum of 20"),
                       ({"paths": {"data_dir": "/tmp"}}, "'paths' was unexpected"),
                       ({"platform": {"key_file": "/k"}}, "'key_file' was unexpected"),
                       ({"logging": {"level": "LOUD"}}, "logging.level")):
        with pytest.raises(ConfigInvalid, match=words):
            check(bad)


def test_kiosk_central_user_add_passwd_role_and_hall(tmp_path, monkeypatch, capsys) -> None:
    """The commands in this process (main() as the `kiosk` entry point runs it), the
    password on stdin as a script gives it."""
    import io

    from kiosk_command.main import main

    db = str(tmp_path / "c" / "central.sqlite3")

    def kiosk(*args: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(["central", *args])
        out = capsys.readouterr()
        return code, out.out.strip(), out.err.strip()

    assert kiosk("user", "add", "--db", db, "first.admin", "admin",
                 stdin="the first admin's password\n") == (
        0, "first.admin: account added (admin)", "")
    assert kiosk("user", "role", "--db", db, "first.admin", "staff")[1] == \
        "first.admin: admin -> staff"
    assert kiosk("user", "passwd", "--db", db, "first.admin",
                 stdin="another long password\n")[0] == 0
    code, _out, err = kiosk("user", "passwd", "--db", db, "first.admin", stdin="short\n")
    assert code == 2 and "at least" in err
    conn = connect(tmp_path / "c" / "central.sqlite3")
    assert accounts.sign_in(conn, "first.admin", "another long password", DAY)[1].role == "staff"
    logged = [r[0] for r in conn.execute("SELECT action FROM console_audit ORDER BY id")]
    assert logged == ["user_add", "user_role", "user_passwd"]
    assert kiosk("hall", "--db", db, "东城", "--opens", "09:00", "--days", "123456")[1] == \
        "东城: 09:00-17:30 on weekdays 123456"
    assert fleetview.hours(conn)["东城"] == fleetview.Hours("09:00", "17:30", "123456")
    code, _out, err = kiosk("hall", "--db", db, "东城", "--opens", "18:00")
    assert code == 2 and "opens first" in err
