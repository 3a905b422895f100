"""Hostile requests for every operation of the platform's contract: no answer is a 5xx.

For each operation in central/openapi.yaml, hypothesis builds requests from the
operation's own parameters and body schema and bends them: bodies shaped like the
schema with hostile values (5,000-digit and 65-bit integers, 1e999, NaN, lone
surrogates, odd Unicode, wrong types, long text), raw JSON nested 33 to 100,000
deep, bytes that are not JSON, other content types; queries with dates at and past
the ends of the calendar, huge numbers and broken percent-escapes; path ids that
are not ids. Each is sent signed like a terminal signs (so the handlers run), or
unsigned, or with one signing header bent (non-ASCII, 5,000 characters, empty).

Counted over the run: requests sent, answers by status, server errors (5xx) and
escapes — a request that got no answer at all, a refusal not in the contract's
error shape, a status the contract does not know, or an unsigned or bent request
that was not refused. Both must be zero.

Short form in the normal suite (a few examples per operation); long form:
    KIOSK_FUZZ_EXAMPLES=500 python -m pytest tests/reliability/test_fuzz_platform.py -s
(-s prints the figures).
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import http.client
import json
import os
import secrets
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
import yaml
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

from kiosk_command.platform_proc import PlatformProcess

EXAMPLES = int(os.environ.get("KIOSK_FUZZ_EXAMPLES", "5"))
CONTRACT = Path(__file__).resolve().parents[2] / "central" / "openapi.yaml"
# what any operation may answer (the guard's refusals among them); an operation's own
# documented responses add to these (a gateway-only route's 403, say)
KNOWN_STATUS = {200, 201, 400, 401, 404, 405, 409, 413, 415, 422}
SIGNING = ("X-Device-Id", "X-Timestamp", "X-Nonce", "X-Signature")


# ---------------------------------------------------------------- the contract

@functools.cache
def _document() -> dict:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(CONTRACT.read_text(encoding="utf-8"), Loader=loader)


def _resolve(doc: dict, node: dict) -> dict:
    while "$ref" in node:
        target = doc
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    query: tuple[tuple[str, dict], ...]
    path_params: tuple[tuple[str, dict], ...]
    body: dict | None
    documented: frozenset[int] = frozenset()     # the statuses its own responses name

    @property
    def signed(self) -> bool:
        return self.path != "/api/v1/health"


def operations() -> list[Operation]:
    doc = _document()
    out = []
    for path, item in doc["paths"].items():
        for method, op in item.items():
            params = [_resolve(doc, p) for p in op.get("parameters", [])]
            body = None
            if "requestBody" in op:
                content = _resolve(doc, op["requestBody"])["content"]["application/json"]
                body = _resolve(doc, content["schema"])
            out.append(Operation(
                method.upper(), path,
                tuple((p["name"], _resolve(doc, p["schema"])) for p in params
                      if p["in"] == "query"),
                tuple((p["name"], _resolve(doc, p["schema"])) for p in params
                      if p["in"] == "path"),
                body, frozenset(int(code) for code in op.get("responses", {})
                                if str(code).isdigit())))
    return out


# ---------------------------------------------------------------- hostile values

HOSTILE_NUMBERS = ["1" + "0" * 5000, "-" + "9" * 4400, "9223372036854775808",
                   "-9223372036854775809", "1e999", "-1e999", "1e-999", "NaN", "Infinity",
                   "-Infinity", "-0", "0.0000000000000000000001", "1" * 19, "1E+2"]
HOSTILE_ESCAPES = ["\\ud800", "\\udfff", "a\\udbffb", "\\ud83d\\ude00", "\\u0000", "\\u2028",
                   "\\ufeff", "\\uffff"]
ODD_TEXT = ["", " ", "\u202e\u0645\u0631\u062d\u0628\u0627", "e\u0301" * 40,
            "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\uff11\uff12\uff13", "\u0663\u0664",
            "\x00", "\t\r\n", "'; DROP TABLE devices; --", "%s%n", "${jndi:x}", "..\\..\\",
            "x" * 4001, "长" * 2001, "\U0010ffff"]
HOSTILE_QUERY = ["9999-12-31", "0001-01-01", "9999-12-31T23:59:59.999999%2B14:00",
                 "0001-01-01T00:00:00%2B23:59", "9999-12-31T23:59:59-23:59", "2026-02-30",
                 "2026-13-01", "10000-01-01", "-2026-01-01", "1" + "0" * 4400, "-1", "0",
                 "1e3", "%FF%FE", "%00", "%", "%ZZ", "%E4%B8", quote("长" * 30), "x" * 201,
                 "null", "[]", "W1siIiwiIl1d", "W10", "e30"]


def _json_str(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


scalar_text = st.one_of(
    st.sampled_from(["null", "true", "false", '""', "0", "[]", "{}"]),
    st.sampled_from(HOSTILE_NUMBERS),
    st.integers().map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.sampled_from(ODD_TEXT).map(_json_str),
    st.text(max_size=30).map(_json_str),
    st.lists(st.sampled_from(HOSTILE_ESCAPES), min_size=1, max_size=3).map(
        lambda parts: '"' + "x".join(parts) + '"'),
)


def _array(items: list[str]) -> str:
    return "[" + ",".join(items) + "]"


def _object(pairs: list[tuple[str, str]]) -> str:
    return "{" + ",".join(f"{key}:{value}" for key, value in pairs) + "}"


json_text = st.recursive(
    scalar_text,
    lambda kids: st.one_of(st.lists(kids, max_size=4).map(_array),
                           st.lists(st.tuples(scalar_text.filter(lambda s: s.startswith('"')),
                                              kids), max_size=4).map(_object)),
    max_leaves=12)

# Bodies stay within the smallest limit (256 KiB) even as UTF-16: a longer one is refused
# unread and the connection closed, which test_body_limits covers with a client that reads
# the answer while it sends.
WITHIN_LIMIT = 120_000


def _deep(n: int, kind: tuple[str, str]) -> str:
    n = min(n, WITHIN_LIMIT // len(kind[0] + kind[1]))
    return kind[0] * n + "1" + kind[1] * n


deep_text = st.builds(_deep, st.sampled_from([33, 200, 1000, 5000, 100_000]),
                      st.sampled_from([("[", "]"), ('{"a":', "}"), ('[{"a":', "}]")]))


def plausible(schema: dict, doc: dict) -> st.SearchStrategy[str]:
    """A value of the schema's shape as JSON text (near-valid, to get past validation)."""
    schema = _resolve(doc, schema)
    if "enum" in schema:
        return st.sampled_from([json.dumps(v) for v in schema["enum"]])
    if "const" in schema:
        return st.just(json.dumps(schema["const"]))
    kind = schema.get("type")
    if kind == "string":
        if "pattern" in schema:
            return st.from_regex(schema["pattern"], fullmatch=True).map(_json_str)
        if schema.get("format") == "date":
            return st.dates().map(lambda d: _json_str(d.isoformat()))
        if schema.get("format") == "date-time":
            return st.datetimes().map(lambda d: _json_str(d.isoformat() + "Z"))
        return st.text(min_size=schema.get("minLength", 0),
                       max_size=min(schema.get("maxLength", 40), 40)).map(_json_str)
    if kind == "integer":
        return st.integers(schema.get("minimum"), schema.get("maximum")).map(str)
    if kind == "number":
        return st.floats(allow_nan=False, allow_infinity=False).map(repr)
    if kind == "boolean":
        return st.sampled_from(["true", "false"])
    if kind == "array":
        return st.lists(plausible(schema.get("items", {}), doc),
                        max_size=min(schema.get("maxItems", 4), 4)).map(_array)
    if kind == "object" or "properties" in schema:
        return shaped(schema, doc)
    return json_text


