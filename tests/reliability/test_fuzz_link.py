"""Hostile input for the platform link: searches of the catalog cache and answers
from the platform. An escape is any exception that is not a PlatformError
(kiosk/platform/errors.py): the screens and worker threads handle those, and
nothing else may come out.

- Searches: any Unicode (lone surrogates included) as keywords and text
  filters; numbers at and beyond every edge (±2**70, NaN, ±inf, 1e308, bools,
  text where a number belongs) for pay, days, limit and offset; both sort
  orders and the browse counts; against a real cache of 400 postings.
- Answers: any status, bytes that are not JSON, JSON with 5,000-digit and 65-bit
  integers, NaN, 1e999, nesting 100,000 deep, odd Date headers, all through
  responses.parse() (what the client does with every answer) and page() (what
  the sync does with a page), and then pages that pass page() applied to the
  cache as a sync would.

Counted over the run: examples per target and outcome (value or PlatformError);
escapes must be zero. Short form in the normal suite (a few seconds); long form:
    KIOSK_FUZZ_EXAMPLES=2000 python -m pytest tests/reliability/test_fuzz_link.py -s
(-s prints the figures).
"""

from __future__ import annotations

import json
import math
import os
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.clock import FakeClock
from kiosk.platform import responses
from kiosk.platform.catalog import Catalog
from kiosk.platform.catalog_store import apply_jobs
from kiosk.platform.errors import PlatformError
from kiosk.platform.search import JobFilters
from tests.platform.test_search import NOW, make_jobs

EXAMPLES = int(os.environ.get("KIOSK_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
TALLY: Counter[str] = Counter()

# ------------------------------------------------------------------ strategies

UTF8_TEXT = st.text(st.characters(codec="utf-8"), max_size=40)
ANY_TEXT = st.text(st.characters(codec=None, categories=None), max_size=40)  # surrogates too
HAN_AND_ASCII = st.lists(st.sampled_from([*"司机保安会计收银员厨师叉车工 ，。*\"()", "java", "C1",
                                          "ＣＡＤ"]), max_size=8).map("".join)
EDGE_NUMBERS = st.sampled_from([0, -1, 1, 2**31, 2**63 - 1, 2**63, -2**63 - 1, 2**64, 2**70,
                                -2**70, 10**9, 10**9 + 1, 36500, 36501, 0.5, -0.0, 1e308,
                                -1e308, 5e-324, math.inf, -math.inf, math.nan, True, False])
HOSTILE = st.one_of(EDGE_NUMBERS, st.integers(-2**70, 2**70),
                    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=5))
HOSTILE_TEXT = st.one_of(ANY_TEXT, st.integers(), st.booleans(), st.floats())
PLAUSIBLE = {
    "text": st.one_of(HAN_AND_ASCII, UTF8_TEXT),
    "occupation_group": st.one_of(st.none(), st.sampled_from(["交通运输", "安保物业"]),
                                  UTF8_TEXT),
    "district": st.one_of(st.none(), st.sampled_from(["武侯区", "锦江区"]), UTF8_TEXT),
    "education": st.one_of(st.none(), st.sampled_from(["不限", "大专"]), UTF8_TEXT),
    "pay_at_least": st.one_of(st.none(), st.integers(0, 20000)),
    "pay_at_most": st.one_of(st.none(), st.integers(0, 20000), st.floats(0, 1e9)),
    "posted_within_days": st.one_of(st.none(), st.integers(0, 36500), st.floats(0, 60)),
    "limit": st.one_of(st.integers(0, 100), st.just(10000)),
    "offset": st.one_of(st.just(0), st.integers(0, 500)),
    "sort": st.sampled_from(["newest", "pay"]),
}
TEXTUAL = {"text", "occupation_group", "district", "education"}


@st.composite
def searches(draw: st.DrawFn) -> dict[str, Any]:
    """Plausible values everywhere, and (mostly) one field bent as far as it goes."""
    args = {name: draw(strategy) for name, strategy in PLAUSIBLE.items()}
    bent = draw(st.sampled_from([None, *sorted(set(PLAUSIBLE) - {"sort"})]))
    if bent is not None:
        args[bent] = draw(HOSTILE_TEXT if bent in TEXTUAL else HOSTILE)
    TALLY[f"search bends: {bent or 'nothing'}"] += 1
    return args


def outcome_of(target: str, run: Callable[[], Any]) -> Any:
    """Run one example; a PlatformError is a fine answer, anything else escapes."""
    try:
        value = run()
    except PlatformError as exc:
        TALLY[f"{target}: {type(exc).__name__}"] += 1
        return None
    TALLY[f"{target}: value"] += 1
    return value


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Catalog]:
    cat = Catalog(tmp_path_factory.mktemp("fuzz") / "catalog.sqlite3", FakeClock(NOW))
    apply_jobs(cat.conn, make_jobs(400))
    yield cat
    cat.close()


@pytest.fixture(scope="module", autouse=True)
def figures() -> Iterator[None]:
    TALLY.clear()
    yield
    print(f"\nfuzz figures (KIOSK_FUZZ_EXAMPLES={EXAMPLES}):")
    for name, n in sorted(TALLY.items()):
        print(f"  {name}: {n}")


# -------------------------------------------------------------------- searches

