"""Console accounts: argon2 password hashes, roles, lock-out and sessions.

A session is a random token in an HTTP-only, same-site cookie; only its SHA-256 is
stored, with its own CSRF token and an expiry. Five wrong passwords in a row lock an
account for 15 minutes (on the injected clock); the right one clears the count. An
unknown name costs the same argon2 work as a known one, and gets the same answer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
import sqlite3
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from central.console.errors import ConsoleError, SignInRefused
from central.db import iso, read, write

ROLES = ("viewer", "technician", "staff", "admin")
# what each role may do besides looking at the fleet
MAY = {"viewer": frozenset(),
       "technician": frozenset({"command", "configure"}),
       "staff": frozenset({"answer", "help", "serve"}),
       "admin": frozenset({"command", "configure", "answer", "help", "serve", "enrol",
                           "accounts", "audit"})}
MAX_FAILURES = 5
LOCK_S = 15 * 60
SESSION_S = 8 * 3600
MIN_PASSWORD = 10
NAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,31}")
# OWASP's first recommended argon2id setting (19 MiB, 2 passes, 1 lane): a sign-in costs
# some 50 ms of one core, not the library default's 64 MiB and 4 lanes on a platform
# machine that also serves the terminals
_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
_DUMMY = _hasher.hash("not anybody's password")


@dataclass(frozen=True)
class Session:
    user: str
    role: str
    csrf: str
    expires_at: str

    def may(self, action: str) -> bool:
        return action in MAY.get(self.role, frozenset())


def _check(name: str, password: str | None = None, role: str | None = None) -> None:
    if not NAME.fullmatch(name):
        raise ConsoleError("a name is 2 to 32 of a-z 0-9 . _ - (starting with a letter or digit)")
    if password is not None and len(password) < MIN_PASSWORD:
        raise ConsoleError(f"a password has at least {MIN_PASSWORD} characters")
    if role is not None and role not in ROLES:
        raise ConsoleError(f"roles are {', '.join(ROLES)}")


def add_user(conn: sqlite3.Connection, name: str, password: str, role: str,
             now: dt.datetime) -> None:
    _check(name, password, role)
    with write(conn):
        if conn.execute("SELECT 1 FROM console_users WHERE name = ?", (name,)).fetchone():
            raise ConsoleError(f"{name} already has an account")
        conn.execute("INSERT INTO console_users(name, hash, role, created_at) VALUES(?, ?, ?, ?)",
                     (name, _hasher.hash(password), role, iso(now)))


def set_password(conn: sqlite3.Connection, name: str, password: str) -> None:
    """A new password; also lifts a lock-out and ends the account's sessions."""
    _check(name, password)
    with write(conn):
        if not conn.execute("UPDATE console_users SET hash = ?, failures = 0, locked_until = "
                            "NULL WHERE name = ?", (_hasher.hash(password), name)).rowcount:
            raise ConsoleError(f"no account {name}")
        conn.execute("DELETE FROM console_sessions WHERE user = ?", (name,))


def set_role(conn: sqlite3.Connection, name: str, role: str) -> str:
    """Change a role (sessions pick it up at their next request); returns the old one."""
    _check(name, role=role)
    with write(conn):
        row = conn.execute("SELECT role FROM console_users WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise ConsoleError(f"no account {name}")
        conn.execute("UPDATE console_users SET role = ? WHERE name = ?", (role, name))
    return row[0]


def users(conn: sqlite3.Connection) -> list[tuple[str, str, int, str | None]]:
    """(name, role, failures, locked_until) of every account."""
    with read(conn):
        return conn.execute("SELECT name, role, failures, locked_until FROM console_users "
                            "ORDER BY name").fetchall()


def sign_in(conn: sqlite3.Connection, name: str, password: str,
            now: dt.datetime) -> tuple[str, Session]:
    """(cookie token, session) for the right password; SignInRefused otherwise."""
    with read(conn):
        row = conn.execute("SELECT hash, role, failures, locked_until FROM console_users "
                           "WHERE name = ?", (name,)).fetchone()
    if row and row[3] and row[3] > iso(now):
        raise SignInRefused("locked")
    try:
        _hasher.verify(row[0] if row else _DUMMY, password)
        ok = row is not None
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok:
        if row:
            with write(conn):
                failures = row[2] + 1
                locked = iso(now + dt.timedelta(seconds=LOCK_S)) \
                    if failures >= MAX_FAILURES else None
                conn.execute("UPDATE console_users SET failures = ?, locked_until = ? "
                             "WHERE name = ?", (0 if locked else failures, locked, name))
            if locked:
                raise SignInRefused("now_locked")
        raise SignInRefused("wrong")
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(24)
    expires = iso(now + dt.timedelta(seconds=SESSION_S))
    with write(conn):
        conn.execute("UPDATE console_users SET failures = 0, locked_until = NULL WHERE name = ?",
                     (name,))
        conn.execute("DELETE FROM console_sessions WHERE expires_at < ?", (iso(now),))
        conn.execute("INSERT INTO console_sessions VALUES(?, ?, ?, ?, ?)",
                     (_digest(token), name, csrf, iso(now), expires))
    return token, Session(name, row[1], csrf, expires)


def session_of(conn: sqlite3.Connection, token: str | None, now: dt.datetime) -> Session | None:
    """The live session a cookie names (its role read afresh), else None."""
    if not token or len(token) > 100:
        return None
    with read(conn):
        row = conn.execute("SELECT s.user, u.role, s.csrf, s.expires_at FROM console_sessions s "
                           "JOIN console_users u ON u.name = s.user WHERE s.token_hash = ? "
                           "AND s.expires_at > ?", (_digest(token), iso(now))).fetchone()
    return Session(*row) if row else None


def sign_out(conn: sqlite3.Connection, token: str) -> None:
    with write(conn):
        conn.execute("DELETE FROM console_sessions WHERE token_hash = ?", (_digest(token),))


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
