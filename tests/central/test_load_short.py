"""The load generator's short form: 20 signed terminals against the real platform.

A few seconds of heartbeats, syncs, ratings and complaints (some sent twice with
the same idempotency key) and the console's overview: no request may fail, and
every accepted submission must be in the database exactly once, with no other row.
"""

from __future__ import annotations

import asyncio

import pytest

from bench.loadgen.fleet import enroll_fleet, stored
from bench.loadgen.run import Plan, cursors, run
from kiosk_command.platform_proc import PlatformProcess


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with PlatformProcess(tmp_path_factory.mktemp("load") / "central", device_id="load-00000",
                         extra_args=["--console-insecure-cookies"]) as proc:
        yield proc


def test_twenty_terminals_no_errors_and_each_submission_stored_once(server) -> None:
    secret = server.secret_path if server.server else None
    devices = enroll_fleet(server.store, 20, secret=secret)
    start = asyncio.run(cursors(server.url, devices[0]))
    plan = Plan(terminals=20, seconds=3.0, compress=60.0, submits_per_hour=60.0,
                repeat_share=0.3, console_every_s=1.0)
    out = asyncio.run(run(plan, server.url, devices, start, server.proc.pid))

    assert out.recorder.error_count() == 0, out.recorder.table()
    counts = {kind: n for kind, n, *_ in out.recorder.rows()}
    assert counts["heartbeat"] >= 20 and counts["sync"] >= 4 and counts["console"] >= 1
    assert counts["rating"] + counts.get("complaint", 0) >= 20
    assert out.accepted.replays > 0              # some repeats were answered from the record
    check = stored(server.store, out.accepted.ratings, out.accepted.complaints)
    assert check.exactly_once, check
