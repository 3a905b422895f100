"""A staff member with the fleet console's overview open: signed in with a password and
its CSRF token as a browser is, then the page's live refresh (the rows part) polled.
"""

from __future__ import annotations

import re
import time

import httpx

from bench.loadgen.fleet import STAFF_NAME, STAFF_PASSWORD
from bench.loadgen.stats import Recorder

CSRF = re.compile(r'name="csrf" value="([^"]+)"')


async def sign_in(http: httpx.AsyncClient) -> None:
    """The sign-in form, as a browser posts it; raises when it is refused."""
    page = await http.get("/console/sign-in")
    found = CSRF.search(page.text)
    if found is None:
        raise RuntimeError("the console's sign-in page has no CSRF token")
    resp = await http.post("/console/sign-in", data={
        "csrf": found.group(1), "name": STAFF_NAME, "password": STAFF_PASSWORD})
    if resp.status_code >= 400 or not http.cookies:
        raise RuntimeError(f"console sign-in refused: HTTP {resp.status_code}")


async def poll_overview(http: httpx.AsyncClient, recorder: Recorder) -> None:
    """One live refresh of the overview, timed as kind "console"."""
    began = time.perf_counter()
    try:
        resp = await http.get("/console/overview", params={"part": "rows"},
                              headers={"Accept": "text/html"})
    except httpx.HTTPError as exc:
        recorder.failed("console", type(exc).__name__)
        return
    if resp.status_code != 200:
        recorder.failed("console", f"HTTP {resp.status_code}")
        return
    recorder.ok("console", (time.perf_counter() - began) * 1000)
