"""One real dictionary for the whole test run, built by `kiosk ime build`.

Built once into a directory shared by the pytest-xdist workers (the first worker
builds under a file lock, the others wait and then read the same cache).
"""

from __future__ import annotations

import fcntl
from pathlib import Path

import pytest

from kiosk.ime import ImeEngine
from kiosk.ime.index import index_path
from kiosk.ime.sources import source_key
from tests.conftest import run_kiosk


@pytest.fixture(scope="session")
def ime_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    shared = tmp_path_factory.getbasetemp().parent / "ime-dictionary"
    shared.mkdir(exist_ok=True)
    with (shared / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not index_path(shared, source_key()).is_file():
            done = run_kiosk("ime", "build", "--cache-dir", str(shared))
            assert done.returncode == 0, done.stderr
            assert "pinyin dictionary:" in done.stdout
    return shared


@pytest.fixture(scope="session")
def engine(ime_cache: Path) -> ImeEngine:
    return ImeEngine.load(ime_cache, build=False)
