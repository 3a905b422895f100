"""GET /api/v1/notices against its contract: pages of notices and tombstones that match
NoticePage, cursors that resume, and every refusal a 4xx in the error shape (no 500s).
The generated cases of tests/central/test_conformance.py cover the route as well
(`-k notices`)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from central.contract import parse_body
from kiosk_command.platform_proc import PlatformProcess
from tests.central.signed import SignedApi


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SignedApi]:
    with PlatformProcess(tmp_path_factory.mktemp("central")) as proc:
        yield SignedApi(proc.url, proc.device_id, proc.key_file.read_text().strip())


def check(schema: str, doc: object) -> None:
    """doc matches the contract's schema (the platform's own validator; raises if not)."""
    parse_body(json.dumps(doc, ensure_ascii=False).encode(), schema)


def refused(response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    check("Error", body)
    assert body["error"] == code


def test_a_full_page_matches_the_contract_and_holds_every_service(api: SignedApi) -> None:
    response = api.get("/notices")
    assert response.status_code == 200
    page = response.json()
    check("NoticePage", page)
    kinds = [i["kind"] for i in page["items"]]
    assert kinds.count("service") == 9 and kinds.count("centre") == 1
    assert page["has_more"] is False
    again = api.get(f"/notices?cursor={page['next_cursor']}").json()
    assert again["items"] == [] and again["next_cursor"] == page["next_cursor"]


def test_small_pages_resume_where_they_stopped(api: SignedApi) -> None:
    seen, cursor = [], ""
    while True:
        page = api.get(f"/notices?limit=3&cursor={cursor}").json()
        check("NoticePage", page)
        seen += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    assert len(seen) == len(set(seen)) == 10


@pytest.mark.parametrize(("query", "code"), [
    ("?cursor=not-ours", "bad_cursor"), ("?limit=0", "bad_query"), ("?limit=1001", "bad_query"),
    ("?limit=ten", "bad_query"), ("?cursor=" + "x" * 201, "bad_query")])
def test_bad_queries_are_refused_in_the_error_shape(api: SignedApi, query: str,
                                                    code: str) -> None:
    refused(api.get("/notices" + query), 400, code)


def test_unsigned_or_wrongly_signed_calls_are_refused(api: SignedApi) -> None:
    refused(api.http.get(api.url + "/api/v1/notices", timeout=10), 401, "bad_signature")
    refused(api.get("/notices", key="not-the-key"), 401, "bad_signature")


def test_other_methods_are_refused_in_the_error_shape(api: SignedApi) -> None:
    response = api.post("/notices", {"id": "N01"})
    assert 400 <= response.status_code < 500
    check("Error", response.json())
