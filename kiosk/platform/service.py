"""PlatformService: what the screens are handed as core.platform.

One object holding the client, the outbox and its sender, the catalog cache,
and the link status technicians see. Screens submit through it (and are told
"sent" or "saved, will be sent"), search the cache, and ask live questions
(lookup, complaint status) that need the platform to answer.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.clock import Clock
from kiosk.config.schema import PlatformSection
from kiosk.files import private_dir
from kiosk.platform.catalog import Catalog, SyncReport
from kiosk.platform.client import PlatformClient
from kiosk.platform.crypto import FieldSealer, load_or_create_key
from kiosk.platform.errors import MalformedAnswer, PlatformError, Refused
from kiosk.platform.identity import id_hash
from kiosk.platform.outbox import Kind, Outbox, Outcome, unsent_fields
from kiosk.platform.outbox_store import OutboxStore
from kiosk.platform.search import JobFilters, SearchResult, Sort
from kiosk.platform.sender import Sender
from kiosk.platform.worker import Periodic

log = logging.getLogger(__name__)
DEVICES = ("reader", "printer", "camera", "audio")   # the contract's TerminalHealth.devices


def _utc(moment: float) -> str:
    import datetime as dt

    return dt.datetime.fromtimestamp(moment, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Options:
    """Tunables, from the [platform] settings."""

    retention_days: float = 30.0
    submit_wait_s: float = 3.0
    retry_min_s: float = 2.0
    retry_max_s: float = 300.0
    sync_interval_s: float = 900.0
    heartbeat_s: float = 60.0
    park_after: int = 5
    park_retry_s: float = 3600.0
    app_version: str = "0"

    @classmethod
    def from_section(cls, section: PlatformSection, app_version: str = "0") -> Options:
        """Every tunable of the [platform] section by name, so a new key reaches the
        service without the wiring listing it."""
        names = {f.name for f in dataclasses.fields(cls)} - {"app_version"}
        return cls(app_version=app_version,
                   **{name: getattr(section, name) for name in names})


class PlatformService:
    """Client + outbox + catalog + status for one terminal."""

    def __init__(self, data_dir: Path, client: PlatformClient, clock: Clock,
                 options: Options | None = None,
                 kinds: Mapping[str, Kind] | None = None) -> None:
        self.options = options or Options()
        self.client = client
        self.clock = clock
        self.status = client.status
        data_dir = private_dir(Path(data_dir).expanduser())  # queue and keys: ours only
        sealer = FieldSealer(load_or_create_key(data_dir / "outbox.key"))
        self.outbox = Outbox(OutboxStore(data_dir / "outbox.sqlite3"), sealer, client, clock,
                             self.options.retention_days, self.options.park_after,
                             self.options.park_retry_s, kinds)
        self.sender = Sender(self.outbox, self.options.retry_min_s, self.options.retry_max_s)
        self.catalog = Catalog(data_dir / "catalog.sqlite3", clock)
        self.syncer = Periodic("catalog-sync", self.sync, self.options.sync_interval_s)
        self.beat = Periodic("heartbeat", self.heartbeat, self.options.heartbeat_s)
        self.health_source: Callable[[], dict[str, object]] = self._bare_health
        self.heard: Callable[[dict[str, Any], float], None] | None = None
        self._running = False

    def start(self) -> PlatformService:
        """Start delivering the outbox and syncing the catalog in the background."""
        self.sender.start()
        self.syncer.start()
        self.beat.start()
        self._running = True
        return self

    def stop(self) -> None:
        self._running = False
        self.beat.stop()
        self.syncer.stop()
        self.sender.stop()
        self.client.close()
        self.catalog.close()
        self.outbox.store.close()

    def submit(self, kind: str, payload: dict[str, Any],
               personal_fields: dict[str, Any] | None = None,
               wait_s: float | None = None) -> Outcome:
        """Store durably, then say honestly whether it already reached the platform."""
        key = uuid.uuid4().hex
        event = self.sender.waiters.register(key)
        self.outbox.enqueue(kind, payload, personal_fields, key=key)
        if self._running:
            self.sender.wake()
            event.wait(self.options.submit_wait_s if wait_s is None else wait_s)
        return self.sender.waiters.take(key) or Outcome(key, "queued")

    def submit_in_background(self, kind: str, payload: dict[str, Any],
                             personal_fields: dict[str, Any] | None,
                             done: Callable[[Outcome], None], order_scope: str = "") -> str:
        """submit() on a worker thread, so the screen never blocks; done(outcome) runs on
        that thread (screens hop back with Clock.schedule_once). Returns the key at once
        — the submission is already stored when this returns. order_scope: see
        Outbox.enqueue."""
        key = uuid.uuid4().hex
        event = self.sender.waiters.register(key)
        self.outbox.enqueue(kind, payload, personal_fields, key=key, order_scope=order_scope)

        def wait() -> None:
            if self._running:
                self.sender.wake()
                event.wait(self.options.submit_wait_s)
            done(self.sender.waiters.take(key) or Outcome(key, "queued"))
        threading.Thread(target=wait, name="submit-wait", daemon=True).start()
        return key

    def submit_now(self, kind: str, payload: dict[str, Any],
                   personal_fields: dict[str, Any] | None = None,
                   keep_when_away: bool = True) -> Outcome:
        """Send at once and let a refusal reach the caller (raises Refused), so the
        visitor can choose again while still at the glass (a seat just taken). When
        the platform cannot be reached it is stored in the outbox under the same
        idempotency key (keep_when_away) and sent later, answered once either way;
        otherwise the PlatformError is raised too. Call it from a worker thread."""
        key = uuid.uuid4().hex
        kind_of = self.outbox.kinds[kind]
        body = {k: v for k, v in payload.items() if k not in unsent_fields(kind_of)}
        body.update(personal_fields or {})
        try:
            answer = self.client.post(kind_of.path.format(**payload), body,
                                      idempotency_key=key)
        except Refused:
            raise
        except PlatformError:
            if not keep_when_away:
                raise
            self.outbox.enqueue(kind, payload, personal_fields, key=key)
            if self._running:
                self.sender.wake()
            return Outcome(key, "queued")
        return Outcome(key, "sent", response=answer)

    def ask(self, path: str, body: dict[str, Any]) -> Any:
        """A live query (seeker lookup, complaint status); raises PlatformError."""
        return self.client.post(path, body)

    def lookup(self, id_number: str) -> Any:
        """The visitor's own registration, recommendations, appointments and complaints.

        Only the hash of the ID number leaves the terminal; the platform keys its
        records by it.
        """
        return self.client.post("/seekers/lookup", {"id_hash": id_hash(id_number)})

    def complaint_status(self, tracking_number: str, phone: str) -> Any:
        """Where a complaint stands; the phone proves it is the visitor's own."""
        return self.client.post("/complaints/status", {"tracking_number": tracking_number,
                                                       "phone": phone})

    def free_slots(self, service_id: str = "") -> list[dict[str, Any]]:
        """Free guidance slots (live: they are booked by the minute)."""
        params = {"service_id": service_id} if service_id else None
        answer = self.client.get("/guidance/slots", params)
        items = answer.get("items") if isinstance(answer, dict) else None
        if not isinstance(items, list):
            raise MalformedAnswer(200, "guidance/slots without a list of slots")
        return [item for item in items if isinstance(item, dict)]

    def appointment(self, appointment_id: str) -> dict[str, Any]:
        """One appointment by its ticket's id (live: its state changes by the minute)."""
        answer = self.client.get(f"/appointments/{appointment_id}")
        if not isinstance(answer, dict) or not answer.get("id"):
            raise MalformedAnswer(200, "appointments/{id} without an appointment")
        return answer

    def search(self, text: str, filters: JobFilters | None = None, sort: Sort = "newest",
               limit: int = 20, offset: int = 0) -> SearchResult:
        return self.catalog.search(text, filters, sort, limit, offset)

    def sync(self) -> list[SyncReport]:
        """Sync every catalog; a failure is recorded in the status, not raised."""
        try:
            return self.catalog.sync(self.client)
        except PlatformError as exc:
            log.warning("catalog sync failed", extra={"error": type(exc).__name__})
            return []
        finally:
            self.status.note("data_as_of", self.catalog.data_as_of())

    def heartbeat(self) -> Any:
        """Tell the platform we are alive and how we are (health_source, the fleet's
        Health once remote management is wired); a clock problem shows here first. A
        link back after an outage wakes the sender; the answer goes to `heard`."""
        was_down = self.status.snapshot()["reachable"] is False
        try:
            answer = self.client.post("/devices/heartbeat", {
                "app_version": self.options.app_version, "health": self.health_source(),
                "kiosk_time": self.clock.now().timestamp()})
        except PlatformError:
            return None
        if was_down:
            self.sender.wake()
        if self.heard is not None and isinstance(answer, dict):
            self.heard(answer, self.clock.now().timestamp())
        return answer

    def link_health(self) -> dict[str, object]:
        """The link's part of the contract's TerminalHealth: outbox, catalog, reachability."""
        now = self.clock.now().timestamp()
        counts = self.outbox.counts()
        oldest = self.outbox.store.oldest_pending()
        synced = self.catalog.data_as_of()
        return {
            "outbox": {"pending": counts["pending"], "parked": counts["parked"],
                       "set_aside": counts["set_aside"],
                       "oldest_age_s": round(max(0.0, now - oldest), 1) if oldest else None},
            "catalog": {"last_sync": _utc(synced) if synced else None,
                        "age_s": round(max(0.0, now - synced), 1) if synced else None},
            "reachable": self.status.snapshot()["reachable"]}

    def _bare_health(self) -> dict[str, object]:
        """Health when nothing else is wired (a CLI heartbeat): devices unknown."""
        return {"release": self.options.app_version, "uptime_s": 0.0, "session": "idle",
                "devices": {name: {"state": "unknown"} for name in DEVICES},
                "clock_skew_s": None, "disk_free_mb": 0.0, "memory_mb": 0.0,
                **self.link_health()}

    def state(self) -> dict[str, Any]:
        """Everything a technician wants to see about the link, as plain values."""
        snap = self.status.snapshot()
        snap["outbox"] = self.outbox.counts()
        snap["parked"] = self.outbox.parked()
        snap["set_aside"] = self.outbox.store.dead_letters()
        snap["data_as_of"] = self.catalog.data_as_of()
        return snap
