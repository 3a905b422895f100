"""The reference platform's database: a SQLite file, or PostgreSQL for a city.

On SQLite (WAL: acknowledged writes survive a kill) one connection is shared by
the server's worker threads; every write runs inside `write(conn)` which holds
one lock and one IMMEDIATE transaction, so a submission and its idempotency
record commit together or not at all, and catalog change stamps only ever grow.
On PostgreSQL (central/pg.py) `write` is a transaction on a pooled connection and
the read-then-write steps that relied on the single writer take `lock` first.
`Store` is what both give the rest of the platform.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from central.errors import CentralError
from central.guidance.window import grace_end
from central.migrations import HEAD, bring_up_to_date, revision_query, sqlalchemy_url
from central.moments import CHINA, iso
from central.pg import PgStore, is_url
from central.schema import SCHEMA, SEALED
from central.secretbox import SECRET_ENV, SecretBox, key_file_for, open_box

# SQLite files numbered their schema (PRAGMA user_version) before revisions began:
# MIGRATIONS[n] takes such a file from version n to n + 1, up to LEGACY_VERSION, the
# schema revision `v5` stands for (central/migrations). A file under revisions says
# REVISED there, which a platform from before revisions refuses rather than misreads.
LEGACY_VERSION = 5
REVISED = 6
_LOCKS: dict[int, threading.RLock] = {}

Store = sqlite3.Connection | PgStore
Target = Path | str     # a SQLite file, or a postgresql:// address


def target(text: str) -> Target:
    """A --db argument: a postgresql:// address as given, anything else a file."""
    return text if is_url(text) else Path(text)


def connect(path: Target, pool_size: int = 8) -> Store:
    """Open (and create) the database with the settings the server relies on."""
    if is_url(path):
        return _connect_pg(str(path), pool_size)
    return _connect_sqlite(Path(path))


def _connect_pg(url: str, pool_size: int) -> PgStore:
    """The pool, once the database is at this platform's schema revision (whichever
    server process comes first brings it there; the rest find it so)."""
    store = PgStore(url, pool_size)
    try:
        if revision(store) != HEAD:
            bring_up_to_date(sqlalchemy_url(url))
    except BaseException:
        store.close()
        raise
    return store


def revision(conn: Store) -> str | None:
    """The schema revision the database records; None when it has none (new, or a
    SQLite file from before revisions)."""
    exists, query = revision_query("postgresql" if isinstance(conn, PgStore) else "sqlite")
    if not conn.execute(exists).fetchone()[0]:
        return None
    row = conn.execute(query).fetchone()
    return row[0] if row else None


def _connect_sqlite(path: Path) -> sqlite3.Connection:
    """The SQLite file with WAL and full sync, its schema brought up to date.

    The database, its -wal and -shm files are its owner's alone (0600), in a folder of
    its own (0700): they hold terminals' keys and visitors' sealed records.
    """
    path = Path(path)
    _private_folder(path.parent)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA busy_timeout=5000")
    _private_files(path)
    _LOCKS[id(conn)] = threading.RLock()
    if revision(conn) != HEAD:
        try:
            _bring_up_sqlite(conn, path)
        except BaseException:
            conn.close()
            raise
    return conn


def _bring_up_sqlite(conn: sqlite3.Connection, path: Path) -> None:
    """A file from before revisions takes its numbered steps first; then the revisions."""
    if revision(conn) is None:
        version = _check_version(conn, path)
        if version is not None:
            conn.executescript(SCHEMA)
            while version in MIGRATIONS:
                MIGRATIONS[version](conn, path)
                version += 1
    bring_up_to_date(sqlalchemy_url(path))
    conn.execute(f"PRAGMA user_version={REVISED}")


