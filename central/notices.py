"""The public notice as staff keep it: list the notices, change one field of one.

A change is checked against the contract's own schema (ServiceNotice or
CentreNotice) before it is stored, and gets a fresh change stamp, so every
terminal picks it up on its next sync (the feed pages by that stamp).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from central.contract import parse_body
from central.db import next_stamp, read, write
from central.errors import ApiError, CentralError

KIND = "notices"
SCHEMAS = {"service": "ServiceNotice", "centre": "CentreNotice"}
LIST_FIELDS = {"basis", "steps", "requirements", "materials", "norms", "commitments",
               "hours", "channels"}
FIXED = {"id", "kind", "updated_at"}


class NoticeError(CentralError):
    """Staff asked for a notice or field that is not there, or a value the contract refuses."""

    exit_code = 2


@dataclass(frozen=True)
class Notice:
    """One live notice as stored, with its change stamp."""

    id: str
    updated_at: str
    doc: dict[str, Any]


def notices(conn: sqlite3.Connection) -> list[Notice]:
    """Every live notice, in list order."""
    with read(conn):
        rows = conn.execute("SELECT id, updated_at, doc FROM feed_items WHERE kind = ? "
                            "AND deleted = 0", (KIND,)).fetchall()
    found = [Notice(i, u, json.loads(d)) for i, u, d in rows]
    return sorted(found, key=lambda n: (n.doc.get("order", 0), n.id))


def parse_value(field: str, text: str) -> Any:
    """What staff typed as the field's value: a list field takes a JSON array or one
    item a line; order takes a whole number; any other field is text as typed."""
    if field in LIST_FIELDS:
        if text.lstrip().startswith("["):
            try:
                return json.loads(text)
            except json.JSONDecodeError as exc:
                raise NoticeError(f"{field}: not a JSON array: {exc.msg}") from None
        return [line.strip() for line in text.splitlines() if line.strip()]
    if field == "order":
        try:
            return int(text)
        except ValueError:
            raise NoticeError(f"order must be a whole number, not {text!r}") from None
    return text


def set_field(conn: sqlite3.Connection, notice_id: str, field: str, value: Any) -> str:
    """Store a new value of one field of a notice; returns its new change stamp."""
    if field in FIXED:
        raise NoticeError(f"{field} cannot be changed")
    with write(conn):
        row = conn.execute("SELECT doc FROM feed_items WHERE kind = ? AND id = ? "
                           "AND deleted = 0", (KIND, notice_id)).fetchone()
        if row is None:
            raise NoticeError(f"no notice {notice_id!r}; `kiosk central notice list` "
                              "names them")
        doc = json.loads(row[0])
        schema = SCHEMAS.get(doc.get("kind", ""), "ServiceNotice")
        if field not in _fields(schema):
            raise NoticeError(f"a {doc.get('kind')} notice has no field {field!r}; "
                              f"fields: {', '.join(sorted(_fields(schema) - FIXED))}")
        doc[field] = value
        stamp = next_stamp(conn)
        _check(schema, {**doc, "updated_at": stamp})
        conn.execute("UPDATE feed_items SET updated_at = ?, doc = ? WHERE kind = ? AND id = ?",
                     (stamp, json.dumps(doc, ensure_ascii=False, separators=(",", ":")),
                      KIND, notice_id))
    return stamp


def _fields(schema: str) -> set[str]:
    from central.contract import document

    return set(document()["components"]["schemas"][schema]["properties"])


def _check(schema: str, doc: dict[str, Any]) -> None:
    try:
        parse_body(json.dumps(doc, ensure_ascii=False).encode(), schema)
    except ApiError as exc:
        details = exc.body.get("details") or [{"path": "", "msg": exc.body["message"]}]
        raise NoticeError("; ".join(f"{d['path']}: {d['msg']}" for d in details)) from None
