"""Decoder round trips: the words, QR payloads and pictures we send come back off the paper."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from devices.printer import document as d
from devices.printer.decoder import EscposDecoder, decode
from devices.printer.escpos_render import Renderer, printable
from devices.printer.paper_png import render_png
from devices.printer.profile import load_profile
from kiosk.receipts import sample_receipt, templates
from tests.printer.conftest import squash


@pytest.mark.parametrize("template", sorted(templates()))
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [58, 80])
def test_decoded_text_is_the_document_text(template: str, lang: str, width: int) -> None:
    doc = sample_receipt(template, lang, width)
    paper = decode(Renderer(load_profile(f"generic-{width}-cn")).render(doc))
    printed = [line for line in paper.lines() if set(line) - {"-"}]
    assert squash("".join(printed)) == squash(printable("".join(doc.text_lines())))
    assert paper.cuts() == (1 if width == 80 else 0)     # the 58 mm model has no cutter


def test_bilingual_receipt_keeps_chinese_as_text_and_tibetan_as_pictures(p80) -> None:
    doc = sample_receipt("complaint", "bo", 80)
    paper = decode(Renderer(p80).render(doc))
    assert "我们将在5个工作日内答复您。" in paper.lines()
    tibetan = [b for b in doc.blocks if isinstance(b, d.TibetanText)]
    assert len(paper.pictures()) == len(tibetan) >= 5


def test_split_stream_decodes_the_same(p80) -> None:
    data = Renderer(p80).render(sample_receipt("job", "zh", 80))
    decoder = EscposDecoder()
    for i in range(0, len(data), 7):            # commands cut across reads
        decoder.feed(data[i:i + 7])
    assert decoder.paper.lines() == decode(data).lines()


def _decode_qr(img) -> str:
    grey = np.array(img.convert("L"))
    text, _, _ = cv2.QRCodeDetector().detectAndDecode(grey)
    return text


def test_native_qr_decodes_back_from_the_paper_picture(p80) -> None:
    paper = decode(Renderer(p80).render(sample_receipt("appointment", "zh", 80)))
    assert paper.qr_payloads() == ["EKIOSK:APPT:T-0307-015"]
    assert _decode_qr(render_png(paper, p80.dots)) == "EKIOSK:APPT:T-0307-015"


def test_picture_qr_decodes_back_on_a_printer_without_native_qr() -> None:
    profile = load_profile("generic-58-raster")
    paper = decode(Renderer(profile).render(d.Document((d.QR("https://jobs.example.cn/p/1"),))))
    assert paper.qr_payloads() == []
    assert _decode_qr(paper.pictures()[0]) == "https://jobs.example.cn/p/1"


def test_png_is_as_wide_as_the_paper(p58) -> None:
    paper = decode(Renderer(p58).render(sample_receipt("report", "bo", 58)))
    img = render_png(paper, p58.dots)
    assert img.width == p58.dots + 32 and img.height > 600


def test_preview_is_the_paper_and_offers_the_qr(p80) -> None:
    from devices.printer.preview import preview

    doc = sample_receipt("appointment", "zh", 80)
    assert doc.qr_payloads() == ["EKIOSK:APPT:T-0307-015"]
    assert _decode_qr(preview(doc, Renderer(p80))) == "EKIOSK:APPT:T-0307-015"
