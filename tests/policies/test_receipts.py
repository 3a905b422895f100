"""The policy summary and question slips on paper: every language, both widths, the QR
code reads back, personal data masked."""

from __future__ import annotations

import numpy as np
import pytest

from devices.camera.qr import QrDecoder
from devices.printer.decoder import decode
from devices.printer.escpos_render import Renderer
from devices.printer.paper_png import render_png
from devices.printer.profile import load_profile
from kiosk.receipts import sample_receipt


@pytest.mark.parametrize("lang", ["zh", "en", "bo"])
@pytest.mark.parametrize("width", [58, 80])
def test_the_summary_slip_holds_title_issuer_and_a_readable_qr(lang: str, width: int) -> None:
    profile = load_profile(f"generic-{width}-cn")
    paper = decode(Renderer(profile).render(sample_receipt("policy", lang, width)))
    text = paper.text().replace("\n", "")
    assert "社会保险补贴申领办法" in text and "示范市人力资源和社会保障局" in text
    assert "2025-09-18" in text
    found = QrDecoder().decode(np.array(render_png(paper, profile.dots)))
    assert found == "https://hrss.example.cn/policies/P0003"


@pytest.mark.parametrize("lang", ["zh", "en", "bo"])
def test_the_question_slip_holds_number_and_promise_and_masks_the_phone(lang: str) -> None:
    paper = decode(Renderer(load_profile("generic-80-cn")).render(
        sample_receipt("policy_question", lang, 80)))
    text = paper.text().replace("\n", "")
    assert "ZX20260403-482913" in text and "2026-04-07" in text
    assert "138****8000" in text and "13800138000" not in text
