"""kill -9 of the platform while submissions stream in: nothing acknowledged is lost."""

from __future__ import annotations

import threading
import uuid

import requests

from kiosk_command.platform_proc import PlatformProcess
from tests.central.signed import SignedApi
from tests.stores import database


def stream(api: SignedApi, sent: list[str], acked: dict[str, str], stop: threading.Event,
           enough: threading.Event) -> None:
    """Post ratings one after another until the connection dies."""
    while not stop.is_set():
        key = str(uuid.uuid4())
        sent.append(key)
        try:
            resp = api.post("/ratings", {"service": "综合窗口", "score": 4}, idem=key)
        except requests.RequestException:
            return
        if resp.status_code == 201:
            acked[key] = resp.json()["id"]
        if len(acked) >= 40:
            enough.set()


def test_kill_mid_stream_then_every_key_once(tmp_path):
    with PlatformProcess(tmp_path, demo_data=False) as platform:
        api = SignedApi(platform.url, platform.device_id, platform.key_file.read_text().strip())
        sent: list[str] = []
        acked: dict[str, str] = {}
        stop, enough = threading.Event(), threading.Event()
        worker = threading.Thread(target=stream, args=(api, sent, acked, stop, enough))
        worker.start()
        assert enough.wait(30)
        platform.kill()
        stop.set()
        worker.join(10)
        platform.up()
        api.http.close()
        api.http = requests.Session()
        for key, item_id in acked.items():                # every acknowledged one is there
            again = api.post("/ratings", {"service": "综合窗口", "score": 4}, idem=key)
            assert again.status_code == 201 and again.json()["id"] == item_id
        for key in sent:                                  # the kiosk re-sends all it had
            assert api.post("/ratings", {"service": "综合窗口", "score": 4},
                            idem=key).status_code == 201
        with database(platform) as conn:
            rows = conn.execute("SELECT count(*) FROM ratings").fetchone()[0]
            keys = conn.execute("SELECT count(*) FROM idempotency").fetchone()[0]
        assert rows == keys == len(set(sent))
