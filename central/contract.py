"""The hand-written OpenAPI document, loaded once, and request validation against it.

The server checks request bodies with the contract's own schemas, so the
document and the server cannot drift apart on what a valid request is.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from central.errors import ApiError

DOCUMENT = Path(__file__).with_name("openapi.yaml")


@functools.cache
def document() -> dict[str, Any]:
    """The OpenAPI document as data."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with DOCUMENT.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)


@functools.cache
def document_json() -> bytes:
    """What /openapi.json serves."""
    return json.dumps(document(), ensure_ascii=False).encode()


@functools.cache
def _validator(schema_name: str) -> Any:
    import jsonschema_rs

    root = {"$ref": f"#/components/schemas/{schema_name}",
            "components": document()["components"]}
    return jsonschema_rs.Draft202012Validator(root, validate_formats=True)


def parse_body(raw: bytes, schema_name: str) -> dict[str, Any]:
    """The JSON body, checked against the named schema (400 bad_json / 422 invalid)."""
    try:
        body = json.loads(raw or b"null")
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ApiError(400, "bad_json", f"body is not JSON: {exc}") from None
    errors = [{"path": "/" + "/".join(str(p) for p in e.instance_path), "msg": e.message}
              for e in _validator(schema_name).iter_errors(body)]
    if errors:
        raise ApiError(422, "invalid", f"body does not match {schema_name}",
                       details=errors[:10])
    return body
