"""The platform's schema revisions, kept with Alembic, for SQLite and PostgreSQL alike.

A new database is created whole from central/schema.py (the current schema, in the SQL
both stores share) and stamped at the newest revision. A database made by an older
platform is brought forward by the revisions in versions/, each written with Alembic's
operations so that one revision runs on either store; `alembic_version` records where it
stands, and a revision this platform does not know (a newer platform wrote it) is refused
before anything is served. Revision `v5` is the schema every database had when revisions
began: SQLite files from before it are first brought to it by central/db.py's own steps,
PostgreSQL databases (which began at it) are only stamped.

Changing the schema therefore means both: the change in central/schema.py, for new
databases, and a revision here, for existing ones (`create_table` below creates a table
of central/schema.py in a revision without writing it twice). Several server processes
starting at once on PostgreSQL take turns on one advisory lock; the first brings the
database up to date and the others find it so. Alembic is imported only then: a database
already at HEAD costs one query.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from central.errors import CentralError

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Connection

# The newest revision in versions/ (tests/central/test_revisions.py keeps the two equal).
HEAD = "v6"
BASELINE = "v5"
HERE = Path(__file__).parent
log = logging.getLogger("central")


class RevisionError(CentralError):
    """The database's revision is one this platform does not know."""


def revision_query(dialect: str) -> tuple[str, str]:
    """Whether the revision table exists, and the query reading it, in dialect's SQL."""
    if dialect == "postgresql":
        return ("SELECT to_regclass('alembic_version') IS NOT NULL",
                "SELECT version_num FROM alembic_version")
    return ("SELECT count(*) FROM sqlite_master WHERE name = 'alembic_version'",
            "SELECT version_num FROM alembic_version")


def schema_ddl(dialect: str) -> str:
    """The whole current schema as DDL for dialect (every statement IF NOT EXISTS)."""
    from central.pg import FUNCTIONS, schema
    from central.schema import LATE_SCHEMA, SCHEMA, SEALED

    if dialect == "postgresql":
        return FUNCTIONS + schema(SCHEMA + LATE_SCHEMA, SEALED)
    return SCHEMA + LATE_SCHEMA


def create_table(name: str) -> None:
    """In a revision: create the table `name` (and its indexes) as central/schema.py has
    it, in the dialect of the database being upgraded."""
    from alembic import op

    ddl = schema_ddl(op.get_bind().dialect.name)
    for statement in ddl.split(";"):
        if re.search(rf"\b(TABLE IF NOT EXISTS|ON) {re.escape(name)}\b", statement):
            op.execute(statement)


def bring_up_to_date(url: str, versions: Sequence[Path] = ()) -> str:
    """Create, adopt or upgrade the database at url (an SQLAlchemy address) to the newest
    revision, on its own connection, in one transaction; return that revision.

    versions names further revision folders (a deployment's own, or a test's)."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import create_engine, inspect
    from sqlalchemy.pool import NullPool

    logging.getLogger("alembic").setLevel(logging.WARNING)   # one line of ours instead
    config = _config(versions)
    head = _head(config)
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":    # one process at a time
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(hashtextextended("
                                     "'schema', 0))")
            current = MigrationContext.configure(conn).get_current_revision()
            config.attributes["connection"] = conn
            existing = current is not None or inspect(conn).has_table("meta")
            if current is None:
                _run_script(conn, schema_ddl(conn.dialect.name))
                command.stamp(config, BASELINE if existing else head)
            elif not _known(config, current):
                raise RevisionError(
                    f"central: the database is at schema revision {current}, which this "
                    f"platform does not know (its newest is {head}): a newer platform "
                    "has used it; run that one, or restore the backup taken before")
            command.upgrade(config, "heads")
            now = MigrationContext.configure(conn).get_current_revision() or head
    finally:
        engine.dispose()
    if existing and now != current:          # a new database is no news for the log
        log.info(json.dumps({"event": "schema_revision", "from": current, "to": now}))
    return now


def _config(versions: Sequence[Path]) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(HERE))
    locations = [HERE / "versions", *versions]
    config.set_main_option("version_locations", " ".join(str(p) for p in locations))
    config.set_main_option("path_separator", "space")
    return config


def _head(config: Config) -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(config).get_current_head() or BASELINE


def _known(config: Config, revision: str) -> bool:
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    try:
        return ScriptDirectory.from_config(config).get_revision(revision) is not None
    except CommandError:
        return False


def _run_script(conn: Connection, ddl: str) -> None:
    """Several statements at once, through the driver (function bodies hold `;`)."""
    raw = conn.connection.driver_connection
    if conn.dialect.name == "postgresql":
        raw.execute(ddl.encode())
    else:
        raw.executescript(ddl)


def sqlalchemy_url(target: Path | str) -> str:
    """The address SQLAlchemy knows the store by (psycopg 3 as the PostgreSQL driver)."""
    text = str(target)
    for scheme in ("postgresql://", "postgres://"):
        if text.startswith(scheme):
            return "postgresql+psycopg://" + text[len(scheme):]
    return f"sqlite:///{Path(text).resolve()}"
