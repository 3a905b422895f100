"""Script steps for the platform link: sync the catalog, wait for the outbox to drain.

Scripts run on a fake clock, so the sender's back-off never runs out by
itself; outbox_drained wakes the sender (at most twice a second) until the
queue is empty.
"""

from __future__ import annotations

import time
from typing import Any

from kiosk_command.script.context import ScriptContext, ScriptFailure

WAKE_EVERY_S = 0.5


def _service(ctx: ScriptContext) -> Any:
    service = ctx.core.platform if ctx.core else None
    if service is None:
        raise ScriptFailure("the platform link is not wired in this run (platform.key_file?)")
    return service


def catalog_sync(ctx: ScriptContext, _arg: Any) -> None:
    """Sync every catalog now; fails when the platform did not answer."""
    service = _service(ctx)
    if not service.sync():
        raise ScriptFailure(f"catalog sync failed: {service.status.snapshot()['last_error']}")


def outbox_drained(ctx: ScriptContext, _arg: Any) -> Any:
    """Wait until every queued submission has been delivered (or set aside)."""
    service = _service(ctx)
    last = [0.0]

    def drained() -> bool:
        if service.outbox.counts()["pending"] == 0:
            return True
        if time.monotonic() - last[0] >= WAKE_EVERY_S:
            last[0] = time.monotonic()
            service.sender.wake()
        return False
    return drained


def outbox_pending(ctx: ScriptContext, count: Any) -> None:
    """Check how many submissions are waiting (e.g. 2 while the platform is down)."""
    pending = _service(ctx).outbox.counts()["pending"]
    if pending != int(count):
        raise ScriptFailure(f"outbox: expected {int(count)} pending, found {pending}")


def heartbeat(ctx: ScriptContext, _arg: Any) -> None:
    """Send the terminal's heartbeat now: the link status learns at once whether the
    platform answers (instead of waiting out heartbeat_s in real time)."""
    _service(ctx).heartbeat()


def outbox_set_aside(ctx: ScriptContext, count: Any) -> None:
    """Check how many submissions the platform refused for good (0: all were accepted)."""
    found = _service(ctx).outbox.counts()["set_aside"]
    if found != int(count):
        raise ScriptFailure(f"outbox: expected {int(count)} set aside, found {found}")


STEPS = {"catalog_sync": catalog_sync, "outbox_drained": outbox_drained,
         "outbox_pending": outbox_pending, "outbox_set_aside": outbox_set_aside,
         "heartbeat": heartbeat}
