"""Platform tools: enrolment, import with the discrimination check, demo data, seeding."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from central.db import connect
from central.demo.jobs import make_jobs
from central.demo.seed import seed_demo
from central.importer import import_jobs
from central.screening import discriminatory
from tests.conftest import run_kiosk

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(("text", "kinds"), [
    ("限男性，身体健康", ["sex"]), ("女性优先", ["sex"]), ("要求女士，未婚", ["sex"]),
    ("仅限汉族", ["ethnicity"]), ("少数民族勿扰", ["ethnicity"]),
    ("无宗教信仰", ["religion"]), ("限男性，汉族优先", ["sex", "ethnicity"]),
    ("男女不限，有驾驶证", []), ("招男女服务员若干", []), ("负责女装区导购", []),
    ("性别不限，年龄18-45岁", []), ("熟悉男科门诊流程", []),
])
def test_discrimination_check(text, kinds):
    assert discriminatory({"title": "营业员", "requirements": text}) == kinds


def test_demo_postings_pass_the_check_and_are_deterministic():
    first = list(make_jobs(3000, 6, TODAY))
    assert first == list(make_jobs(3000, 6, TODAY))
    assert not [job["id"] for job in first if discriminatory(job)]


def test_import_publishes_clean_and_refuses_discriminatory(tmp_path):
    conn = connect(tmp_path / "c.db")
    good, bad, incomplete = list(make_jobs(3, 1, TODAY, first=500))
    bad["requirements"] = "限男性，35岁以下"
    del incomplete["duties"]
    feed = tmp_path / "feed.jsonl"
    lines = [json.dumps(x, ensure_ascii=False) for x in (good, bad, incomplete)] + ["{oops"]
    feed.write_text("\n".join(lines), encoding="utf-8")
    report = import_jobs(connect(tmp_path / "c.db"), feed.read_text().splitlines())
    assert report.published == 1
    assert [r[0] for r in report.refused] == [bad["id"], incomplete["id"], "line 4"]
    assert "discriminatory: sex" in report.refused[0][1]
    ids = [r[0] for r in conn.execute("SELECT id FROM feed_items WHERE kind = 'jobs'")]
    assert ids == [good["id"]]
    result = run_kiosk("central", "import-jobs", "--db", str(tmp_path / "d.db"), str(feed))
    assert result.returncode == 2 and "published 1, refused 3" in result.stdout


def test_demo_seeding_is_quick_and_once(tmp_path):
    conn = connect(tmp_path / "c.db")
    assert seed_demo(conn, TODAY) is True
    assert seed_demo(conn, TODAY) is False
    kinds = dict(conn.execute("SELECT kind, count(*) FROM feed_items GROUP BY kind"))
    assert kinds["jobs"] >= 2000 and kinds["policies"] >= 20 and kinds["fairs"] >= 12


def test_enroll_prints_key_once_and_refuses_a_second_time(tmp_path):
    db = str(tmp_path / "c.db")
    first = run_kiosk("central", "enroll", "--device", "kiosk-7", "--db", db)
    assert first.returncode == 0 and len(first.stdout.strip()) == 64
    again = run_kiosk("central", "enroll", "--device", "kiosk-7", "--db", db)
    assert again.returncode == 2 and "already enrolled" in again.stderr
    rekey = run_kiosk("central", "enroll", "--device", "kiosk-7", "--db", db, "--rekey")
    assert rekey.returncode == 0 and rekey.stdout != first.stdout


def test_seed_many_and_touch(tmp_path):
    db = str(tmp_path / "c.db")
    out = run_kiosk("central", "seed", "--db", db, "--jobs", "3000", "--touch", "100").stdout
    assert "added 3000 postings" in out and "changed 100 postings" in out
    out = run_kiosk("central", "seed", "--db", db, "--jobs", "10").stdout
    conn = connect(tmp_path / "c.db")
    assert conn.execute("SELECT count(*) FROM feed_items").fetchone()[0] == 3010
