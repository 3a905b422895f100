"""Files the terminal writes that other data depends on: whole or not at all.

A key file cut short by a power cut makes every record sealed with it
unreadable; a half-written cache file makes the next start fail. So they are
written to a temporary file in the same folder, fsynced, then renamed over the
old one (rename is atomic on POSIX) and the folder fsynced, so after a crash
the final name holds either the old contents or the new, never a mix. Files
holding queue data or keys are 0600 in a 0700 folder: ours only.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def private_dir(path: Path) -> Path:
    """Create the folder (and parents) if needed and make it 0700."""
    path = Path(path)
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    if path.stat().st_mode & 0o777 != PRIVATE_DIR:
        path.chmod(PRIVATE_DIR)
    return path


def private_file(path: Path) -> Path:
    """Make sure the file exists and is 0600, before a library (SQLite) opens it, so
    nothing is ever written to it under a wider mode."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
    try:
        if os.fstat(fd).st_mode & 0o777 != PRIVATE_FILE:
            os.fchmod(fd, PRIVATE_FILE)
    finally:
        os.close(fd)
    return path


def fsync_dir(path: Path) -> None:
    """Make a rename in this folder durable."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_file(path: Path, mode: int = PRIVATE_FILE, exclusive: bool = False
                ) -> Iterator[BinaryIO]:
    """Write path through a temporary file; it appears under its name only if the
    block finishes. exclusive: never replace an existing file (FileExistsError),
    for keys two processes might create at once: the first one wins."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fchmod(fh.fileno(), mode)
            os.fsync(fh.fileno())
        _publish(Path(tmp), path, exclusive)
    finally:
        Path(tmp).unlink(missing_ok=True)
    fsync_dir(path.parent)


def _publish(tmp: Path, path: Path, exclusive: bool) -> None:
    if exclusive:
        os.link(tmp, path)  # fails if path exists; rename would replace it
    else:
        os.replace(tmp, path)


def write_atomic(path: Path, data: bytes, mode: int = PRIVATE_FILE,
                 exclusive: bool = False) -> Path:
    """Replace (or, exclusive, create) path with data, whole or not at all."""
    with atomic_file(path, mode, exclusive) as fh:
        fh.write(data)
    return Path(path)
