"""Files the link depends on are private and written whole: a crash leaves the old one."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from kiosk.files import atomic_file, write_atomic
from kiosk.flows import outbox_kinds
from kiosk.platform.client import PlatformClient
from kiosk.platform.crypto import load_or_create_key
from kiosk.platform.service import PlatformService
from kiosk_command.platform_proc import free_port
from tests.platform.conftest import rating, real_now_clock


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def offline_service(data_dir: Path) -> PlatformService:
    clock = real_now_clock()
    client = PlatformClient(f"http://127.0.0.1:{free_port()}", "t", b"k", clock=clock)
    return PlatformService(data_dir, client, clock, kinds=outbox_kinds())


def test_data_dir_databases_and_keys_are_ours_only(tmp_path: Path) -> None:
    data = tmp_path / "kiosk"
    data.mkdir(mode=0o755)
    (data / "catalog.sqlite3").touch(mode=0o644)     # left by an older version
    old = os.umask(0o022)
    try:
        service = offline_service(data)
        service.outbox.enqueue("rating", rating(1))
        service.catalog.conn.execute("INSERT INTO sync_state(collection) VALUES ('jobs')")
        files = sorted(p.name for p in data.iterdir())
        modes = {p.name: mode(p) for p in data.iterdir()}
        service.stop()
    finally:
        os.umask(old)
    assert mode(data) == 0o700
    assert {"outbox.key", "outbox.sqlite3", "outbox.sqlite3-wal", "catalog.sqlite3",
            "catalog.sqlite3-wal"} <= set(files)
    assert modes == dict.fromkeys(files, 0o600)


def test_crash_mid_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "state.json"
    write_atomic(target, b'{"v": 1}')
    with pytest.raises(RuntimeError), atomic_file(target) as fh:
        fh.write(b'{"v": 2, "half')
        raise RuntimeError("power cut")
    assert target.read_bytes() == b'{"v": 1}'
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]   # no temp file left


def test_key_file_never_appears_before_it_is_on_disk(tmp_path: Path, monkeypatch) -> None:
    """fsync failing stands for the power going at that instant (the OS edge)."""
    key_file = tmp_path / "outbox.key"

    def cut(_fd: int) -> None:
        raise OSError(5, "Input/output error")
    with monkeypatch.context() as m:
        m.setattr(os, "fsync", cut)
        with pytest.raises(OSError):
            load_or_create_key(key_file)
    assert list(tmp_path.iterdir()) == []               # nothing under the final name
    key = load_or_create_key(key_file)                  # the next start makes a whole one
    assert len(key) == 32 and mode(key_file) == 0o600


def test_first_key_wins_and_a_loose_mode_is_tightened(tmp_path: Path) -> None:
    key_file = tmp_path / "outbox.key"
    first = load_or_create_key(key_file)
    with pytest.raises(FileExistsError):
        write_atomic(key_file, b"x" * 32, exclusive=True)
    key_file.chmod(0o644)
    assert load_or_create_key(key_file) == first and mode(key_file) == 0o600


def test_outbox_file_of_an_older_version_is_made_private(tmp_path: Path) -> None:
    data = tmp_path / "kiosk"
    data.mkdir(mode=0o700)
    sqlite3.connect(data / "outbox.sqlite3").close()
    (data / "outbox.sqlite3").chmod(0o644)
    offline_service(data).stop()
    assert mode(data / "outbox.sqlite3") == 0o600