def shaped(schema: dict, doc: dict) -> st.SearchStrategy[str]:
    """An object with the schema's properties, each plausible or hostile, some left out,
    sometimes one the schema does not know."""
    props = schema.get("properties", {})
    if not props:
        return st.lists(st.tuples(st.text(max_size=10).map(_json_str), json_text),
                        max_size=4).map(_object)

    def value(prop: dict) -> st.SearchStrategy[str | None]:
        return st.one_of(plausible(prop, doc), plausible(prop, doc), plausible(prop, doc),
                         json_text, st.none())

    pairs = st.fixed_dictionaries({name: value(prop) for name, prop in props.items()})
    extra = st.lists(st.tuples(st.text(max_size=8).map(_json_str), json_text), max_size=1)
    return st.builds(lambda d, more: _object([(_json_str(k), v) for k, v in d.items()
                                              if v is not None] + more), pairs, extra)


def bodies(op: Operation, doc: dict) -> st.SearchStrategy[bytes]:
    if op.body is None:
        return st.one_of(st.just(b""), st.just(b""), st.just(b""), json_text.map(str.encode))
    text = st.one_of(shaped(op.body, doc), shaped(op.body, doc), shaped(op.body, doc),
                     shaped(op.body, doc), json_text, deep_text)
    return st.one_of(text.map(lambda t: t.encode("utf-8", "surrogatepass")),
                     st.binary(max_size=64), st.just(b""),
                     text.map(lambda t: t.encode("utf-16", "surrogatepass")))


