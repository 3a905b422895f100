"""A database from another schema version is refused with one clear line."""

from __future__ import annotations

import sqlite3

import pytest

from central.db import SCHEMA_VERSION, connect, schema_version
from central.errors import CentralError


def test_new_database_gets_the_current_version(tmp_path) -> None:
    connect(tmp_path / "p.sqlite3").close()
    assert schema_version(tmp_path / "p.sqlite3") == SCHEMA_VERSION


def test_older_database_is_refused(tmp_path) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE devices (id TEXT PRIMARY KEY, key TEXT)")
    assert schema_version(path) == 0
    with pytest.raises(CentralError, match="schema version 0"):
        connect(path)
