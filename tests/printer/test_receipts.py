"""Receipt documents: masking, the 5-day promise, bilingual Tibetan, the per-visitor limit."""

from __future__ import annotations

import pytest

from devices.printer import document as d
from devices.printer.escpos_render import Renderer
from kiosk.clock import FakeClock
from kiosk.receipts import sample_receipt, templates
from kiosk.receipts.desk import ReceiptDesk, ReceiptLimitReached
from kiosk.session import SessionState, VisitorSession


def test_registration_slip_never_carries_the_full_id_number(p80) -> None:
    for lang in ("zh", "en", "bo"):
        doc = sample_receipt("registration", lang)
        data = Renderer(p80).render(doc)
        text = "".join(doc.text_lines())
        assert b"199001011234" not in data and "199001011234" not in text
        assert "110105********1234" in text and "张**" in text and "张晓明" not in text


@pytest.mark.parametrize("lang,promise", [("zh", "5个工作日内"), ("en", "within 5 working days"),
                                          ("bo", "ལས་ཉིན་ ༥ ནང་")])
def test_complaint_receipt_promises_an_answer_in_five_working_days(lang, promise) -> None:
    doc = sample_receipt("complaint", lang)
    assert any(promise in line for line in doc.text_lines())
    assert any("TS20260306-482913" in line for line in doc.text_lines())


@pytest.mark.parametrize("template", sorted(templates()))
def test_tibetan_receipts_are_bilingual(template: str) -> None:
    doc = sample_receipt(template, "bo")
    assert any(isinstance(b, d.TibetanText) for b in doc.blocks)
    assert sample_receipt(template, "zh").blocks[0] == doc.blocks[0]    # Chinese title first


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        sample_receipt("job", "fr")


def test_receipt_limit_per_visitor_resets_when_the_session_ends(service, sim) -> None:
    session = VisitorSession(FakeClock(0.0))
    desk = ReceiptDesk(service, max_receipts=2, session=session)
    session.touch()
    desk.print(sample_receipt("job"), "job:1").result(10)
    desk.print(sample_receipt("job"), "job:1").result(10)        # a retry does not count
    desk.print(sample_receipt("complaint"), "complaint:1").result(10)
    with pytest.raises(ReceiptLimitReached):
        desk.print(sample_receipt("report"), "report:1")
    session.end()
    assert session.state is SessionState.IDLE and desk.remaining() == 2


def test_a_job_that_printed_nothing_does_not_count(service, sim) -> None:
    desk = ReceiptDesk(service, max_receipts=1)
    sim.set_fault("paper_out")
    job = desk.print(sample_receipt("job"), "job:9")
    job.result(10)
    assert not desk.can_print()               # paper out
    sim.set_fault("none")
    service.refresh().result(10)
    assert desk.remaining() == 1 and desk.can_print()
