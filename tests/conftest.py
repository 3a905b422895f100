"""Shared test helpers: the source tree root and running the `kiosk` command."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run_kiosk(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run `kiosk ARGS` in its own process (Kivy cannot recreate its window in one)."""
    return subprocess.run([sys.executable, "-m", "kiosk_command.main", *args],
                          capture_output=True, text=True, timeout=timeout, cwd=ROOT)


@pytest.fixture
def kiosk_cli():
    return run_kiosk


@pytest.fixture(scope="session", autouse=True)
def platform_store() -> Iterator[None]:
    """With KIOSK_TEST_STORE=postgresql, one throwaway PostgreSQL cluster for this test
    process: every platform started gets a database of its own on it, and one secret
    file serves them and the tools the tests run beside them."""
    from tests.stores import on_postgres

    if not on_postgres():
        yield
        return
    from kiosk_command.pg_cluster import PostgresCluster
    from kiosk_command.platform_proc import DATABASE_ENV

    folder = tempfile.mkdtemp(prefix="central-secret-")
    with PostgresCluster({"fsync": "off", "max_connections": "400"}) as cluster:
        os.environ[DATABASE_ENV] = cluster.url
        os.environ["KIOSK_CENTRAL_SECRET"] = os.path.join(folder, "central.secret")
        try:
            yield
        finally:
            os.environ.pop(DATABASE_ENV, None)
            os.environ.pop("KIOSK_CENTRAL_SECRET", None)
