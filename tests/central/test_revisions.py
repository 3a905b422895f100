"""Schema revisions (central/migrations) on both stores: a new database starts at the
newest, a revision written once runs on SQLite and on PostgreSQL, a database a newer
platform has used is refused before anything is served, and server processes starting
together on a new PostgreSQL database bring it up once. Each store is started here
(tests/pg.py), so these run in every test run."""

from __future__ import annotations

import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from central.db import Target, connect, revision
from central.migrations import BASELINE, HEAD, RevisionError, bring_up_to_date, sqlalchemy_url
from kiosk_command.pg_cluster import PostgresCluster
from kiosk_command.platform_proc import create_database
from tests.conftest import run_kiosk
from tests.pg import pg  # noqa: F401 - a fixture, found by name

pytestmark = pytest.mark.own_cluster   # both stores here: the PostgreSQL run would repeat it

@pytest.fixture(params=["sqlite", "postgresql"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Target:
    if request.param == "sqlite":
        return tmp_path / "central.sqlite3"
    cluster: PostgresCluster = request.getfixturevalue("pg")
    return create_database(cluster.url)


def columns(target: Target, table: str) -> set[str]:
    """The table's columns, read past the platform (which would refuse a test revision)."""
    from sqlalchemy import create_engine, inspect

    engine = create_engine(sqlalchemy_url(target))
    try:
        with engine.connect() as conn:
            return {column["name"] for column in inspect(conn).get_columns(table)}
    finally:
        engine.dispose()


def test_the_head_constant_is_the_newest_revision() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from central.migrations import HERE

    config = Config()
    config.set_main_option("script_location", str(HERE))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD


def test_a_new_database_starts_at_the_newest_revision(target: Target) -> None:
    conn = connect(target)
    try:
        assert revision(conn) == HEAD
        assert conn.execute("SELECT count(*) FROM meta WHERE key = 'schema_digest'"
                            ).fetchone()[0] == 0
    finally:
        conn.close()


def test_a_revision_written_once_runs_on_either_store(target: Target, tmp_path: Path) -> None:
    connect(target).close()
    extra = tmp_path / "versions"
    extra.mkdir()
    (extra / "t1_rating_channel.py").write_text(textwrap.dedent(f'''
        import sqlalchemy as sa
        from alembic import op

        revision = "t1"
        down_revision = "{HEAD}"
        branch_labels = None
        depends_on = None


        def upgrade() -> None:
            op.add_column("ratings", sa.Column("channel", sa.Text(), nullable=True))
            op.execute("UPDATE ratings SET channel = 'kiosk'")
        '''))
    assert bring_up_to_date(sqlalchemy_url(target), [extra]) == "t1"
    assert "channel" in columns(target, "ratings")
    assert bring_up_to_date(sqlalchemy_url(target), [extra]) == "t1"     # once only


def test_a_database_a_newer_platform_used_is_refused(target: Target) -> None:
    conn = connect(target)
    conn.execute("UPDATE alembic_version SET version_num = 'v99'")
    conn.close()
    with pytest.raises(RevisionError, match="revision v99"):
        connect(target)


def test_a_postgresql_database_from_before_revisions_is_adopted(pg) -> None:  # noqa: F811
    url = create_database(pg.url)
    connect(url).close()
    conn = connect(url)
    conn.execute("DROP TABLE alembic_version")          # as the platform left it then
    conn.execute("INSERT INTO meta(key, value) VALUES('schema_digest', 'abc'), "
                 "('schema_version', '5')")
    conn.close()
    conn = connect(url)
    try:
        assert revision(conn) == HEAD != BASELINE
        assert conn.execute("SELECT count(*) FROM meta WHERE key IN ('schema_digest', "
                            "'schema_version')").fetchone()[0] == 0
    finally:
        conn.close()


def test_processes_starting_together_bring_a_new_database_up_once(pg) -> None:  # noqa: F811
    url = create_database(pg.url)
    with ThreadPoolExecutor(4) as pool:
        stores = list(pool.map(lambda _: connect(url, pool_size=1), range(4)))
    try:
        assert [revision(s) for s in stores] == [HEAD] * 4
        assert stores[0].execute("SELECT count(*) FROM alembic_version").fetchone()[0] == 1
    finally:
        for store in stores:
            store.close()


def test_migrate_says_where_the_database_stands(target: Target) -> None:
    first = run_kiosk("central", "migrate", "--db", str(target))
    assert f"none (new database) -> {HEAD}" in first.stdout, first.stderr
    again = run_kiosk("central", "migrate", "--db", str(target))
    assert "already the newest" in again.stdout
