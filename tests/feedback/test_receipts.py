"""The complaint slip on paper: every language, both widths; number, date and promise,
what was filed cut short, the phone masked; an anonymous slip says there is no follow-up."""

from __future__ import annotations

import dataclasses

import pytest

from devices.printer.decoder import decode
from devices.printer.escpos_render import Renderer
from devices.printer.profile import load_profile
from kiosk.flows.complaints import receipt
from kiosk.receipts import sample_receipt
from kiosk.receipts.stamp import Stamp


@pytest.mark.parametrize("lang", ["zh", "en", "bo"])
@pytest.mark.parametrize("width", [58, 80])
def test_the_slip_holds_number_date_and_a_masked_phone(lang: str, width: int) -> None:
    paper = decode(Renderer(load_profile(f"generic-{width}-cn")).render(
        sample_receipt("complaint", lang, width)))
    text = paper.text().replace("\n", "")
    assert "TS20260306-482913" in text and "2026-03-13" in text
    assert "138****8000" in text and "13800138000" not in text


def test_an_anonymous_slip_says_nobody_will_follow_up() -> None:
    slip = dataclasses.replace(receipt.SAMPLE, phone_masked="", queued=True)
    doc = receipt.build(slip, Stamp("示范市人力资源市场", "demo-001", "2026-03-06 16:21"))
    paper = decode(Renderer(load_profile("generic-80-cn")).render(doc))
    text = paper.text().replace("\n", "")
    assert "不会有人联系您" in text and "恢复后自动送达" in text


def test_what_was_filed_is_cut_short() -> None:
    assert receipt.summary("排" * 100).endswith("……")
    assert len(receipt.summary("排" * 100)) == receipt.SUMMARY_CHARS + 2
