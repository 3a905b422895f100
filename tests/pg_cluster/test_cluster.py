"""The throwaway PostgreSQL cluster: it answers on loopback and leaves nothing behind."""

from __future__ import annotations

import subprocess

from kiosk_command.pg_cluster import PostgresCluster, bin_dir
from tests.pg import pg  # noqa: F401 - a fixture, found by name


def psql(url: str, sql: str) -> str:
    return subprocess.run([str(bin_dir() / "psql"), url, "-tAXc", sql], check=True,
                          capture_output=True, text=True, timeout=30).stdout.strip()


def test_answers_over_loopback(pg) -> None:  # noqa: F811 - the fixture
    assert psql(pg.url, "SELECT inet_server_addr()") == "127.0.0.1"
    assert psql(pg.url, "SHOW listen_addresses") == "127.0.0.1"
    psql(pg.url, "CREATE TABLE t(id int PRIMARY KEY); INSERT INTO t VALUES (1), (2)")
    assert psql(pg.url, "SELECT count(*) FROM t") == "2"


def test_stopped_cluster_leaves_nothing() -> None:
    with PostgresCluster() as cluster:
        assert psql(cluster.url, "SELECT 1") == "1"
        root = cluster.root
    assert not root.exists()
