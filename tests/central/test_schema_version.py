"""A database from an older schema version is migrated, or refused with one clear line."""

from __future__ import annotations

import sqlite3

import pytest

from central.db import REVISED, connect, schema_revision
from central.errors import CentralError
from central.migrations import HEAD

pytestmark = pytest.mark.sqlite_only   # SQLite's own file, versions and migrations


def test_new_database_gets_the_current_revision(tmp_path) -> None:
    connect(tmp_path / "p.sqlite3").close()
    assert schema_revision(tmp_path / "p.sqlite3") == HEAD
    with sqlite3.connect(tmp_path / "p.sqlite3") as conn:      # older platforms refuse it
        assert conn.execute("PRAGMA user_version").fetchone()[0] == REVISED


def test_older_database_is_refused(tmp_path) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE devices (id TEXT PRIMARY KEY, key TEXT)")
    assert schema_revision(path) == "version 0"
    with pytest.raises(CentralError, match="schema version 0"):
        connect(path)


def test_version_2_database_keeps_its_seekers(tmp_path) -> None:
    """Version 2 had neither specialists nor unemployment applications: opening it adds
    them, and a visitor registered before is still found, with the same registration."""
    import hashlib

    from kiosk_command.platform_proc import PlatformProcess
    from tests.central.signed import SignedApi

    who = hashlib.sha256(b"110105199001011232").hexdigest()
    body = {"id_hash": who, "name": "张小明", "phone": "13912345678",
            "intentions": {"occupation_groups": ["交通运输"]}}
    platform = PlatformProcess(tmp_path)
    with platform:
        api = SignedApi(platform.url, platform.device_id, platform.key_file.read_text().strip())
        first = api.post("/seekers/registrations", body, idem="reg-1").json()
    with sqlite3.connect(platform.db_path) as conn:           # back to what version 2 had
        conn.execute("ALTER TABLE seekers DROP COLUMN specialist_id")
        conn.execute("DROP TABLE unemployment_applications")
        conn.execute("PRAGMA user_version=2")
        conn.execute("DROP TABLE alembic_version")     # files had none before revisions
    with platform:
        api = SignedApi(platform.url, platform.device_id, platform.key_file.read_text().strip())
        page = api.post("/seekers/lookup", {"id_hash": who}).json()
        assert page["registration"]["registration_id"] == first["registration_id"]
        assert len(page["recommended"]) == 10 and page["specialist"] is None
        again = api.post("/seekers/registrations", body | {"key_groups": ["rural_migrant"]},
                         idem="reg-2").json()
        assert again["status"] == "updated" and again["specialist"]
        assert api.post("/seekers/unemployment", {"id_hash": who, "reason": "resigned"},
                        idem="u-1").status_code == 201
    assert schema_revision(platform.db_path) == HEAD
