"""The running reference platform against its OpenAPI document (schemathesis).

Requests are generated from the contract served at /openapi.json and signed
like a terminal signs them, so the handlers behind the signature check are
exercised, not only the rejections: valid requests must get documented answers
matching their schemas, invalid ones (negative mode) must be refused with a
4xx. The number of examples is capped.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from pathlib import Path

import pytest
import requests
import schemathesis
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode, checks

MAX_EXAMPLES = 6
KEY = re.compile(r"^[\x21-\x7e]{1,128}$")
CONTRACT = Path(__file__).resolve().parents[2] / "central" / "openapi.yaml"
CHECKS = [checks.not_a_server_error, checks.status_code_conformance,
          checks.content_type_conformance, checks.response_schema_conformance,
          checks.response_headers_conformance, checks.negative_data_rejection]


class HmacAuth(requests.auth.AuthBase):
    """Sign the prepared request (final URL and body bytes) as the contract says."""

    def __init__(self, device: str, key: str) -> None:
        self.device, self.key = device, key

    def __call__(self, req: requests.PreparedRequest) -> requests.PreparedRequest:
        body = req.body or b""
        body = body.encode() if isinstance(body, str) else body
        path_query = req.path_url
        stamp, nonce = str(int(time.time())), secrets.token_hex(16)
        msg = f"{req.method}\n{path_query}\n{stamp}\n{nonce}\n{hashlib.sha256(body).hexdigest()}"
        if KEY.match(req.headers.get("Idempotency-Key", "")):    # one submission per case
            req.headers["Idempotency-Key"] = secrets.token_hex(16)
        req.headers.update({
            "X-Device-Id": self.device, "X-Timestamp": stamp, "X-Nonce": nonce,
            "X-Signature": hmac.new(self.key.encode(), msg.encode(), "sha256").hexdigest()})
        return req


def operations() -> list[tuple[str, str, GenerationMode]]:
    """(path, METHOD, mode) for every operation; negative only where there is input."""
    doc = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))
    out = []
    for path, item in doc["paths"].items():
        for method, op in item.items():
            out.append((path, method.upper(), GenerationMode.POSITIVE))
            if op.get("parameters") or op.get("requestBody"):
                out.append((path, method.upper(), GenerationMode.NEGATIVE))
    return out


@pytest.fixture(scope="module")
def contract(platform):
    schema = schemathesis.openapi.from_url(platform.url + "/openapi.json")
    schema.config.update(base_url=platform.url)
    schema.config.generation.update(modes=["positive", "negative"], max_examples=MAX_EXAMPLES,
                                    deterministic=True, with_security_parameters=False)
    return schema


@pytest.mark.parametrize(("path", "method", "mode"), operations())
def test_platform_conforms_to_its_contract(contract, platform, path, method, mode):
    auth = HmacAuth(platform.device_id, platform.key_file.read_text().strip())
    operation = contract[path][method]
    seen: set[int] = set()

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate])
    def exercise(case) -> None:
        response = case.call_and_validate(auth=auth, checks=CHECKS)
        assert response.status_code != 401, response.text     # signed like a terminal
        seen.add(response.status_code)

    exercise()
    assert seen


def test_every_route_is_in_the_contract_and_back(tmp_path):
    from central.app import create_app

    app = create_app(tmp_path / "c.db")
    served = set()
    for route in app.router.routes:
        inner = getattr(route, "original_router", None)
        for r in (inner.routes if inner else [route]):
            served |= {(r.path, m) for m in getattr(r, "methods", ()) if m != "HEAD"}
    served.discard(("/openapi.json", "GET"))
    # the fleet console's pages are for people's browsers, not the terminals' contract
    served = {(p, m) for p, m in served if not p.startswith("/console")}
    documented = {(p, m) for p, m, _ in operations()}
    assert served == documented
