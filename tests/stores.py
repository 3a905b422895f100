"""The platform's store in tests, whichever one the run uses (SQLite, or PostgreSQL when
KIOSK_TEST_STORE=postgresql: scripts/test.sh runs the platform's tests once on each).

With PostgreSQL one throwaway cluster per test process (kiosk_command/pg_cluster.py) holds a new
database for every platform started (kiosk_command/platform_proc.py DATABASE_ENV).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from central.db import Store, Target, connect
from kiosk_command.platform_proc import DATABASE_ENV, create_database

STORE_ENV = "KIOSK_TEST_STORE"


def on_postgres() -> bool:
    return os.environ.get(STORE_ENV) == "postgresql"


def new_target(folder: Path) -> Target:
    """Where an in-process platform keeps its data: a file in folder, or a new database."""
    server = os.environ.get(DATABASE_ENV)
    if on_postgres() and server:
        return create_database(server)
    return folder / "central.sqlite3"


@contextmanager
def database(platform: object) -> Iterator[Store]:
    """A platform's own database (a PlatformProcess, an in-process one, or its Target)."""
    conn = connect(platform if isinstance(platform, str | Path)
                   else getattr(platform, "store", None) or platform.db_path)
    try:
        yield conn
    finally:
        conn.close()


def count(platform: object, table: str) -> int:
    with database(platform) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def stored_bytes(platform: object) -> bytes:
    """Everything the store holds: the SQLite file and its WAL, or every PostgreSQL row
    as the server would write it out."""
    target = getattr(platform, "store", None) or platform.db_path
    if isinstance(target, Path):
        return b"".join(p.read_bytes() for p in target.parent.glob(target.name + "*")
                        if not p.name.endswith(".secret"))
    with database(platform) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        return b"".join(str(row[0]).encode() for t in tables
                        for row in conn.execute(f'SELECT t::text FROM "{t}" t'))
