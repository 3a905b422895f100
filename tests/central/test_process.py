"""The reference platform as a process: quick start, demo data, down/up on the same port."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request

from kiosk_command.platform_proc import PlatformProcess


def health(url: str) -> dict:
    with urllib.request.urlopen(f"{url}/api/v1/health", timeout=2) as resp:
        return json.load(resp)


def test_starts_with_demo_data_and_comes_back_on_the_same_port(tmp_path):
    # how fast it starts is the benchmarks' business, not a timed test's
    with PlatformProcess(tmp_path) as platform:
        doc = health(platform.url)
        assert doc["status"] == "ok" and abs(doc["server_time"] - time.time()) < 60
        key = platform.key_file.read_text().strip()
        assert len(key) == 64 and platform.key_file.stat().st_mode & 0o777 == 0o600
        url = platform.url
        platform.down()
        try:
            health(url)
            raise AssertionError("platform still answers after down()")
        except urllib.error.URLError:
            pass
        platform.up()
        assert platform.url == url and health(url)["status"] == "ok"
        assert platform.key_file.read_text().strip() == key     # same key after restart
    assert "Traceback" not in (tmp_path / "central.log").read_text()
