"""One simulated terminal: what a kiosk sends the platform, signed as the kiosk signs.

The requests are built as kiosk/platform/client.py builds them (same prefix, the
same JSON bytes, `kiosk.platform.signing.sign_headers` with a fresh nonce per
request) but sent with an asyncio HTTP client, so thousands of terminals fit in one
process. The bodies are the kiosk's: a heartbeat with TerminalHealth, ratings and
complaints from the feedback flow with an Idempotency-Key each, and the catalog's
incremental sync from the terminal's own cursors.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import random
import time
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import httpx

from bench.loadgen.fleet import Device
from bench.loadgen.stats import Recorder
from central.console.demo import KINDS, health
from kiosk.platform.client import PREFIX
from kiosk.platform.signing import sign_headers

FEEDS = ("/jobs", "/fairs", "/policies", "/guidance/services")
SERVICES = ("职业介绍", "失业登记", "政策咨询", "职业指导", "自助终端")
_NUMBERS = itertools.count(1)


def tracking_number() -> str:
    """A terminal-made complaint number, unique within a run (TSyyyymmdd-nnnnnn)."""
    return time.strftime("TS%Y%m%d-") + f"{next(_NUMBERS) % 1_000_000:06d}"


def trouble(rng: random.Random) -> str:
    """The kind of trouble a terminal has for the whole run, in the demo fleet's shares
    (stale and offline terminals do send once they are back: treated as well)."""
    pick = rng.random()
    for share, kind in KINDS:
        if pick < share:
            return "" if kind in ("stale", "offline") else kind
        pick -= share
    return ""


@dataclass
class Accepted:
    """Submissions the platform answered with success (first time or replay): each must
    be stored exactly once."""

    ratings: set[str] = field(default_factory=set)
    complaints: set[str] = field(default_factory=set)
    replays: int = 0


class Terminal:
    """A device's calls, each timed into the recorder."""

    def __init__(self, device: Device, http: httpx.AsyncClient, recorder: Recorder,
                 accepted: Accepted, cursors: dict[str, str], rng: random.Random,
                 gate: asyncio.Semaphore | None = None) -> None:
        self.device, self.http, self.recorder, self.accepted = device, http, recorder, accepted
        # One permit per pooled connection: requests beyond the pool wait here, in a
        # FIFO that costs nothing, not in the HTTP client's pool, whose queue handling
        # grows with its length and would make the generator the bottleneck.
        self.gate = gate or asyncio.Semaphore(1 << 30)
        self.cursors = dict(cursors)
        self.rng = rng
        self.kind = trouble(rng)
        self.started = time.time() - rng.randint(600, 600000)

    async def call(self, kind: str, method: str, path: str, body: Any = None,
                   params: dict[str, Any] | None = None,
                   idem: str | None = None) -> httpx.Response | None:
        """One signed request; its latency or its error recorded under kind."""
        path_query = PREFIX + path + (f"?{urlencode(params)}" if params else "")
        data = b"" if body is None else json.dumps(body, ensure_ascii=False).encode()
        headers = sign_headers(self.device.device_id, self.device.key, method, path_query,
                               data, time.time())
        if body is not None:
            headers["Content-Type"] = "application/json"
        if idem:
            headers["Idempotency-Key"] = idem
        began = time.perf_counter()
        try:
            async with self.gate:
                resp = await self.http.request(method, path_query, content=data or None,
                                               headers=headers)
        except httpx.HTTPError as exc:
            self.recorder.failed(kind, type(exc).__name__)
            return None
        if resp.status_code >= 300:
            self.recorder.failed(kind, f"HTTP {resp.status_code} {resp.text[:80]}")
            return None
        self.recorder.ok(kind, (time.perf_counter() - began) * 1000)
        return resp

    async def heartbeat(self) -> None:
        doc = health(self.kind, self.rng)
        doc["uptime_s"] = round(time.time() - self.started, 1)
        await self.call("heartbeat", "POST", "/devices/heartbeat", {
            "app_version": "2026.11.3", "health": doc, "kiosk_time": time.time()})

    async def sync(self) -> None:
        """The catalog's incremental sync: each collection from its cursor, in turn."""
        for feed in FEEDS:
            resp = await self.call("sync", "GET", feed,
                                   params={"cursor": self.cursors.get(feed, ""), "limit": 500})
            if resp is not None:
                self.cursors[feed] = resp.json().get("next_cursor") or self.cursors.get(feed, "")

    async def submit(self, repeat: bool) -> None:
        """A rating (nine in ten) or a complaint; repeat sends it again with the same key,
        as the outbox does when an answer was lost."""
        key = uuid.uuid4().hex
        if self.rng.random() < 0.9:
            kind, path, ref = "rating", "/ratings", key
            doc: dict[str, Any] = {"service": self.rng.choice(SERVICES),
                                   "score": self.rng.choice((5, 5, 5, 4, 4, 3, 2, 1)),
                                   "ref": ref, "lang": "zh"}
        else:
            kind, path, ref = "complaint", "/complaints", tracking_number()
            doc = {"category": self.rng.choice(("complaint", "suggestion", "praise")),
                   "text": "自助终端打印的回执字迹太淡，希望更换色带。", "tracking_number": ref,
                   "about": "terminal", "about_ref": self.device.device_id, "lang": "zh"}
        for _ in range(2 if repeat else 1):
            resp = await self.call(kind, "POST", path, doc, idem=key)
            if resp is None:
                continue
            if resp.headers.get("Idempotent-Replay") == "true":
                self.accepted.replays += 1
            if kind == "rating":
                self.accepted.ratings.add(ref)
            else:
                self.accepted.complaints.add(resp.json().get("tracking_number", ref))
