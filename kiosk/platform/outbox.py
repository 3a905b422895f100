"""The offline outbox: nothing a visitor submits is lost, and each is handled once.

enqueue() commits the submission (personal fields sealed) with a fresh
idempotency key before it returns; a sender thread delivers rows in order and
deletes each once the platform acknowledged it. A restart resends the head
with the same key, and the platform answers a repeat from its record, so a
kill at any point neither loses nor duplicates a submission.

One submission the platform keeps failing (a 500, an unreadable answer) must
not hold up the rest: after park_after such failures it is parked and retried
every park_retry_s, with the same key, while the queue goes on. Only rows of
its order group (Kind.group) wait behind it: a cancel or a check-in must not
overtake the booking before it, nor one registration update another.
Submissions of other kinds do not depend on each other and are never held.
"""

from __future__ import annotations

import json
import logging
import string
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from kiosk.clock import Clock
from kiosk.platform.client import PlatformClient
from kiosk.platform.crypto import FieldSealer, SealError
from kiosk.platform.errors import PlatformError, Refused, ServerFailed
from kiosk.platform.kinds import Kind
from kiosk.platform.outbox_store import OutboxStore, Row

log = logging.getLogger(__name__)

# the terminal's own kinds; the visitor flows declare theirs (kiosk.flows.outbox_kinds)
OWN_KINDS = {"command_result": Kind("/fleet/commands/{command_id}/result"),
             "screenshot": Kind("/fleet/screenshots"), "logs": Kind("/fleet/logs")}
DAY_S = 86400.0
State = Literal["sent", "queued", "refused"]


@dataclass(frozen=True)
class Outcome:
    """What the visitor is told about one submission (parked ones are "queued": they
    will be sent; parked says the queue need not wait for it)."""

    key: str
    state: State
    response: Any = None
    reason: str | None = None
    parked: bool = False

    @property
    def sent(self) -> bool:
        return self.state == "sent"

    @property
    def blocks(self) -> bool:
        """The platform is away (or failing this row): wait before the next try."""
        return self.state == "queued" and not self.parked


def path_fields(path: str) -> set[str]:
    """The payload fields a path template is made of (they are not sent in the body)."""
    return {name for _t, name, _f, _c in string.Formatter().parse(path) if name}


def unsent_fields(kind: Kind) -> set[str]:
    """The payload fields not sent in the body: the path's and the kind's local ones."""
    return path_fields(kind.path) | set(kind.local)


@dataclass(frozen=True)
class SetAside:
    """A submission the platform refused after it was saved: its payload, its opened
    personal fields and the refusal's code, for telling the visitor on a later visit."""

    key: str
    payload: dict[str, Any]
    personal: dict[str, Any]
    code: str


