"""The registration and unemployment-application slips: what they say, masked, in zh/en/bo,
and printed through the printer simulator from the flow."""

from __future__ import annotations

import pytest

from devices.printer import document as d
from devices.printer.escpos_render import Renderer
from devices.printer.profile import load_profile
from kiosk.flows.jobs.flow import PrintOutcome
from kiosk.flows.registration.state import Unemployment
from kiosk.receipts import sample_receipt
from kiosk.receipts.desk import ReceiptDesk
from tests.registration.conftest import NUMBER, fill, lay_card, make_flow, wait_ui


def stored_flow(outcome: str = "sent", groups: tuple[str, ...] = (), **kiosk: str):
    """A flow whose registration the outbox has (as the submission would leave it)."""
    flow = make_flow(**kiosk)
    lay_card(flow)
    flow.start()
    fill(flow, groups)
    visit = flow.visit
    visit.outcome, visit.submitted, visit.registered_at = outcome, "k1", "2026-03-02 09:30"
    if outcome == "sent":
        visit.reference = "R-0a1b2c3d4e5f"
    return flow


@pytest.mark.parametrize("template", ["registration", "unemployment"])
@pytest.mark.parametrize("lang", ["zh", "en", "bo"])
def test_slips_mask_the_visitor_in_every_language(template: str, lang: str) -> None:
    for width in (58, 80):
        doc = sample_receipt(template, lang, width)
        data = Renderer(load_profile(f"generic-{width}-cn")).render(doc)
        text = "\n".join(doc.text_lines())
        assert "110105199001011234" not in text and b"199001011234" not in data
        assert "110105********1234" in text and "张**" in text and "张晓明" not in text
        assert (lang == "bo") == any(isinstance(b, d.TibetanText) for b in doc.blocks)


def test_the_registration_slip_says_what_was_registered_and_what_to_bring() -> None:
    flow = stored_flow(groups=("hard_to_employ",), record_url="https://jobs.example.cn/my/{ref}")
    lines = flow.slip("zh").text_lines()
    text = "\n".join(lines)
    assert "交通运输、仓储物流；新都区；月薪5000元以上；全职" in lines
    assert "· 本人身份证原件" in lines and any("残疾人证" in line for line in lines)
    assert "登记编号：R-0a1b2c3d4e5f" in lines and NUMBER not in text
    qr = [b for b in flow.slip("zh").blocks if isinstance(b, d.QR)]
    assert [b.payload for b in qr] == ["https://jobs.example.cn/my/R-0a1b2c3d4e5f"]
    assert flow.qr_text() == "https://jobs.example.cn/my/R-0a1b2c3d4e5f"


def test_a_slip_of_a_saved_registration_says_so_and_the_qr_carries_its_words() -> None:
    flow = stored_flow(outcome="queued")
    lines = flow.slip("en").text_lines()
    assert "Registration no.: given once sent" in lines
    assert not [b for b in flow.slip("en").blocks if isinstance(b, d.QR)]   # no record yet
    words = flow.qr_text()
    assert "求职登记回执" in words and "110105********" in words and NUMBER not in words
    assert "· 本人身份证原件" in words


def test_the_unemployment_slip_never_promises_the_outcome() -> None:
    flow = stored_flow()
    visit = flow.visit
    visit.unemployment = Unemployment("示范物流有限公司", "2026-01-31", "contract_end", True)
    visit.unemployment_outcome, visit.unemployment_reference = "sent", "U-77"
    visit.unemployment_at = "2026-03-02 09:31"
    lines = flow.unemployment_slip("zh").text_lines()
    assert "申请编号：U-77" in lines and "申请已收到。这还不是登记结果。" in lines
    assert any(line.startswith("能不能登记，由工作人员审核后决定") for line in lines)
    assert "· 和上一家单位解除或终止劳动合同的证明（没工作过的不用带）" in lines
    assert "示范物流有限公司" not in "\n".join(lines)      # the employer stays off the paper


def test_the_slip_prints_through_the_printer_and_says_so(printer, sim) -> None:
    flow = stored_flow(receipts=None)
    flow.core.receipts = ReceiptDesk(printer, max_receipts=5, session=flow.session)
    assert flow.can_print()
    got: list[PrintOutcome] = []
    flow.print_slip("zh", got.append)
    wait_ui(flow, lambda: bool(got))
    assert got == [PrintOutcome(True, ("reg.print.done", {}))]
    printed = sim.text()
    assert "R-0a1b2c3d4e5f" in printed and "110105********" in printed
    assert NUMBER not in printed and sim.cuts() == 1


def test_without_a_printer_the_flow_says_to_use_the_qr() -> None:
    flow = stored_flow()
    got: list[PrintOutcome] = []
    flow.print_slip("bo", got.append)
    flow.ui.run_pending()
    assert got == [PrintOutcome(False, ("reg.print.unavailable", {}))]


def test_a_tibetan_list_keeps_one_shad_between_its_words() -> None:
    flow = stored_flow()
    tibetan = [b.text for b in flow.slip("bo").blocks if isinstance(b, d.TibetanText)]
    intent = [line for line in tibetan if "འདྲེན་སྐྱེལ" in line]
    assert intent and all("།།" not in line for line in tibetan)
    assert intent[0].endswith("ལས་ཀ་རྒྱུན་ལྡན།")
