"""Every call the kiosk makes is in the contract the platform implements."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from kiosk.flows import outbox_kinds
from kiosk.platform.catalog import COLLECTIONS
from kiosk.platform.outbox import OWN_KINDS

CONTRACT = Path(__file__).resolve().parents[2] / "central" / "openapi.yaml"


def operations() -> set[tuple[str, str]]:
    doc = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))
    prefix = "/api/v1" if not any(p.startswith("/api/v1") for p in doc["paths"]) else ""
    return {(method.upper(), re.sub(r"\{[^}]+\}", "{}", prefix + path))
            for path, item in doc["paths"].items() for method in item
            if method in ("get", "post")}


def test_submissions_and_collections_are_in_the_contract() -> None:
    ops = operations()
    for template in [k.path for k in {**OWN_KINDS, **outbox_kinds()}.values()]:
        assert ("POST", "/api/v1" + re.sub(r"\{[^}]+\}", "{}", template)) in ops, template
    for path in COLLECTIONS.values():
        assert ("GET", "/api/v1" + path) in ops, path
    assert ("POST", "/api/v1/devices/heartbeat") in ops
