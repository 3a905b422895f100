"""What every signed route needs: the database, the secret box, the signed terminal."""

from __future__ import annotations

import datetime as dt
import secrets
import sqlite3
from typing import Any

from fastapi import APIRouter, Depends, Request

from central.auth import signed_device
from central.contract import parse_body, require_json
from central.errors import ApiError
from central.secretbox import SecretBox

PREFIX = "/api/v1"


def signed_router() -> APIRouter:
    """A router whose every route requires a valid signature."""
    return APIRouter(prefix=PREFIX, dependencies=[Depends(signed_device)])


def db(request: Request) -> sqlite3.Connection:
    return request.app.state.db


def box(request: Request) -> SecretBox:
    return request.app.state.box


def body(request: Request, schema: str) -> dict[str, Any]:
    """The signed body, declared as JSON and validated against the contract's schema."""
    raw = getattr(request.state, "body", b"")
    require_json(request.headers.get("content-type", ""), raw)
    return parse_body(raw, schema)


def visitor(request: Request, doc: dict[str, Any]) -> str | None:
    """The stored pseudonym of the visitor a body names (id_hash or id_number), if any."""
    from central.secretbox import id_hash

    given = doc.get("id_hash") or (id_hash(doc["id_number"]) if doc.get("id_number") else None)
    return box(request).pseudonym(given) if given else None


def new_id(prefix: str) -> str:
    return f"{prefix}-{secrets.token_hex(6)}"


def not_after(doc: dict[str, Any], field: str, today: dt.date) -> None:
    """422 invalid when the body's date field lies after today (a birth or leaving date
    in the future is a typing or reading mistake the visitor should hear about)."""
    value = doc.get(field)
    if not value:
        return
    try:
        late = dt.date.fromisoformat(value) > today
    except ValueError:
        late, problem = True, "is not a date"
    else:
        problem = f"lies after today ({today.isoformat()})"
    if late:
        raise ApiError(422, "invalid", f"{field} {problem}",
                       details=[{"path": f"/{field}", "msg": f"{field} {problem}"}])
