"""The running reference platform against its OpenAPI document (schemathesis).

Requests are generated from the contract served at /openapi.json and signed
like a terminal signs them, so the handlers behind the signature check are
exercised, not only the rejections; the number of examples is capped.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from pathlib import Path

import pytest
import requests
import schemathesis
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import checks

MAX_EXAMPLES = 6
CONTRACT = Path(__file__).resolve().parents[2] / "central" / "openapi.yaml"
CHECKS = [checks.not_a_server_error, checks.status_code_conformance,
          checks.content_type_conformance, checks.response_schema_conformance,
          checks.response_headers_conformance]


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
        if "Idempotency-Key" in req.headers:        # one submission per generated case
            req.headers["Idempotency-Key"] = secrets.token_hex(16)
        req.headers.update({
            "X-Device-Id": self.device, "X-Timestamp": stamp, "X-Nonce": nonce,
            "X-Signature": hmac.new(self.key.encode(), msg.encode(), "sha256").hexdigest()})
        return req


def operations() -> list[tuple[str, str]]:
    """(path, METHOD) of every operation in the contract file."""
    doc = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))
    return [(path, method.upper()) for path, item in doc["paths"].items() for method in item]


@pytest.fixture(scope="module")
def contract(platform):
    schema = schemathesis.openapi.from_url(platform.url + "/openapi.json")
    schema.config.update(base_url=platform.url)
    schema.config.generation.update(modes=["positive"], max_examples=MAX_EXAMPLES,
                                    deterministic=True, with_security_parameters=False)
    return schema


@pytest.mark.parametrize(("path", "method"), operations())
def test_platform_conforms_to_its_contract(contract, platform, path, method):
    auth = HmacAuth(platform.device_id, platform.key_file.read_text().strip())
    operation = contract[path][method]
    seen: set[int] = set()

    @given(case=operation.as_strategy())
    @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate])
    def exercise(case) -> None:
        response = case.call_and_validate(auth=auth, checks=CHECKS)
        assert response.status_code != 401, response.text     # signed like a terminal
        seen.add(response.status_code)

    exercise()
    assert seen