def query_value(schema: dict, doc: dict) -> st.SearchStrategy[str]:
    """Already percent-encoded: plausible values, or raw hostile text as sent."""
    plain = st.one_of(
        st.integers(schema.get("minimum", -10), schema.get("maximum", 10)).map(str)
        if schema.get("type") == "integer" else st.text(max_size=20),
        st.dates().map(str), st.datetimes().map(lambda d: d.isoformat()),
    ).map(lambda v: quote(v, safe=""))
    return st.one_of(plain, st.sampled_from(HOSTILE_QUERY))


def queries(op: Operation, doc: dict) -> st.SearchStrategy[str]:
    names = [(name, query_value(schema, doc)) for name, schema in op.query]
    names.append(("unknown", st.sampled_from(HOSTILE_QUERY)))
    pair = st.sampled_from(names).flatmap(lambda nv: nv[1].map(lambda v: f"{nv[0]}={v}"))
    return st.lists(pair, max_size=2).map("&".join)     # a request head stays < 16 KiB


def path_value(schema: dict) -> st.SearchStrategy[str]:
    return st.one_of(st.from_regex(schema.get("pattern", ".*"), fullmatch=True),
                     st.sampled_from(ODD_TEXT[:13] + ["..", "-", "a" * 65]),
                     st.text(max_size=70)).map(lambda v: quote(v, safe="") or "%20")


@dataclass
class Request:
    method: str
    target: str
    body: bytes
    headers: dict[str, str | bytes]
    auth: str                 # signed | unsigned | bent


BENT = [b"\xe4" * 64, "9" * 3000, " ", "0" * 64, "demo-001 ", "\u00e4".encode() * 20,
        "-1", "1" * 13, "nobody-999", "ab" * 8 + "\t"]


def requests_for(op: Operation, doc: dict) -> st.SearchStrategy[dict]:
    return st.fixed_dictionaries({
        "path": st.fixed_dictionaries({n: path_value(s) for n, s in op.path_params}),
        "query": queries(op, doc),
        "body": bodies(op, doc),
        "auth": st.sampled_from(["signed"] * 6 + ["unsigned", "bent"]),
        "bend": st.tuples(st.sampled_from(SIGNING), st.sampled_from(BENT)),
        "type": st.sampled_from(["application/json"] * 6 + [
            None, "text/plain", "application/json; charset=latin-1", "multipart/form-data",
            "application/x-www-form-urlencoded", "APPLICATION/JSON", "\u00e4/\u00e4"]),
        "idem": st.one_of(st.just(None), st.sampled_from(["", "x" * 129, "a b", "\u00e4"])),
    })


# ---------------------------------------------------------------- sending and counting

@dataclass
class Tally:
    sent: int = 0
    status: Counter = field(default_factory=Counter)
    server_errors: list[str] = field(default_factory=list)
    escapes: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    def line(self) -> str:
        return (f"fuzz: {self.sent} requests in {time.monotonic() - self.started:.1f} s, "
                f"5xx {len(self.server_errors)}, escapes {len(self.escapes)}, by status "
                f"{dict(sorted(self.status.items()))}")


