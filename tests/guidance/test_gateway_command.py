"""`kiosk central gateway add|list|remove` as an operator runs it, against a database
that `kiosk central serve` then serves: the printed id and key sign the gateway's
claim over real HTTP and get a due reminder with its phone number, and once removed
the same key no longer signs.

The platform's clock is started where the test needs it (`serve --now`), once before
the booking and once when its two-hour reminder is due; nothing waits for time.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import uuid
from pathlib import Path

from central.db import Target
from kiosk_command.platform_proc import PlatformProcess
from tests.central.signed import SignedApi
from tests.stores import database, new_target

PHONE = "13912345678"


def kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk_command.main", "central", *args],
                          capture_output=True, text=True, timeout=60, check=False)


def _printed(out: str) -> dict[str, str]:
    """The `name: value` lines `gateway add` prints."""
    return dict(line.split(": ", 1) for line in out.splitlines() if ": " in line)


def _first_slot(db: Target) -> tuple[str, dt.datetime]:
    """A free one-to-one slot anyone may book, and its start."""
    with database(db) as conn:
        slot, starts = conn.execute(
            "SELECT id, starts_at FROM slots WHERE kind = 'one_to_one' AND booked = 0 AND "
            "priority IS NULL ORDER BY starts_utc, id LIMIT 1").fetchone()
    return slot, dt.datetime.fromisoformat(starts)


def _served_at(work: Path, db: Target, moment: dt.datetime) -> PlatformProcess:
    return PlatformProcess(work, demo_data=False, database=db if isinstance(db, str) else None,
                           extra_args=("--now", moment.isoformat())).start()


def _book(proc: PlatformProcess, slot: str) -> None:
    terminal = SignedApi(proc.url, proc.device_id, proc.key_file.read_text().strip())
    done = terminal.post("/appointments", {"slot_id": slot, "phone": PHONE,
                                           "id_hash": uuid.uuid4().hex * 2},
                         idem=str(uuid.uuid4()))
    assert done.status_code == 201, done.text


def test_a_gateway_added_on_the_command_line_claims_and_is_removed(tmp_path) -> None:
    db = new_target(tmp_path)
    assert kiosk("seed", "--db", str(db), "--demo-data").returncode == 0
    assert kiosk("gateway", "list", "--db", str(db)).stdout.strip() == "no gateway"
    added = kiosk("gateway", "add", "--db", str(db), "sms-city-1")
    assert added.returncode == 0, added.stderr
    printed = _printed(added.stdout)
    assert printed["device_id"] == "sms-city-1" and len(printed["key"]) == 64
    again = kiosk("gateway", "add", "--db", str(db), "sms-city-1")
    assert again.returncode == 2 and "already a client" in again.stderr
    assert kiosk("gateway", "list", "--db", str(db)).stdout.startswith("sms-city-1\t")
    slot, starts = _first_slot(db)
    proc = _served_at(tmp_path, db, starts - dt.timedelta(hours=3))
    try:
        _book(proc, slot)
    finally:
        proc.stop()
    proc = _served_at(tmp_path, db, starts - dt.timedelta(minutes=110))    # two_hours is due
    try:
        sms = SignedApi(proc.url, printed["device_id"], printed["key"])
        claim = sms.post("/notifications/claim", {"limit": 10, "lease_s": 60})
        assert claim.status_code == 200, claim.text
        items = claim.json()["items"]
        assert [(i["kind"], i["phone"]) for i in items] == [("two_hours", PHONE)]
        ack = sms.post(f"/notifications/{items[0]['id']}/ack",
                       {"claim": claim.json()["claim"]})
        assert ack.status_code == 200 and ack.json()["status"] == "sent"
        removed = kiosk("gateway", "remove", "--db", str(db), "sms-city-1")
        assert removed.returncode == 0, removed.stderr
        assert sms.post("/notifications/claim", {"limit": 10}).status_code == 401
    finally:
        proc.stop()
    assert kiosk("gateway", "remove", "--db", str(db), "sms-city-1").returncode == 2
    assert kiosk("gateway", "list", "--db", str(db)).stdout.strip() == "no gateway"