class Outbox:
    """Durable queue of submissions plus the delivery of its head."""

    def __init__(self, store: OutboxStore, sealer: FieldSealer, client: PlatformClient,
                 clock: Clock, retention_days: float = 30.0, park_after: int = 5,
                 park_retry_s: float = 3600.0,
                 kinds: Mapping[str, Kind] | None = None) -> None:
        self.kinds = {**OWN_KINDS, **(kinds or {})}
        self.store = store
        self.sealer = sealer
        self.client = client
        self.clock = clock
        self.retention_days = retention_days
        self.park_after = park_after
        self.park_retry_s = park_retry_s

    def _now(self) -> float:
        return self.clock.now().timestamp()

    def enqueue(self, kind: str, payload: dict[str, Any],
                personal_fields: dict[str, Any] | None = None, key: str | None = None,
                order_scope: str = "") -> str:
        """Store a submission durably; returns its idempotency key. order_scope narrows
        the kind's order group to submissions made with the same scope (see Kind)."""
        if kind not in self.kinds:
            raise PlatformError(f"outbox: unknown submission kind {kind!r}")
        key = key or uuid.uuid4().hex
        path = self.kinds[kind].path.format(**payload)
        sealed = self.sealer.seal(personal_fields, key) if personal_fields else None
        group = self.kinds[kind].group
        if group is not None and order_scope:
            group = f"{group}:{order_scope}"
        self.store.add(key, kind, path, json.dumps(payload, ensure_ascii=False), sealed,
                       self._now(), group)
        log.info("submission queued", extra={"kind": kind, "key": key})
        return key

    def deliver_head(self) -> Outcome | None:
        """Try the next due submission once; None when nothing is due.

        A permanent refusal sets it aside and a repeated server failure parks it
        (neither may block those behind it); an outage (unreachable, auth,
        clock) leaves it at the head.
        """
        row = self.store.next_due(self._now())
        if row is None:
            return None
        try:
            response = self.client.post(row.path, self._body(row), idempotency_key=row.key,
                                        attempts=1)
        except Refused as exc:
            return self._set_aside(row, exc.status, exc.code, exc.reason)
        except SealError as exc:
            return self._set_aside(row, 0, "unreadable", str(exc))
        except ServerFailed as exc:
            return self._failed(row, exc, counted=True)
        except PlatformError as exc:
            return self._failed(row, exc, counted=False)
        self.store.delete(row.key)
        log.info("submission delivered", extra={"kind": row.kind, "key": row.key})
        return Outcome(row.key, "sent", response=response)

    def _body(self, row: Row) -> dict[str, Any]:
        body = json.loads(row.payload)
        unsent = (unsent_fields(self.kinds[row.kind]) if row.kind in self.kinds
                  else path_fields(row.path))
        for name in unsent:
            body.pop(name, None)
        if row.sealed:
            body.update(self.sealer.open(row.sealed, row.key))
        return body

    def _failed(self, row: Row, exc: PlatformError, counted: bool) -> Outcome:
        """Count the failure; park the row once the platform failed it often enough."""
        failures = self.store.attempted(row.key, type(exc).__name__, counted)
        if counted and failures >= self.park_after:
            return self._park(row, str(exc), failures)
        return Outcome(row.key, "queued", reason=type(exc).__name__)

    def _park(self, row: Row, reason: str, failures: int) -> Outcome:
        retry_at = self._now() + self.park_retry_s
        self.store.park(row.key, retry_at, reason)
        log.warning("submission parked", extra={"kind": row.kind, "key": row.key,
                                                "failures": failures, "reason": reason,
                                                "retry_in_s": self.park_retry_s})
        return Outcome(row.key, "queued", reason=reason, parked=True)

    def _set_aside(self, row: Row, status: int, code: str, reason: str) -> Outcome:
        self.store.set_aside(row, self._now(), status, code, reason)
        log.warning("submission set aside", extra={"kind": row.kind, "key": row.key,
                                                   "code": code})
        return Outcome(row.key, "refused", reason=reason or code)

    def set_aside_for(self, kind: str, field: str, value: str) -> list[SetAside]:
        """Refused submissions of a kind whose sealed personal field equals value (the
        visitor's id_hash), oldest first, not yet told (see told())."""
        found = []
        for row in self.store.dead_of_kind(kind):
            try:
                personal = self.sealer.open(row["sealed"], row["key"])
            except SealError:
                continue
            if personal.get(field) == value:
                found.append(SetAside(row["key"], json.loads(row["payload"]), personal,
                                      str(row["code"] or "")))
        return found

    def told(self, key: str) -> None:
        """The visitor was told of a set-aside submission: its personal fields go (the
        technicians keep its kind, code and times)."""
        self.store.forget_sealed(key)

    def drain(self, limit: int | None = None) -> int:
        """Deliver in this thread until nothing is due or the platform is away; count
        sent."""
        sent = 0
        while limit is None or sent < limit:
            outcome = self.deliver_head()
            if outcome is None or outcome.blocks:
                break
            sent += outcome.sent
        return sent

    def retry_parked(self) -> int:
        """Make every parked submission due now (each is tried once more); how many."""
        return self.store.release_parked(self._now())

    def next_parked_in(self) -> float | None:
        """Seconds until the earliest parked submission is due (None: none parked)."""
        due = self.store.next_parked_at()
        return None if due is None else max(0.0, due - self._now())

    def parked(self) -> list[dict[str, Any]]:
        """Parked submissions for technicians: kind, key, age, tries, reason, next try —
        never a payload or a personal field."""
        now = self._now()
        return [{"key": p["key"], "kind": p["kind"], "age_s": round(now - p["created_at"]),
                 "tries": p["attempts"], "failures": p["failures"], "reason": p["park_reason"],
                 "retry_in_s": max(0, round(p["parked_until"] - now))}
                for p in self.store.parked()]

    def purge(self) -> int:
        """Drop rows older than the retention period; how many went."""
        cutoff = self._now() - self.retention_days * DAY_S
        n = self.store.purge_before(cutoff)
        if n:
            log.warning("outbox rows past retention purged", extra={"count": n})
        return n

    def counts(self) -> dict[str, int]:
        return self.store.counts()