def _private_folder(folder: Path) -> None:
    """Create the folder 0700, or take group and others' access away from one of ours
    (a shared sticky folder like /tmp, or one owned by someone else, is left alone)."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = folder.stat()
    if info.st_uid == os.getuid() and not info.st_mode & stat.S_ISVTX \
            and info.st_mode & 0o077:
        folder.chmod(stat.S_IMODE(info.st_mode) & 0o700)


def _private_files(path: Path) -> None:
    """0600 for the database and its companions (older platforms left them 0644;
    SQLite gives new -wal and -shm files the database's own mode)."""
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            info = name.stat()
        except FileNotFoundError:
            continue
        if info.st_uid == os.getuid() and info.st_mode & 0o077:
            name.chmod(0o600)


def schema_revision(path: Path) -> str | None:
    """The schema revision of an existing SQLite file ("version N" for one from before
    revisions); None when there is none yet."""
    if not Path(path).exists():
        return None
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        found = revision(conn)
        if found is None and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            found = f"version {conn.execute('PRAGMA user_version').fetchone()[0]}"
        return found
    finally:
        conn.close()


def stored_revision(target: Target) -> str | None:
    """What the database records, read without changing it (for `kiosk central migrate`)."""
    if not is_url(target):
        return schema_revision(Path(target))
    store = PgStore(str(target), 1)
    try:
        return revision(store)
    finally:
        store.close()


def _check_version(conn: sqlite3.Connection, path: Path) -> int | None:
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if tables and version != LEGACY_VERSION and version not in MIGRATIONS:
        raise CentralError(f"central: {path} has schema version {version}, which this "
                           "platform cannot bring up to date; move it aside (demo data is "
                           "recreated)")
    return version if tables else None


def sealed_sample(conn: Store) -> bytes | None:
    """One value sealed with the platform's secret, if the database holds any."""
    for table, column in SEALED:
        test = (f"octet_length({column}) > 0" if isinstance(conn, PgStore)
                else f"typeof({column}) = 'blob'")
        row = conn.execute(f"SELECT {column} FROM {table} WHERE {test} LIMIT 1").fetchone()
        if row:
            return row[0]
    return None


def secret_box(conn: Store, path: Target, secret: Path | None = None) -> SecretBox:
    """The box holding the database's secret, checked against its sealed data. A
    SQLite file's secret lies beside it; a PostgreSQL database's is named (secret)."""
    if secret is None and is_url(path) and os.environ.get(SECRET_ENV):
        secret = Path(os.environ[SECRET_ENV])
    if secret is None and is_url(path):
        raise CentralError(f"central: a PostgreSQL database needs --secret FILE or {SECRET_ENV}"
                           " (the key its personal fields are sealed with; created when absent)")
    return open_box(secret or key_file_for(Path(path)), sealed_sample(conn))


def _seal_device_keys(conn: sqlite3.Connection, path: Path) -> None:
    """Version 1 kept terminals' signing keys in plain text: seal them."""
    box = secret_box(conn, path)
    with write(conn):
        rows = conn.execute("SELECT id, key FROM devices WHERE typeof(key) = 'text'")
        for device, key in rows.fetchall():
            conn.execute("UPDATE devices SET key = ? WHERE id = ?",
                         (box.seal_text(key), device))
        conn.execute("PRAGMA user_version=2")


def _add_specialists(conn: sqlite3.Connection, _path: Path) -> None:
    """Version 2 had no specialist on a seeker (unemployment applications are a new
    table, which SCHEMA creates); registrations made before have no key groups."""
    with write(conn):
        columns = {row[1] for row in conn.execute("PRAGMA table_info(seekers)")}
        if "specialist_id" not in columns:
            conn.execute("ALTER TABLE seekers ADD COLUMN specialist_id TEXT")
        conn.execute("PRAGMA user_version=3")


def _add_command_expiry(conn: sqlite3.Connection, _path: Path) -> None:
    """Version 3's remote-management commands had no expiry: a command queued for a
    terminal that is switched off would run whenever it came back. Old ones expire a
    day after they were queued."""
    with write(conn):
        columns = {row[1] for row in conn.execute("PRAGMA table_info(fleet_commands)")}
        if "expires_at" not in columns:
            conn.execute("ALTER TABLE fleet_commands ADD COLUMN expires_at TEXT")
            conn.execute("UPDATE fleet_commands SET expires_at = strftime('%Y-%m-%dT%H:%M:%fZ',"
                         " created_at, '+1 day')")
        conn.execute("PRAGMA user_version=4")


def _add_guidance_columns(conn: sqlite3.Connection, _path: Path) -> None:
    """Version 4's slots had no kind, room, priority or UTC start, and its appointments
    no holder (so nothing stopped one visitor booking a slot twice) and no grace end.
    Old slots become one-to-one sessions; old bookings keep their visitor as holder and
    get their grace end from their slot."""
    with write(conn):
        slot_cols = {row[1] for row in conn.execute("PRAGMA table_info(slots)")}
        for name, decl in (("kind", "TEXT NOT NULL DEFAULT 'one_to_one'"),
                           ("room", "TEXT NOT NULL DEFAULT ''"), ("priority", "TEXT"),
                           ("starts_utc", "TEXT")):
            if name not in slot_cols:
                conn.execute(f"ALTER TABLE slots ADD COLUMN {name} {decl}")
        appt_cols = {row[1] for row in conn.execute("PRAGMA table_info(appointments)")}
        for name, decl in (("holder", "TEXT"), ("booker", "TEXT NOT NULL DEFAULT 'seeker'"),
                           ("no_show_at", "TEXT")):
            if name not in appt_cols:
                conn.execute(f"ALTER TABLE appointments ADD COLUMN {name} {decl}")
        rows = conn.execute("SELECT id, starts_at FROM slots WHERE starts_utc IS NULL")
        conn.executemany("UPDATE slots SET starts_utc = ? WHERE id = ?",
                         [(utc_text(start), slot) for slot, start in rows.fetchall()])
        conn.execute("UPDATE appointments SET holder = id_hash WHERE holder IS NULL")
        # a visitor who held two live bookings of one slot keeps the first as theirs
        conn.execute("UPDATE appointments SET holder = NULL WHERE holder IS NOT NULL "
                     "AND status IN ('booked', 'checked_in') AND rowid NOT IN ("
                     "SELECT min(rowid) FROM appointments WHERE holder IS NOT NULL AND "
                     "status IN ('booked', 'checked_in') GROUP BY slot_id, holder)")
        rows = conn.execute("SELECT a.id, s.starts_utc FROM appointments a JOIN slots s "
                            "ON s.id = a.slot_id WHERE a.no_show_at IS NULL")
        conn.executemany("UPDATE appointments SET no_show_at = ? WHERE id = ?",
                         [(grace_end(start), appt) for appt, start in rows.fetchall()])
        conn.execute("PRAGMA user_version=5")


def utc_text(moment: str) -> str:
    """An ISO date-time with any offset as fixed-width UTC text (iso())."""
    return iso(dt.datetime.fromisoformat(moment))


MIGRATIONS: dict[int, Callable[[sqlite3.Connection, Path], None]] = {
    1: _seal_device_keys, 2: _add_specialists, 3: _add_command_expiry,
    4: _add_guidance_columns}


@contextmanager
def write(conn: Store) -> Iterator[Store]:
    """One serialised write transaction: committed on success, rolled back on error."""
    if isinstance(conn, PgStore):
        with conn.transaction():
            yield conn
        return
    lock = _LOCKS.setdefault(id(conn), threading.RLock())
    with lock:
        if conn.in_transaction:          # nested: the outer block commits
            yield conn
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


@contextmanager
def read(conn: Store) -> Iterator[Store]:
    """A consistent read under the same lock (the connection is shared); on PostgreSQL
    the block's statements share one pooled connection."""
    if isinstance(conn, PgStore):
        with conn.pinned():
            yield conn
        return
    lock = _LOCKS.setdefault(id(conn), threading.RLock())
    with lock:
        yield conn


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def business_day(offset_days: int = 0) -> dt.date:
    """Today in China, moved by offset_days when the demo data is dated to another day
    (a scripted run whose clock is fixed sees postings open as on that day)."""
    return utc_now().astimezone(CHINA).date() + dt.timedelta(days=offset_days)


def lock(conn: Store, key: str) -> None:
    """Make a read-then-write on key safe against other server processes (inside
    write(); SQLite's single writer already is)."""
    if isinstance(conn, PgStore):
        conn.lock(key)


def next_stamp(conn: Store) -> str:
    """A change stamp later than every stamp handed out before (call inside write()).

    On PostgreSQL the stamp's lock is held until the transaction commits, so stamps
    commit in the order they are handed out and a cursor never passes a row that a
    slower transaction has yet to commit."""
    lock(conn, "last_stamp")
    now = iso(utc_now())
    last = get_meta(conn, "last_stamp")
    if last and last >= now:
        moment = dt.datetime.strptime(last, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)
        now = iso(moment + dt.timedelta(microseconds=1))
    set_meta(conn, "last_stamp", now)
    return now


def get_meta(conn: Store, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(conn: Store, key: str, value: str) -> None:
    conn.execute("INSERT INTO meta(key, value) VALUES(?, ?) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))
