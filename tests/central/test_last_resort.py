"""Should a handler fail after all, the answer is a 500 in the contract's error shape and the
log gets one JSON line naming where, without the exception's text."""

from __future__ import annotations

import asyncio
import json
import logging

from central.app import create_app


def call(app, path: str) -> tuple[int, dict]:
    """One GET through the application's ASGI interface."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "GET", "scheme": "http", "path": path, "raw_path": path.encode(),
             "query_string": b"", "headers": [(b"host", b"127.0.0.1")],
             "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return sent[0]["status"], json.loads(body)


def test_an_unexpected_failure_is_one_line_and_a_shaped_500(tmp_path, caplog):
    app = create_app(tmp_path / "c.sqlite3")

    @app.get("/broken")
    def broken() -> None:
        raise RuntimeError("王小明 13800000000")

    with caplog.at_level(logging.ERROR, logger="central"):
        status, doc = call(app, "/broken")
    assert status == 500 and doc["error"] == "internal" and doc["message"]
    assert len(caplog.records) == 1
    line = json.loads(caplog.records[0].getMessage())
    assert line["event"] == "unhandled_error" and line["error"] == "RuntimeError"
    assert line["path"] == "/broken" and line["at"].startswith("test_last_resort.py:")
    assert "王小明" not in caplog.text and "Traceback" not in caplog.text
