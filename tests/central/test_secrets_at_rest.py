"""Terminal keys are sealed in the database; its files are the owner's alone; a damaged
or missing secret stops the start with one clear line instead of failing every request."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from central.db import connect, schema_revision
from central.migrations import HEAD
from central.schema import SCHEMA
from kiosk_command.platform_proc import PlatformProcess, PlatformStartError
from tests.central.signed import SignedApi

pytestmark = pytest.mark.sqlite_only   # SQLite's own file, versions and migrations

OLD_KEY = "5e" * 32


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(autouse=True)
def usual_umask():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_terminal_keys_are_not_in_the_database_files(api, platform):
    assert api.get("/fairs?limit=1").status_code == 200
    key = platform.key_file.read_text().strip()
    raw = b"".join(p.read_bytes() for p in platform.db_path.parent.glob("central.sqlite3*")
                   if not p.name.endswith(".secret"))
    assert key.encode() not in raw
    with sqlite3.connect(platform.db_path) as conn:
        assert conn.execute("SELECT typeof(key) FROM devices").fetchall() == [("blob",)]


def test_database_files_and_folder_are_private(tmp_path):
    path = tmp_path / "fresh" / "central.sqlite3"
    with PlatformProcess(path.parent, demo_data=False) as platform:
        api = SignedApi(platform.url, platform.device_id, platform.key_file.read_text().strip())
        assert api.post("/ratings", {"service": "综合窗口", "score": 5},
                        idem="r-1").status_code == 201
        names = ["central.sqlite3", "central.sqlite3-wal", "central.sqlite3-shm",
                 "central.sqlite3.secret", "demo-001.key"]
        assert {n: mode(path.parent / n) for n in names} == {n: 0o600 for n in names}
    assert mode(path.parent) == 0o700
    assert not list(path.parent.glob(".*.tmp"))        # the secret was written whole


def _old_database(folder) -> None:
    """A database as version 1 left it: keys in plain text, files 0644 in a 0755 folder."""
    folder.mkdir(mode=0o755)
    path = folder / "central.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.executescript(SCHEMA)
        conn.execute("INSERT INTO devices(id, key) VALUES('old-7', ?)", (OLD_KEY,))
        conn.execute("PRAGMA user_version=1")
    path.chmod(0o644)


def test_database_of_the_previous_version_keeps_working(tmp_path):
    folder = tmp_path / "old"
    _old_database(folder)
    with PlatformProcess(folder, demo_data=False) as platform:
        old = SignedApi(platform.url, "old-7", OLD_KEY)
        assert old.get("/fairs?limit=1").status_code == 200
        assert old.post("/ratings", {"service": "综合窗口", "score": 3},
                        idem="r-old").status_code == 201
    with sqlite3.connect(platform.db_path) as conn:
        assert {t for (t,) in conn.execute("SELECT typeof(key) FROM devices")} == {"blob"}
    assert schema_revision(platform.db_path) == HEAD
    assert OLD_KEY.encode() not in platform.db_path.read_bytes()
    assert mode(platform.db_path) == 0o600 and mode(folder) == 0o700


@pytest.mark.parametrize("damage", ["empty", "cut", "missing", "other"])
def test_damaged_secret_with_sealed_rows_stops_the_start(tmp_path, damage):
    platform = PlatformProcess(tmp_path, demo_data=False)
    with platform:
        pass
    secret = platform.db_path.with_name("central.sqlite3.secret")
    if damage == "missing":
        secret.unlink()
    else:
        secret.write_text({"empty": "", "cut": secret.read_text()[:20],
                           "other": "ab" * 32 + "\n"}[damage])
    with pytest.raises(PlatformStartError) as failed:
        platform.start()
    text = str(failed.value)
    assert "central.sqlite3.secret" in text and "Traceback" not in text
    assert {"empty": "empty or damaged", "cut": "empty or damaged", "missing": "missing",
            "other": "does not open"}[damage] in text


def test_empty_secret_without_sealed_rows_is_replaced(tmp_path):
    path = tmp_path / "central.sqlite3"
    connect(path).close()
    secret = tmp_path / "central.sqlite3.secret"
    secret.write_text("")
    with PlatformProcess(tmp_path, demo_data=False) as platform:
        assert platform.healthy()
    assert len(secret.read_text().strip()) == 64 and mode(secret) == 0o600
