"""Numeric filters no posting can have are refused with one line, never sent to SQLite."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from kiosk.clock import FakeClock
from kiosk.platform.catalog import Catalog
from kiosk.platform.catalog_store import apply_jobs
from kiosk.platform.errors import BadFilter
from kiosk.platform.search import MAX_DAYS, MAX_PAY, JobFilters
from kiosk_command.main import main
from tests.platform.test_search import NOW, make_jobs

HUGE = str(2**63)
BAD_ARGS = [["--within-days", "inf"], ["--within-days", "nan"], ["--within-days", "1e308"],
            ["--within-days", "-1"], ["--pay-min", HUGE], ["--pay-min", "-5"],
            ["--limit", HUGE], ["--limit", "0"], ["--limit", "-1"], ["--pay-min", "1.5"]]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    key = tmp_path / "t.key"
    key.write_text("not-enrolled\n", encoding="utf-8")
    site = tmp_path / "site.toml"
    site.write_text(f'[paths]\ndata_dir = "{tmp_path / "data"}"\n[platform]\n'
                    f'url = "http://127.0.0.1:9"\nkey_file = "{key}"\n', encoding="utf-8")
    return site


@pytest.mark.parametrize("args", BAD_ARGS, ids=lambda a: " ".join(a)[:30])
def test_cli_refuses_out_of_range_numbers(site: Path, args: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--config", str(site), "catalog", "search", "司机", *args])
    err = capsys.readouterr().err
    assert done.value.code == 2
    assert err.count("\n") == 1 and f"argument {args[0]}" in err and "Traceback" not in err


def test_cli_takes_the_edges_of_the_ranges(site: Path, capsys) -> None:
    code = main(["--config", str(site), "catalog", "search", "司机", "--within-days",
                 str(MAX_DAYS), "--pay-min", str(MAX_PAY), "--limit", "1000"])
    assert code == 0 and capsys.readouterr().out.startswith("0 postings")


def test_cli_refuses_text_sqlite_cannot_store(site: Path, capsys) -> None:
    code = main(["--config", str(site), "catalog", "search", "司机", "--district", "\udcff"])
    assert code == 2 and "district is not valid text" in capsys.readouterr().err


@pytest.mark.parametrize("filters", [
    {"posted_within_days": math.inf}, {"posted_within_days": math.nan},
    {"posted_within_days": 1e308}, {"posted_within_days": -0.5},
    {"pay_at_least": 2**63}, {"pay_at_most": 2**64}, {"pay_at_least": -1},
    {"pay_at_least": True}, {"pay_at_most": "5000"}, {"district": 7},
    {"education": "\ud800"}])
def test_query_builder_refuses_impossible_filters(filters: dict) -> None:
    with pytest.raises(BadFilter):
        JobFilters(**filters)


@pytest.mark.parametrize("page", [{"limit": 2**63}, {"limit": -1}, {"offset": 2**63},
                                  {"offset": -1}, {"limit": 1.5}])
def test_search_core_refuses_impossible_pages(tmp_path: Path, page: dict) -> None:
    cat = Catalog(tmp_path / "c.sqlite3", FakeClock(NOW))
    try:
        with pytest.raises(BadFilter):
            cat.search("司机", **page)
        with pytest.raises(BadFilter):
            cat.search("\udc80", JobFilters())
    finally:
        cat.close()


def test_widest_allowed_filters_still_search(tmp_path: Path) -> None:
    cat = Catalog(tmp_path / "c.sqlite3", FakeClock(NOW))
    apply_jobs(cat.conn, make_jobs(50))
    everything = cat.search("", limit=1000).total
    widest = cat.search("", JobFilters(posted_within_days=MAX_DAYS, pay_at_least=0,
                                       pay_at_most=MAX_PAY), limit=1000)
    cat.close()
    assert widest.total == everything > 0
