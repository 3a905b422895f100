"""Several server processes (`serve --workers 3`) in front of one PostgreSQL database.

Nothing another process must see lives in one process's memory: a repeated submission
sent to all of them at once is stored once, the complaint lookups of one tracking number
are counted together whichever process answers, and catalog changes committed by
several writing processes at once reach a syncing terminal without a row skipped.
These start their own cluster (tests/pg.py), so they run in every test run.
"""

from __future__ import annotations

import subprocess
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from kiosk_command.pg_cluster import PostgresCluster
from kiosk_command.platform_proc import PlatformProcess
from tests.central.signed import SignedApi
from tests.pg import pg  # noqa: F401 - a fixture, found by name
from tests.stores import count, database

pytestmark = pytest.mark.own_cluster   # both stores here: the PostgreSQL run would repeat it

WORKERS = 3


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory, pg: PostgresCluster):  # noqa: F811
    work = tmp_path_factory.mktemp("workers")
    with PlatformProcess(work, server=pg.url, workers=WORKERS) as proc:
        yield proc


def client(platform: PlatformProcess) -> SignedApi:
    return SignedApi(platform.url, platform.device_id, platform.key_file.read_text().strip())


def test_the_platform_answers_from_several_processes(platform: PlatformProcess) -> None:
    pids = subprocess.run(["pgrep", "-g", str(platform.proc.pid)], capture_output=True,
                          text=True).stdout.split()
    assert len(pids) >= WORKERS + 1         # the supervisor and its workers


def test_one_key_sent_to_every_process_at_once_is_stored_once(platform) -> None:
    before = count(platform, "ratings")
    key = str(uuid.uuid4())
    apis = [client(platform) for _ in range(12)]     # a connection each: spread over workers
    with ThreadPoolExecutor(12) as pool:
        answers = list(pool.map(lambda api: api.post(
            "/ratings", {"service": "职业指导", "score": 5}, idem=key), apis))
    assert {a.status_code for a in answers} == {201}
    assert len({a.json()["id"] for a in answers}) == 1
    assert count(platform, "ratings") == before + 1


def test_complaint_lookups_are_counted_across_processes(platform) -> None:
    number = f"TS20261204-{uuid.uuid4().int % 10**6:06d}"
    apis = [client(platform) for _ in range(8)]
    codes = [api.post("/complaints/status", {"tracking_number": number,
                                             "phone": f"1390000{n:04d}"}).status_code
             for n, api in enumerate(apis)]
    assert codes[:5] == [404] * 5 and set(codes[5:]) == {429}


def test_writers_in_several_processes_never_make_a_cursor_skip(platform) -> None:
    api = client(platform)
    seen: dict[str, str] = {}
    cursor = ""

    def pull() -> None:
        nonlocal cursor
        while True:
            page = api.get(f"/jobs?cursor={cursor}&limit=200").json()
            seen.update({i["id"]: i["updated_at"] for i in page["items"]})
            cursor = page["next_cursor"] or cursor
            if not page["has_more"]:
                return

    pull()
    writers = [subprocess.Popen([sys.executable, "-m", "kiosk_command.main", "central", "seed",
                                 "--db", str(platform.store), "--touch", "60"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
               for _ in range(4)]
    while any(w.poll() is None for w in writers):     # sync while they commit
        pull()
    assert [w.wait() for w in writers] == [0] * 4, [w.stderr.read() for w in writers]
    pull()
    with database(platform) as conn:
        stored = dict(conn.execute("SELECT id, updated_at FROM feed_items WHERE kind = 'jobs'"
                                   ).fetchall())
    assert seen == stored


def test_database_away_is_503_then_served_again(tmp_path) -> None:
    """The PostgreSQL server stopping under a running platform: the terminal is told to
    send again (503 with Retry-After), never a 500, and served once the server is back."""
    with PostgresCluster({"fsync": "off"}) as cluster, PlatformProcess(
            tmp_path, server=cluster.url) as platform:
        api = client(platform)
        assert api.get("/jobs?limit=1").status_code == 200
        cluster.stop()
        away = api.post("/ratings", {"service": "职业指导", "score": 4}, idem="away-1")
        assert away.status_code == 503 and away.headers["Retry-After"] == "5"
        assert away.json()["error"] == "unavailable"
        cluster.start_again()
        answers = [api.post("/ratings", {"service": "职业指导", "score": 4}, idem="away-1")
                   for _ in range(3)]        # a stale pooled connection or two, then served
        assert answers[-1].status_code == 201
        assert {a.status_code for a in answers} <= {201, 503}
        assert count(platform, "ratings") == 1
