"""Pairing a terminal without a key, over HTTP to the reference platform."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
import requests

from central.db import connect, secret_box
from central.enrolment import PairingRefused, pair
from kiosk.fleet.enrolment import PAIRING_FILE, Pairing, PairingError, unwrap


def confirm(platform, code: str, device: str | None = None) -> str:
    conn = connect(platform.store)
    try:
        return pair(conn, secret_box(conn, platform.store), code, device)
    finally:
        conn.close()


def test_the_key_arrives_once_encrypted_and_signs(platform, tmp_path: Path) -> None:
    pairing = Pairing(platform.url, "hall-7-kiosk", tmp_path)
    assert pairing.ask() == "pending" and pairing.poll() is None
    assert Pairing(platform.url, "hall-7-kiosk", tmp_path).request == pairing.request  # kept
    assert confirm(platform, pairing.request.shown_code) == "hall-7-kiosk"
    key = pairing.poll()
    assert key is not None and len(key) == 64
    assert (pairing.keep(key).stat().st_mode & 0o777) == 0o600
    assert not (tmp_path / PAIRING_FILE).exists()
    again = requests.get(f"{pairing.base}/{pairing.request.request_id}", timeout=5).json()
    assert again == {"status": "delivered"}             # the encrypted copy is gone

    from kiosk.platform.client import PlatformClient
    from tests.platform.conftest import real_now_clock

    client = PlatformClient(platform.url, "hall-7-kiosk", key.encode(),
                            clock=real_now_clock(), timeout_s=5, attempts=1)
    assert "items" in client.get("/fleet/commands")


def test_a_wrong_or_used_code_pairs_nothing(platform, tmp_path: Path) -> None:
    pairing = Pairing(platform.url, "hall-8", tmp_path)
    pairing.ask()
    wrong = "0000 0000" if pairing.request.code != "00000000" else "1111 1111"
    with pytest.raises(PairingRefused):
        confirm(platform, wrong)
    confirm(platform, pairing.request.code)
    with pytest.raises(PairingRefused):
        confirm(platform, pairing.request.code)


def test_a_key_for_someone_else_does_not_open(platform, tmp_path: Path) -> None:
    ours = Pairing(platform.url, "hall-9", tmp_path / "a")
    theirs = Pairing(platform.url, "hall-9", tmp_path / "b")
    theirs.ask()
    confirm(platform, theirs.request.code)
    doc = requests.get(f"{theirs.base}/{theirs.request.request_id}", timeout=5).json()
    with pytest.raises(PairingError, match="does not open"):
        unwrap(ours.request, base64.b64decode(doc["ephemeral_public_key"]),
               base64.b64decode(doc["sealed_key"]))


@pytest.mark.parametrize("body", [
    {"request_id": "x", "device_hint": "a", "code_sha256": "0" * 64, "public_key": "AA=="},
    {"request_id": "0" * 32, "device_hint": "a", "code_sha256": "0" * 64,
     "public_key": base64.b64encode(b"short").decode()},
    {"request_id": "0" * 32, "device_hint": "a b", "code_sha256": "0" * 64,
     "public_key": base64.b64encode(bytes(32)).decode()},
])
def test_malformed_requests_are_refused_in_the_error_shape(platform, body) -> None:
    answer = requests.post(platform.url + "/api/v1/enrolment/requests", json=body, timeout=5)
    assert answer.status_code == 422 and answer.json()["error"] == "invalid"


def test_an_oversized_request_is_refused_unread(platform) -> None:
    answer = requests.post(platform.url + "/api/v1/enrolment/requests", data=b"{" + b" " * 9000,
                           headers={"Content-Type": "application/json"}, timeout=5)
    assert answer.status_code == 413
