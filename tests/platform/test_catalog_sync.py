"""Catalog sync from the reference platform: full, incremental, tombstones, offline."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from kiosk.platform.catalog_store import timestamp
from kiosk.platform.client import PlatformClient
from kiosk_command.main import main
from kiosk_command.platform_proc import free_port
from tests.conftest import run_kiosk
from tests.platform.conftest import client_for, real_now_clock, service_for


def feed(client: PlatformClient, path: str) -> dict[str, dict]:
    """The platform's current view of a collection, read page by page."""
    latest: dict[str, dict] = {}
    for page in client.pages(path, "", 1000):
        latest.update({i["id"]: i for i in page["items"]})
    return latest


def test_full_then_incremental_sync(own_platform, tmp_path: Path) -> None:
    run_kiosk("central", "seed", "--db", str(own_platform.store), "--demo-data")
    service = service_for(own_platform, tmp_path / "kiosk")
    reports = {r.collection: r.changes for r in service.sync()}
    assert reports["jobs"] >= 2000 and reports["fairs"] and reports["policies"]
    upstream = feed(client_for(own_platform), "/jobs")
    now = real_now_clock().now().timestamp()
    live = {i for i, j in upstream.items() if not j.get("deleted")
            and (timestamp(j.get("valid_until"), end_of_day=True) or now + 1) > now
            and (timestamp(j.get("valid_from")) or 0) <= now}
    found = service.search("", limit=5000).items
    assert {j["id"] for j in found} == live
    withdrawn = [i for i, j in upstream.items() if j.get("deleted")]
    assert withdrawn and all(service.catalog.job(i) is None for i in withdrawn)

    assert {r.collection: r.changes for r in service.sync()}["jobs"] == 0   # cursor kept
    touched = run_kiosk("central", "seed", "--db", str(own_platform.store), "--touch", "30")
    assert touched.returncode == 0, touched.stderr
    assert {r.collection: r.changes for r in service.sync()}["jobs"] == 30
    after = feed(client_for(own_platform), "/jobs")
    gone = [i for i, j in after.items() if j.get("deleted") and i not in withdrawn]
    assert gone and all(service.catalog.job(i) is None for i in gone)
    service.stop()


def test_search_keeps_serving_while_the_platform_is_away(own_platform, tmp_path: Path) -> None:
    run_kiosk("central", "seed", "--db", str(own_platform.store), "--demo-data")
    service = service_for(own_platform, tmp_path / "kiosk")
    service.sync()
    before = service.search("司机")
    assert before.total > 0 and before.data_as_of is not None
    service.client = PlatformClient(f"http://127.0.0.1:{free_port()}", "x", b"k",
                                    clock=real_now_clock(), attempts=1)
    assert service.sync() == []
    after = service.search("司机")
    assert after.total == before.total and after.data_as_of == before.data_as_of
    assert service.client.status.snapshot()["reachable"] is False
    service.stop()


def test_cli_sync_and_search_json(platform, tmp_path: Path, capsys) -> None:
    site = tmp_path / "site.toml"
    site.write_text(f'[paths]\ndata_dir = "{tmp_path / "data"}"\n[platform]\n'
                    f'url = "{platform.url}"\nkey_file = "{platform.key_file}"\n'
                    f'device_id = "{platform.device_id}"\n', encoding="utf-8")
    assert main(["--config", str(site), "catalog", "sync"]) == 0
    assert "jobs: 2000 changes" in capsys.readouterr().out
    code = main(["--config", str(site), "catalog", "search", "司机", "--district", "武侯区",
                 "--limit", "3", "--json"])
    doc = json.loads(capsys.readouterr().out)
    assert code == 0 and 0 < len(doc["items"]) <= 3 and doc["total"] >= len(doc["items"])
    assert all(j["district"] == "武侯区" and "司机" in json.dumps(j, ensure_ascii=False)
               for j in doc["items"])
    assert dt.datetime.fromtimestamp(doc["data_as_of"]).year >= 2026
    assert main(["--config", str(site), "outbox", "status"]) == 0
    assert json.loads(capsys.readouterr().out)["outbox"]["pending"] == 0
