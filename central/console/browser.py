"""Headless Chromium (Debian's package) driven by Playwright, for the console's
pictures, benchmark and browser tests. No browser is downloaded: Playwright is
pointed at the installed executable, with a fresh profile folder each time."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from typing import Any

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@contextlib.contextmanager
def chromium(executable: str = CHROMIUM, width: int = 1280, height: int = 900,
             locale: str = "zh-CN") -> Iterator[Any]:
    """A Playwright browser context (its own temporary profile), closed afterwards."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="console-chromium-") as profile, \
            sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=executable, headless=True, args=ARGS,
            viewport={"width": width, "height": height}, locale=locale)
        try:
            yield context
        finally:
            context.close()


def sign_in(page: Any, url: str, name: str, password: str) -> None:
    page.goto(f"{url}/console/sign-in")
    page.fill("#name", name)
    page.fill("#password", password)
    page.click("form.card button[type=submit]")
