"""Asking the box's updater for what the app itself may not do: a new release, a reboot.

The app runs unprivileged (no capabilities, no new privileges), so the fleet's
`update` and `reboot` commands end here in a request file in the data folder's
requests/ folder; a root path unit (deploy/systemd/kiosk-requests.path) sees it and
runs `kiosk-update requests`, which installs the release with rollback or reboots.
A release archive is downloaded first, only from the platform's own host, and kept
only if its SHA-256 is the one the signed command named.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from kiosk.errors import KioskError

if TYPE_CHECKING:
    import requests

REQUESTS = "requests"
MAX_ARCHIVE = 512 * 2**20        # a release with its wheels is well below this
CHUNK = 1 << 16


class RequestError(KioskError):
    """The release could not be fetched or the request not written."""


def folder(data_dir: Path) -> Path:
    path = data_dir / REQUESTS
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def same_host(url: str, platform_url: str) -> bool:
    """The archive comes from the platform's host (any port): the terminal fetches
    nothing from addresses a console could pick freely."""
    a, b = urlsplit(url), urlsplit(platform_url)
    return a.scheme in ("http", "https") and a.hostname is not None \
        and a.hostname == b.hostname


def fetch_release(url: str, sha256: str, dest: Path, timeout_s: float = 30.0,
                  session: requests.Session | None = None) -> Path:
    """Download url to dest (atomically), checking size and digest; dest."""
    import requests

    session = session or requests.Session()
    part = dest.with_name(dest.name + ".part")
    digest, size = hashlib.sha256(), 0
    try:
        with session.get(url, stream=True, timeout=timeout_s) as resp:
            if resp.status_code != 200:
                raise RequestError(f"release archive: HTTP {resp.status_code}")
            with part.open("wb") as fh:
                for chunk in resp.iter_content(CHUNK):
                    size += len(chunk)
                    if size > MAX_ARCHIVE:
                        raise RequestError("release archive is larger than allowed")
                    digest.update(chunk)
                    fh.write(chunk)
    except requests.RequestException as exc:
        part.unlink(missing_ok=True)
        raise RequestError(f"release archive: {type(exc).__name__}") from None
    except RequestError:
        part.unlink(missing_ok=True)
        raise
    if digest.hexdigest() != sha256:
        part.unlink(missing_ok=True)
        raise RequestError("release archive: SHA-256 does not match the command's")
    os.replace(part, dest)
    return dest


def write_request(data_dir: Path, kind: str, doc: dict[str, object]) -> Path:
    """requests/<kind>.json, whole or not at all (the path unit fires on its name)."""
    target = folder(data_dir) / f"{kind}.json"
    tmp = target.with_name(f".{kind}.json.new")
    tmp.write_text(json.dumps(doc))
    os.replace(tmp, target)
    return target


def request_update(data_dir: Path, platform_url: str, version: str, url: str,
                   sha256: str) -> Path:
    """Fetch the release archive and ask the updater to install it; the request."""
    if not same_host(url, platform_url):
        raise RequestError("the release archive must come from the platform's host")
    archive = fetch_release(url, sha256, folder(data_dir) / f"release-{version}.tar")
    return write_request(data_dir, "update", {"version": version, "archive": archive.name,
                                              "sha256": sha256})
