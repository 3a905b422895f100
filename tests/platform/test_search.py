"""Bigram search gives exactly what a substring scan would, for 1, 2 and 3+ characters,
with the postings that have the words in their title first."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

import pytest

from kiosk.clock import FakeClock
from kiosk.platform.catalog import Catalog
from kiosk.platform.catalog_store import apply_jobs
from kiosk.platform.search import JobFilters
from kiosk.platform.tokens import normalise, runs

CHINA = dt.timezone(dt.timedelta(hours=8))
NOW = dt.datetime(2026, 3, 2, 9, 30, tzinfo=CHINA)
ALPHABET = list("司机保安会计车工收银员叉厨师，。 ") + ["C1", "java", "ＣＡＤ", "A"]
DISTRICTS = ["武侯区", "锦江区", "青羊区"]


def text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, n)))


def make_jobs(count: int = 400, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    jobs = []
    for i in range(count):
        posted = NOW - dt.timedelta(days=rng.uniform(0, 60), seconds=i)
        pay = rng.randrange(2000, 12000, 500)
        jobs.append({
            "id": f"J{i}", "title": text(rng, 6), "company": text(rng, 6),
            "duties": text(rng, 20), "requirements": text(rng, 12), "benefits": "司机保安",
            "occupation_group": rng.choice(["交通运输", "安保物业"]),
            "district": rng.choice(DISTRICTS), "pay_min": pay, "pay_max": pay + 1000,
            "employment_type": rng.choice(["full_time", "part_time"]),
            "education": rng.choice(["不限", "高中", "大专"]),
            "posted_at": posted.isoformat(),
            "valid_until": (NOW + dt.timedelta(days=rng.uniform(-5, 30))).isoformat(),
            "updated_at": posted.isoformat()})
    return jobs


def matches(job: dict, query: str) -> bool:
    """The reference: every part of the query is in title, company, duties or requirements."""
    fields = [normalise(job[f] or "") for f in ("title", "company", "duties", "requirements")]
    for han, run in runs(query):
        if han and not any(run in f for f in fields):
            return False
        if not han and not any(re.search(rf"(?<![0-9a-z]){run}", f) for f in fields):
            return False
    return True


def in_title(job: dict, query: str) -> bool:
    """The parts the word index holds (Han runs of two or more, ASCII words) are all in
    the title; a query of lone characters ranks nothing above the rest."""
    title = normalise(job["title"] or "")
    parts = [(han, run) for han, run in runs(query) if not (han and len(run) == 1)]
    return bool(parts) and all(
        run in title if han else re.search(rf"(?<![0-9a-z]){run}", title)
        for han, run in parts)


def live(job: dict) -> bool:
    return dt.datetime.fromisoformat(job["valid_until"]) > NOW


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory):
    cat = Catalog(tmp_path_factory.mktemp("cat") / "catalog.sqlite3", FakeClock(NOW))
    jobs = make_jobs()
    cat.conn.execute("BEGIN")
    apply_jobs(cat.conn, jobs[:200])
    apply_jobs(cat.conn, jobs[200:])
    apply_jobs(cat.conn, [dict(j, title=j["title"] + "更新") for j in jobs[::7]])
    cat.conn.execute("COMMIT")
    for j in jobs[::7]:
        j["title"] += "更新"
    yield cat, jobs
    cat.close()


QUERIES = ["车", "工", "司机", "保安", "会计", "收银员", "叉车司机", "银员", "c1", "java", "cad",
           "车 工", "司机 保安", "更新", "更新 车", "厨师 c1", "a", "员工", "不存在"]


@pytest.mark.parametrize("query", QUERIES)
def test_same_postings_as_a_substring_scan(catalog, query: str) -> None:
    cat, jobs = catalog
    newest = [j for j in sorted(jobs, key=lambda j: j["posted_at"], reverse=True)
              if live(j) and matches(j, query)]
    # postings with the words in their title first, each part newest first
    expected = [j["id"] for j in newest if in_title(j, query)] + [
        j["id"] for j in newest if not in_title(j, query)]
    found = cat.search(query, limit=1000)
    assert [j["id"] for j in found.items] == expected
    assert found.total == len(expected)
    pages = [cat.search(query, limit=7, offset=o).items for o in range(0, len(expected), 7)]
    assert [j["id"] for page in pages for j in page] == expected


@pytest.mark.parametrize("filters", [
    JobFilters(district="武侯区"), JobFilters(employment_type="part_time", education="大专"),
    JobFilters(pay_at_least=9000), JobFilters(pay_at_most=4000, occupation_group="交通运输"),
    JobFilters(posted_within_days=7)])
def test_filters_and_pay_sort(catalog, filters: JobFilters) -> None:
    cat, jobs = catalog

    def keep(j: dict) -> bool:
        posted = dt.datetime.fromisoformat(j["posted_at"])
        return (live(j) and matches(j, "司机")
                and filters.district in (None, j["district"])
                and filters.employment_type in (None, j["employment_type"])
                and filters.education in (None, j["education"])
                and filters.occupation_group in (None, j["occupation_group"])
                and (filters.pay_at_least is None or j["pay_max"] >= filters.pay_at_least)
                and (filters.pay_at_most is None or j["pay_min"] <= filters.pay_at_most)
                and (filters.posted_within_days is None
                     or posted >= NOW - dt.timedelta(days=filters.posted_within_days)))
    expected = [j for j in jobs if keep(j)]
    found = cat.search("司机", filters, sort="pay", limit=1000)
    assert sorted(j["id"] for j in found.items) == sorted(j["id"] for j in expected)
    pays = [j["pay_max"] for j in found.items]
    assert pays == sorted(pays, reverse=True)


@pytest.mark.parametrize("query", ["车", "司机", "工 车", "java 员"])
@pytest.mark.parametrize("filters", [JobFilters(), JobFilters(district="武侯区")])
def test_pay_order_through_the_pay_index(catalog, query: str, filters: JobFilters) -> None:
    """With many matches the best paid are found by walking the pay index: same page."""
    from kiosk.platform.search import search_jobs

    cat, _jobs = catalog
    now = NOW.timestamp()
    full = search_jobs(cat.reader, query, filters, now, "pay", limit=15)
    walked = search_jobs(cat.reader, query, filters, now, "pay", limit=15, count_cap=1, many=2)
    assert walked.total_capped and [j["id"] for j in walked.items] == \
        [j["id"] for j in full.items]


def test_count_is_capped_but_says_so(catalog) -> None:
    cat, _jobs = catalog
    from kiosk.platform.search import search_jobs

    found = search_jobs(cat.reader, "", JobFilters(), NOW.timestamp(), count_cap=50)
    assert found.total == 50 and found.total_capped


def test_browse_counts_per_district(catalog) -> None:
    cat, jobs = catalog
    counts = cat.counts()
    for district in DISTRICTS:
        assert counts["district"][district] == sum(
            1 for j in jobs if live(j) and j["district"] == district)


def test_expiry_follows_the_local_clock(tmp_path: Path) -> None:
    clock = FakeClock(NOW)
    cat = Catalog(tmp_path / "c.sqlite3", clock)
    job = make_jobs(1)[0] | {"title": "保安", "valid_until": "2026-03-03"}
    apply_jobs(cat.conn, [job])
    assert cat.search("保安").total == 1
    clock.advance(86400 * 1.5)     # 2026-03-03 21:30: the last day is still open
    assert cat.search("保安").total == 1
    clock.advance(3 * 3600)        # past midnight China time: gone, without any sync
    assert cat.search("保安").total == 0
    assert cat.job(job["id"])["title"] == "保安"    # still there for a receipt


def test_tombstone_removes_posting_and_its_index(tmp_path: Path) -> None:
    cat = Catalog(tmp_path / "c.sqlite3", FakeClock(NOW))
    job = make_jobs(1)[0] | {"title": "会计", "valid_until": None}
    apply_jobs(cat.conn, [job])
    apply_jobs(cat.conn, [{"id": job["id"], "deleted": True, "updated_at": "x"}])
    assert cat.search("会计").total == 0 and cat.search("计").total == 0
    assert cat.conn.execute("SELECT count(*) FROM job_docs").fetchone()[0] == 0
