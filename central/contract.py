"""The hand-written OpenAPI document, loaded once, and request validation against it.

The server checks request bodies with the contract's own schemas, so the
document and the server cannot drift apart on what a valid request is.
"""

from __future__ import annotations

import functools
import json
import math
import re
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


class _Unacceptable(ValueError):
    """JSON the platform will not take although a parser might: see parse_json."""


MAX_DEPTH = 32           # objects and arrays inside each other; the contract needs 4
MAX_DIGITS = 19          # an integer must fit SQLite's 64 bits
_SURROGATE = re.compile("[\ud800-\udfff]")


def _integer(text: str) -> int:
    value = int(text) if len(text.lstrip("-")) <= MAX_DIGITS else None
    if value is None or not -(2 ** 63) <= value < 2 ** 63:
        raise _Unacceptable(f"integer of {len(text)} digits does not fit in 64 bits")
    return value


def _real(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Unacceptable(f"number out of range: {text[:20]}")
    return value


def _constant(name: str) -> float:
    raise _Unacceptable(f"{name} is not a JSON number")


def _check_tree(doc: object) -> None:
    """Nesting within MAX_DEPTH and text that is Unicode (no lone surrogates, which
    "\\ud800" escapes produce and UTF-8 cannot store); iterative, so depth costs no stack."""
    stack: list[tuple[object, int]] = [(doc, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            if _SURROGATE.search(value):
                raise _Unacceptable("text with a lone surrogate (not Unicode)")
        elif isinstance(value, dict | list):
            if depth > MAX_DEPTH:
                raise _Unacceptable(f"nested deeper than {MAX_DEPTH} levels")
            if isinstance(value, dict):
                stack.extend((key, depth) for key in value)
                stack.extend((item, depth + 1) for item in value.values())
            else:
                stack.extend((item, depth + 1) for item in value)


def parse_json(raw: bytes) -> object:
    """The body as data, or 400 bad_json: not UTF-8 JSON, nested too deep, a number
    Python or SQLite cannot hold (5,000 digits, 1e999, NaN), or text with lone surrogates."""
    try:
        doc = json.loads(raw.decode("utf-8") if raw else "null", parse_int=_integer,
                         parse_float=_real, parse_constant=_constant)
        _check_tree(doc)
    except _Unacceptable as exc:
        raise ApiError(400, "bad_json", f"body is not acceptable JSON: {exc}") from None
    except RecursionError:
        raise ApiError(400, "bad_json", f"body is not acceptable JSON: nested deeper "
                                        f"than {MAX_DEPTH} levels") from None
    except ValueError as exc:        # JSONDecodeError and UnicodeDecodeError among them
        raise ApiError(400, "bad_json", f"body is not JSON: {str(exc)[:200]}") from None
    return doc


def require_json(content_type: str, raw: bytes) -> None:
    """A body must say it is JSON (415 unsupported_media_type otherwise): a form or
    text sent to a JSON route is a client mistake the terminal should hear about."""
    media, _, rest = content_type.lower().partition(";")
    params = dict(p.strip().partition("=")[::2] for p in rest.split(";") if p.strip())
    charset = params.get("charset", "utf-8").strip('"')
    if raw and (media.strip() != "application/json" or charset != "utf-8"):
        raise ApiError(415, "unsupported_media_type",
                       "the body must be sent as Content-Type: application/json")


def parse_body(raw: bytes, schema_name: str) -> dict[str, Any]:
    """The JSON body, checked against the named schema (400 bad_json / 422 invalid)."""
    body = parse_json(raw)
    errors = [{"path": "/" + "/".join(str(p) for p in e.instance_path), "msg": e.message[:500]}
              for e in _validator(schema_name).iter_errors(body)]
    if errors:
        raise ApiError(422, "invalid", f"body does not match {schema_name}",
                       details=errors[:10])
    return body  # type: ignore[return-value]  # the schema says it is an object
