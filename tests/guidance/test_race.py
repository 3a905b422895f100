"""The last seat from 50 operating-system processes at once, through the real HTTP
server: three `kiosk central serve` processes share one database (so the store's own
locking, SQLite's or PostgreSQL's, not one process's lock, decides), and each terminal
is its own process with its own signed client. Exactly one booking wins; the count
equals the rows."""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import time
import uuid
from typing import Any

import pytest

from kiosk_command.platform_proc import PlatformProcess
from tests.central.signed import SignedApi
from tests.stores import database

TERMINALS = 50
SERVERS = 3


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory):
    work = tmp_path_factory.mktemp("race")
    first = PlatformProcess(work).start()            # seeds the demo data, enrols
    shared = first.store if first.server else None
    others = [PlatformProcess(work, demo_data=False, database=shared).start()
              for _ in range(SERVERS - 1)]
    try:
        yield [first, *others]
    finally:
        for proc in (first, *others):
            proc.stop()


def _terminal(url: str, device: str, key: str, doc: dict[str, Any], start: Any,
              out: Any) -> None:
    """One terminal: wait for the starting gun, book, report (status, code)."""
    api = SignedApi(url, device, key)
    api.get("/guidance/services?limit=1")            # connection open before the gun
    start.wait()
    answer = api.post("/appointments", doc, idem=str(uuid.uuid4()))
    out.put((answer.status_code, answer.json().get("error")))


def _race(servers: list[PlatformProcess], docs: list[dict[str, Any]]) -> list[tuple]:
    ctx = mp.get_context("fork")
    start, out = ctx.Event(), ctx.Queue()
    key = servers[0].key_file.read_text().strip()
    procs = [ctx.Process(target=_terminal, args=(servers[n % len(servers)].url,
                                                 servers[0].device_id, key, doc, start, out))
             for n, doc in enumerate(docs)]
    for proc in procs:
        proc.start()
    time.sleep(0.5)     # let every terminal open its connection (not a time-out: a head start)
    start.set()
    results = [out.get(timeout=60) for _ in procs]
    for proc in procs:
        proc.join(10)
    return results


def _seats(servers: list[PlatformProcess], slot_id: str) -> tuple[int, int, int]:
    with database(servers[0]) as conn:
        capacity, booked = conn.execute("SELECT capacity, booked FROM slots WHERE id = ?",
                                        (slot_id,)).fetchone()
        rows = conn.execute("SELECT count(*) FROM appointments WHERE slot_id = ? AND "
                            "status IN ('booked', 'checked_in')", (slot_id,)).fetchone()[0]
    return capacity, booked, rows


def person(n: int) -> str:
    return hashlib.sha256(f"racer-{n}".encode()).hexdigest()


@pytest.mark.parametrize("service", ["G007", "G002"])    # a group session, a one-to-one
def test_last_seat_goes_to_exactly_one_of_50_terminals(servers, service: str) -> None:
    """The demo's seats taken before (at the desk) are rows too: the slot's count must
    equal its rows before the race and after it."""
    began = time.monotonic()
    api = SignedApi(servers[0].url, servers[0].device_id,
                    servers[0].key_file.read_text().strip())
    slot = api.get(f"/guidance/slots?service_id={service}").json()["items"][0]
    _capacity, desk, desk_rows = _seats(servers, slot["id"])
    assert desk_rows == desk
    for n in range(slot["free"] - 1):                # down to the last seat
        assert api.post("/appointments", {"slot_id": slot["id"], "phone": "13800138000",
                                          "id_hash": person(1000 + n)},
                        idem=str(uuid.uuid4())).status_code == 201
    docs = [{"slot_id": slot["id"], "phone": "13800138000", "id_hash": person(n)}
            for n in range(TERMINALS)]     # 50 different people
    results = _race(servers, docs)
    assert sorted(results, key=str) == sorted([(201, None)] + [(409, "slot_taken")] * 49,
                                              key=str)
    capacity, booked, rows = _seats(servers, slot["id"])
    assert booked == capacity == rows and booked - desk == slot["free"]
    assert time.monotonic() - began < 20


def test_one_person_from_50_terminals_gets_one_seat(servers) -> None:
    api = SignedApi(servers[0].url, servers[0].device_id,
                    servers[0].key_file.read_text().strip())
    slot = api.get("/guidance/slots?service_id=G007").json()["items"][-1]
    before = _seats(servers, slot["id"])
    doc = {"slot_id": slot["id"], "phone": "13800138000", "id_hash": person(77)}
    results = _race(servers, [doc] * TERMINALS)
    assert sorted(results, key=str) == sorted([(201, None)] + [(409, "already_booked")] * 49,
                                              key=str)
    _capacity, booked, rows = _seats(servers, slot["id"])
    assert booked == before[1] + 1 and rows == before[2] + 1
