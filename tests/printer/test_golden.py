"""Byte-exact streams for every template: a change to any receipt's bytes must be deliberate.

Regenerate tests/printer/golden_sha256.json only after looking at the new receipts
(`kiosk devices print-test --png`).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from devices.printer.escpos_render import Renderer
from devices.printer.profile import load_profile
from kiosk.receipts import sample_receipt

GOLDEN = json.loads((Path(__file__).parent / "golden_sha256.json").read_text())


@pytest.mark.parametrize("key", sorted(GOLDEN))
def test_template_bytes_are_exactly_as_approved(key: str) -> None:
    template, lang, width = key.split("-")
    data = Renderer(load_profile(f"generic-{width}-cn")).render(
        sample_receipt(template, lang, int(width)))
    assert hashlib.sha256(data).hexdigest() == GOLDEN[key]


def test_bilingual_bytes_repeat(p80) -> None:
    first = Renderer(p80).render(sample_receipt("appointment", "bo", 80))
    assert Renderer(p80).render(sample_receipt("appointment", "bo", 80)) == first
