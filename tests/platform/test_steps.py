"""The platform script steps, run against a core holding only the platform link."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk_command.script.context import ScriptContext, ScriptFailure
from kiosk_command.script.steps.outbox import STEPS
from tests.platform.conftest import rating, ratings_at, real_now_clock, service_for


class _Core:
    def __init__(self, platform) -> None:
        self.platform = platform


def test_sync_pending_and_drained(own_platform, tmp_path: Path) -> None:
    clock = real_now_clock()
    service = service_for(own_platform, tmp_path / "kiosk", clock, retry_min_s=600).start()
    ctx = ScriptContext(workdir=tmp_path, clock=clock, core=_Core(service))
    try:
        STEPS["catalog_sync"](ctx, None)
        own_platform.down()
        service.submit("rating", rating(1), wait_s=10)
        STEPS["outbox_pending"](ctx, 1)
        with pytest.raises(ScriptFailure):
            STEPS["outbox_pending"](ctx, 0)
        with pytest.raises(ScriptFailure):
            STEPS["catalog_sync"](ctx, None)
        own_platform.up()
        drained = STEPS["outbox_drained"](ctx, None)
        import time

        end = time.monotonic() + 30
        while not drained():
            assert time.monotonic() < end
            time.sleep(0.02)      # a frame
    finally:
        service.stop()
    assert ratings_at(own_platform) == ["m1"]
