"""An order group narrowed to a scope: one visitor's stuck registration holds up only
what that visitor sent after it, never another visitor's registration."""

from __future__ import annotations

from pathlib import Path

from kiosk.platform.kinds import Kind
from kiosk.platform.outbox_store import OutboxStore


def _store(tmp_path: Path) -> OutboxStore:
    return OutboxStore(tmp_path / "outbox.db")


def test_scoped_groups_wait_only_for_their_own_scope(tmp_path: Path) -> None:
    from kiosk.clock import FakeClock
    from kiosk.platform.client import PlatformClient
    from kiosk.platform.crypto import FieldSealer
    from kiosk.platform.outbox import Outbox

    kinds = {"registration": Kind("/seekers/registrations", "registration"),
             "unemployment": Kind("/seekers/unemployment", "registration")}
    clock = FakeClock()
    client = PlatformClient("http://127.0.0.1:9", "demo-001", b"k" * 32, clock=clock)
    outbox = Outbox(_store(tmp_path), FieldSealer(b"s" * 32), client, clock, kinds=kinds)
    now = clock.now().timestamp()
    outbox.enqueue("registration", {}, key="a-reg", order_scope="visit-a")
    outbox.enqueue("unemployment", {}, key="a-unemp", order_scope="visit-a")
    outbox.enqueue("registration", {}, key="b-reg", order_scope="visit-b")
    first = outbox.store.next_due(now)
    assert first is not None and first.key == "a-reg"
    outbox.store.park(first.key, now + 1000.0, "platform answer unreadable")   # a-reg is stuck
    due = outbox.store.next_due(now)
    assert due is not None and due.key == "b-reg"      # another visit goes on
    outbox.store.delete(due.key)
    assert outbox.store.next_due(now) is None        # a-unemp waits behind its a-reg