@FUZZ
@given(args=searches())
def test_search_never_escapes(catalog: Catalog, args: dict[str, Any]) -> None:
    def search() -> Any:
        filters = JobFilters(**{k: v for k, v in args.items()
                                if k not in ("text", "limit", "offset", "sort")})
        found = catalog.search(args["text"], filters, args["sort"], args["limit"],
                               args["offset"])
        return found, catalog.counts(args["text"], filters)
    result = outcome_of("search", search)
    if result is not None:
        found, counts = result
        assert len(found.items) <= args["limit"] and found.total >= 0
        assert all(n > 0 for per in counts.values() for n in per.values())


# --------------------------------------------------------------------- answers

JSON_LEAF = st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70),
                      st.floats(allow_nan=True, allow_infinity=True), ANY_TEXT)
JSON_VALUE = st.recursive(JSON_LEAF, lambda kids: st.one_of(
    st.lists(kids, max_size=4), st.dictionaries(ANY_TEXT, kids, max_size=4)), max_leaves=12)
CONTRACT_KEYS = ["error", "message", "server_time", "detail", "items", "next_cursor",
                 "has_more", "id", "status"]
SHAPED = st.dictionaries(st.sampled_from(CONTRACT_KEYS), JSON_VALUE, max_size=5)


def _dump(value: Any) -> bytes:
    return json.dumps(value, allow_nan=True, ensure_ascii=False).encode("utf-8", "surrogatepass")


BODIES = st.one_of(
    st.binary(max_size=200),
    JSON_VALUE.map(_dump),
    SHAPED.map(_dump),
    st.sampled_from([b"", b"null", b"[]", b"{}", b"NaN", b"1e999", b"-Infinity",
                     b"9" * 5000, b'{"server_time": ' + b"9" * 400 + b"}",
                     b'{"error": "clock_skew", "server_time": 1e999}',
                     b'{"error": "clock_skew", "server_time": "9999-12-31T23:59:59-23:59"}',
                     b'{"error": "clock_skew", "server_time": "0001-01-01T00:00:00+23:59"}',
                     b"[" * 100_000 + b"]" * 100_000, b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
                     "{\"error\": \"\udcff\"}".encode("utf-8", "surrogatepass"),
                     b"\xff\xfe\x00{", b'\xef\xbb\xbf{"items": []}']))
DATES = st.one_of(st.none(), ANY_TEXT, st.sampled_from([
    "Tue, 01 Dec 2026 20:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "Mon, 01 Jan 0001 "
    "00:00:00 +2359", "Thu, 01 Jan 1970 00:00:00 -0000", "99 Foo 99999 99:99:99 +9999", ""]))


def answer(status: int, body: bytes, date: str | None, encoding: str | None
           ) -> requests.Response:
    resp = requests.Response()
    resp.status_code = status
    resp._content = body
    resp.encoding = encoding
    if date is not None:
        resp.headers["Date"] = date
    resp.url = "http://127.0.0.1/api/v1/x"
    return resp


STATUSES = st.one_of(st.sampled_from([200, 201, 204, 400, 401, 403, 404, 409, 422, 500, 502,
                                      503, 504]), st.integers(100, 599))
SENT_AT = st.one_of(st.just(1_780_000_000.0), st.floats(-1e12, 1e12))


@FUZZ
@given(status=STATUSES, body=BODIES, date=DATES, sent_at=SENT_AT,
       encoding=st.sampled_from([None, "utf-8", "latin-1", "utf-16", "no-such-codec"]))
def test_answers_never_escape(status: int, body: bytes, date: str | None, sent_at: float,
                              encoding: str | None) -> None:
    resp = answer(status, body, date, encoding)
    value = outcome_of("parse", lambda: responses.parse(resp, sent_at))
    if value is not None or status < 400:
        outcome_of("page", lambda: responses.page(value, status))
    if status >= 400:
        assert value is None                 # no failure status passes for a result


FIELD_VALUE = st.one_of(JSON_LEAF, HAN_AND_ASCII, st.lists(JSON_LEAF, max_size=2),
                        st.dictionaries(UTF8_TEXT, JSON_LEAF, max_size=2))
PAGE_ITEM = st.fixed_dictionaries(
    {"id": st.text(st.characters(codec="utf-8"), min_size=1, max_size=8)},
    optional={k: FIELD_VALUE for k in ("title", "company", "duties", "requirements",
                                      "occupation_group", "district", "pay_min", "pay_max",
                                      "employment_type", "education", "posted_at",
                                      "valid_from", "valid_until", "deleted", "updated_at")})


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Catalog]:
    """The cache the fuzzed pages go into, one after another as syncs would."""
    cat = Catalog(tmp_path_factory.mktemp("pages") / "catalog.sqlite3", FakeClock(NOW))
    yield cat
    cat.close()


@FUZZ
@given(items=st.lists(PAGE_ITEM, max_size=6),
       texts=st.lists(st.one_of(HAN_AND_ASCII, UTF8_TEXT, ANY_TEXT), min_size=1, max_size=3))
def test_pages_that_parse_are_applied_and_searched(scratch: Catalog,
                                                   items: list[dict[str, Any]],
                                                   texts: list[str]) -> None:
    page = outcome_of("page", lambda: responses.page({"items": items, "has_more": False}))
    if page is None:
        return
    outcome_of("apply", lambda: scratch._apply("jobs", page["items"], "c1"))
    for text in texts:
        found = outcome_of("search after apply", lambda t=text: scratch.search(t, limit=50))
        assert found is None or all(isinstance(j, dict) for j in found.items)
    for job in page["items"]:
        stored = scratch.job(job["id"])
        assert job.get("deleted") or stored is None or all(
            stored.get(f) is None or isinstance(stored[f], str) for f in ("title", "district"))
