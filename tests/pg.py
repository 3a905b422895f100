"""The session's throwaway PostgreSQL cluster (kiosk_command/pg_cluster.py) as a fixture."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kiosk_command.pg_cluster import PostgresCluster

__all__ = ["pg"]


@pytest.fixture(scope="session")
def pg() -> Iterator[PostgresCluster]:
    """One cluster for the test session (fsync off: it is thrown away afterwards)."""
    with PostgresCluster({"fsync": "off"}) as cluster:
        yield cluster
