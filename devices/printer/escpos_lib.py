"""The one door to python-escpos: its capability cache lives in the kiosk's cache.

On import, escpos.capabilities loads its printer database (a 0.3 s YAML
parse) and pickles it for the next process into ESCPOS_CAPABILITIES_PICKLE_DIR,
or, when that is unset, into a new temporary folder every time: every process
paid the full parse and left a folder behind. Here the folder is
$XDG_CACHE_HOME/employment-kiosk/escpos (default ~/.cache/...), set before the
first import. The pickle is written once: into a private folder first, then
renamed into place whole, so a second process starting meanwhile never reads
half a file; later processes only load it. A folder that cannot be created
leaves python-escpos to its own default. A folder a technician names in
ESCPOS_CAPABILITIES_PICKLE_DIR is used instead of ours.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import platform
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

ENV = "ESCPOS_CAPABILITIES_PICKLE_DIR"
_LOCK = threading.Lock()


def cache_dir() -> Path:
    """Where the capability pickle is kept (beside the kiosk's other derived files)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "employment-kiosk" / "escpos"


def pickle_name() -> str:
    """The file name python-escpos 3.x gives its pickle."""
    return f"{platform.python_version()}.capabilities.pickle"


def _database() -> Path | None:
    """python-escpos's capabilities.json (or the one ESCPOS_CAPABILITIES_FILE names)."""
    if os.environ.get("ESCPOS_CAPABILITIES_FILE"):
        return Path(os.environ["ESCPOS_CAPABILITIES_FILE"])
    spec = importlib.util.find_spec("escpos")      # finds the package without importing it
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "capabilities.json"


def _fresh(pickled: Path) -> bool:
    database = _database()
    try:
        return database is None or pickled.stat().st_mtime >= database.stat().st_mtime
    except OSError:
        return False


@contextlib.contextmanager
def _scratch(directory: Path) -> Iterator[Path]:
    """A private folder that is also tempfile's default while python-escpos is imported.

    escpos.capabilities calls mkdtemp() even when it is told where to keep its
    pickle; here that folder lands in scratch and is removed with it.
    """
    scratch = Path(tempfile.mkdtemp(dir=directory, prefix=".import-"))
    saved, tempfile.tempdir = tempfile.tempdir, str(scratch)
    try:
        yield scratch
    finally:
        tempfile.tempdir = saved
        for left in scratch.iterdir():
            if left.is_dir():                    # empty folders only: a file another
                with contextlib.suppress(OSError):   # thread put there is not ours
                    left.rmdir()
        (scratch / pickle_name()).unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            scratch.rmdir()


def prepare() -> None:
    """Point python-escpos at the kiosk's cache and make sure the pickle is there."""
    with _LOCK:
        if "escpos.capabilities" in sys.modules:
            return
        directory = Path(os.environ.get(ENV) or cache_dir())
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError:
            return                               # python-escpos falls back to its default
        pickled = directory / pickle_name()
        fresh = _fresh(pickled)
        with _scratch(directory) as scratch:
            os.environ[ENV] = str(directory if fresh else scratch)
            import escpos.capabilities  # noqa: F401  (loads, or writes, the pickle)

            if not fresh and (scratch / pickle_name()).exists():
                os.replace(scratch / pickle_name(), pickled)
        os.environ[ENV] = str(directory)


def printer_module() -> ModuleType:
    """escpos.printer (the connection classes and Dummy), its cache prepared."""
    prepare()
    import escpos.printer

    return escpos.printer


def escpos_base() -> type:
    """escpos.escpos.Escpos, the base class every connection derives from."""
    prepare()
    from escpos.escpos import Escpos

    return Escpos
