"""Incremental catalog sync: cursor order, tombstones, changes only after the cursor."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from central.db import business_day


def sync(api, path: str, cursor: str = "", limit: int = 500) -> tuple[dict, str, int]:
    """Everything after cursor as {id: item}, the new cursor, and the number of pages."""
    items, pages = {}, 0
    while True:
        doc = api.get(f"{path}?cursor={cursor}&limit={limit}").json()
        pages += 1
        stamps = [i["updated_at"] for i in doc["items"]]
        assert stamps == sorted(stamps)
        items.update({i["id"]: i for i in doc["items"]})
        cursor = doc["next_cursor"]
        if not doc["has_more"]:
            return items, cursor, pages


def test_demo_catalog_is_complete_and_realistic(api):
    jobs, _, pages = sync(api, "/jobs", limit=300)
    assert pages == 7
    live = [j for j in jobs.values() if not j.get("deleted")]
    assert len(live) >= 1990 and len(jobs) == 2000
    today = business_day().isoformat()
    assert any(j["valid_until"] < today for j in live)              # a few expired
    titles = {j["title"] for j in live}
    assert {"司机", "保安", "会计", "服务员", "电工", "护工"} <= titles
    assert {j["employment_type"] for j in live} == {"full_time", "part_time", "internship",
                                                     "temporary"}
    fairs, _, _ = sync(api, "/fairs")
    assert {f["kind"] for f in fairs.values() if not f.get("deleted")} == {
        "onsite", "online", "livestream"}
    policies, _, _ = sync(api, "/policies")
    assert len(policies) >= 20
    services, _, _ = sync(api, "/guidance/services")
    slots = api.get("/guidance/slots").json()["items"]
    assert services and slots and all(s["free"] >= 1 for s in slots)


def test_changes_after_the_cursor_only_with_tombstones(api, platform):
    _, cursor, _ = sync(api, "/jobs")
    again, same_cursor, _ = sync(api, "/jobs", cursor)
    assert again == {} and same_cursor == cursor
    subprocess.run([sys.executable, "-m", "kiosk_command.main", "central", "seed", "--db",
                    str(platform.store), "--touch", "50"], check=True, capture_output=True)
    changed, _, _ = sync(api, "/jobs", cursor, limit=7)
    assert len(changed) == 50
    gone = [j for j in changed.values() if j.get("deleted")]
    assert len(gone) == 5 and set(gone[0]) == {"id", "deleted", "updated_at"}


def test_bad_cursor_and_limit_are_400(api):
    assert api.get("/jobs?cursor=%21%21%21").json()["error"] == "bad_cursor"
    resp = api.get("/jobs?limit=0")
    assert resp.status_code == 400 and resp.json()["error"] == "bad_query"


def test_slots_window_and_service_filter(api):
    tomorrow = business_day() + dt.timedelta(days=1)
    later = tomorrow + dt.timedelta(days=6)
    items = api.get(f"/guidance/slots?service_id=G001&from={tomorrow}&to={later}").json()
    assert items["items"] and all(s["service_id"] == "G001" for s in items["items"])
    assert all(str(tomorrow) <= s["starts_at"][:10] <= str(later) for s in items["items"])
    assert api.get("/guidance/slots?from=someday").json()["error"] == "bad_query"
