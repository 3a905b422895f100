"""The offline outbox: nothing a visitor submits is lost, and each is handled once.

enqueue() commits the submission (personal fields sealed) with a fresh
idempotency key before it returns; a sender thread delivers rows in order and
deletes each once the platform acknowledged it. A restart resends the head
with the same key, and the platform answers a repeat from its record, so a
kill at any point neither loses nor duplicates a submission.
"""

from __future__ import annotations

import json
import logging
import uuid
from typing import Any

from kiosk.clock import Clock
from kiosk.platform.client import PlatformClient
from kiosk.platform.crypto import FieldSealer, SealError
from kiosk.platform.errors import PlatformError, Refused
from kiosk.platform.outbox_store import OutboxStore, Row
from kiosk.platform.sender import Outcome, Waiters

log = logging.getLogger(__name__)

KINDS = {
    "registration": "/seekers/registrations",
    "job_interest": "/job-interests",
    "appointment": "/appointments",
    "appointment_cancel": "/appointments/{appointment_id}/cancel",
    "checkin": "/appointments/checkin",
    "complaint": "/complaints",
    "rating": "/ratings",
    "assessment": "/assessments",
    "command_result": "/fleet/commands/{command_id}/result",
}
DAY_S = 86400.0


class Outbox:
    """Durable queue of submissions plus the delivery of its head."""

    def __init__(self, store: OutboxStore, sealer: FieldSealer, client: PlatformClient,
                 clock: Clock, retention_days: float = 30.0) -> None:
        self.store = store
        self.sealer = sealer
        self.client = client
        self.clock = clock
        self.retention_days = retention_days
        self.waiters = Waiters()

    def enqueue(self, kind: str, payload: dict[str, Any],
                personal_fields: dict[str, Any] | None = None, key: str | None = None) -> str:
        """Store a submission durably; returns its idempotency key."""
        if kind not in KINDS:
            raise PlatformError(f"outbox: unknown submission kind {kind!r}")
        key = key or uuid.uuid4().hex
        path = KINDS[kind].format(**payload)
        sealed = self.sealer.seal(personal_fields, key) if personal_fields else None
        self.store.add(key, kind, path, json.dumps(payload, ensure_ascii=False), sealed,
                       self.clock.now().timestamp())
        log.info("submission queued", extra={"kind": kind, "key": key})
        return key

    def deliver_head(self) -> Outcome | None:
        """Try the oldest submission once; None when the queue is empty.

        A permanent refusal sets it aside (it must not block those behind it);
        a transient failure (unreachable, auth, clock) leaves it at the head.
        """
        row = self.store.head()
        if row is None:
            return None
        try:
            response = self.client.post(row.path, self._body(row), idempotency_key=row.key,
                                        attempts=1)
        except Refused as exc:
            return self._set_aside(row, exc.status, exc.code, exc.reason)
        except SealError as exc:
            return self._set_aside(row, 0, "unreadable", str(exc))
        except PlatformError as exc:
            self.store.attempted(row.key, type(exc).__name__)
            return Outcome(row.key, "queued", reason=type(exc).__name__)
        self.store.delete(row.key)
        log.info("submission delivered", extra={"kind": row.kind, "key": row.key})
        return Outcome(row.key, "sent", response=response)

    def _body(self, row: Row) -> dict[str, Any]:
        body = json.loads(row.payload)
        if row.sealed:
            body.update(self.sealer.open(row.sealed, row.key))
        return body

    def _set_aside(self, row: Row, status: int, code: str, reason: str) -> Outcome:
        self.store.set_aside(row, self.clock.now().timestamp(), status, code, reason)
        log.warning("submission set aside", extra={"kind": row.kind, "key": row.key,
                                                   "code": code})
        return Outcome(row.key, "refused", reason=reason or code)

    def drain(self, limit: int | None = None) -> int:
        """Deliver in this thread until empty or a transient failure; count sent."""
        sent = 0
        while limit is None or sent < limit:
            outcome = self.deliver_head()
            if outcome is None or outcome.state == "queued":
                break
            sent += outcome.state == "sent"
        return sent

    def purge(self) -> int:
        """Drop rows older than the retention period; how many went."""
        cutoff = self.clock.now().timestamp() - self.retention_days * DAY_S
        n = self.store.purge_before(cutoff)
        if n:
            log.warning("outbox rows past retention purged", extra={"count": n})
        return n

    def counts(self) -> dict[str, int]:
        return self.store.counts()