class Sender:
    """One keep-alive connection; signs the exact bytes that go on the wire."""

    def __init__(self, url: str, device: str, key: str) -> None:
        parts = urlsplit(url)
        self.host, self.port = parts.hostname, parts.port
        self.device, self.key = device, key
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)

    def build(self, op: Operation, drawn: dict) -> Request:
        target = op.path
        for name, value in drawn["path"].items():
            target = target.replace("{" + name + "}", value)
        if drawn["query"]:
            target += "?" + drawn["query"]
        body = drawn["body"]
        headers: dict[str, str | bytes] = {}
        if drawn["type"] is not None and (body or op.body is not None):
            headers["Content-Type"] = drawn["type"].encode()
        idem = drawn["idem"]
        headers["Idempotency-Key"] = (secrets.token_hex(12) if idem is None else idem).encode()
        auth = drawn["auth"] if op.signed else "unsigned"
        if auth != "unsigned":
            headers |= self.sign(op.method, target, body)
        if auth == "bent":
            name, value = drawn["bend"]
            text = value.decode("latin-1") if isinstance(value, bytes) else value
            if text.strip(" \t") == headers[name]:   # the server strips what HTTP calls
                auth = "signed"                       # whitespace around a value
            headers[name] = value
        return Request(op.method, target, body, headers, auth)

    def sign(self, method: str, target: str, body: bytes) -> dict[str, str | bytes]:
        stamp, nonce = str(int(time.time())), secrets.token_hex(16)
        msg = f"{method}\n{target}\n{stamp}\n{nonce}\n{hashlib.sha256(body).hexdigest()}"
        sig = hmac.new(self.key.encode(), msg.encode(), hashlib.sha256).hexdigest()
        return {"X-Device-Id": self.device, "X-Timestamp": stamp, "X-Nonce": nonce,
                "X-Signature": sig}

    def send(self, req: Request) -> tuple[int, bytes] | None:
        """(status, body), or None when the server closed without an answer."""
        try:
            self.conn.putrequest(req.method, req.target, skip_accept_encoding=True)
            for name, value in req.headers.items():
                self.conn.putheader(name, value)
            self.conn.putheader("Content-Length", str(len(req.body)))
            self.conn.endheaders(req.body)
            resp = self.conn.getresponse()
            return resp.status, resp.read()
        except (http.client.HTTPException, ConnectionError):
            self.conn.close()
            return None


def judge(tally: Tally, op: Operation, req: Request, answer: tuple[int, bytes] | None) -> None:
    tally.sent += 1
    what = f"{req.method} {req.target[:120]} auth={req.auth} body={req.body[:80]!r}"
    if answer is None:
        tally.escapes.append(f"no answer: {what}")
        return
    status, raw = answer
    tally.status[status] += 1
    if status >= 500:
        tally.server_errors.append(f"{status}: {what} -> {raw[:200]!r}")
        return
    if status not in KNOWN_STATUS | op.documented:
        tally.escapes.append(f"status {status} not in the contract: {what}")
    if status >= 400:
        try:
            doc = json.loads(raw)
            shaped_ok = isinstance(doc.get("error"), str) and isinstance(doc.get("message"),
                                                                         str)
        except (ValueError, AttributeError):
            shaped_ok = False
        if not shaped_ok:
            tally.escapes.append(f"refusal not in the error shape: {what} -> {raw[:200]!r}")
    elif req.auth != "signed" and op.signed:
        tally.escapes.append(f"accepted without a good signature: {what}")


# ---------------------------------------------------------------- the test

@pytest.fixture(scope="module")
def platform(tmp_path_factory):
    with PlatformProcess(tmp_path_factory.mktemp("fuzz")) as proc:
        yield proc


@pytest.fixture(scope="module")
def tally(platform):
    counted = Tally()
    yield counted
    print("\n" + counted.line())
    for problem in (counted.server_errors + counted.escapes)[:50]:
        print("  " + problem)
    assert "Traceback" not in platform.log_path.read_text(errors="replace")


@pytest.mark.parametrize("op", operations(), ids=lambda op: f"{op.method} {op.path}")
def test_no_request_gets_a_500(platform, tally, op):
    doc = _document()
    sender = Sender(platform.url, platform.device_id, platform.key_file.read_text().strip())
    errors_before, escapes_before = len(tally.server_errors), len(tally.escapes)

    @given(drawn=requests_for(op, doc))
    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=EXAMPLES <= 5,
              suppress_health_check=list(HealthCheck), phases=[Phase.generate])
    def exercise(drawn: dict) -> None:
        req = sender.build(op, drawn)
        assume(len(req.body) <= 2 * WITHIN_LIMIT)
        judge(tally, op, req, sender.send(req))

    exercise()
    sender.conn.close()
    assert tally.server_errors[errors_before:] == []
    assert tally.escapes[escapes_before:] == []
