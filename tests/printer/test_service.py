"""The printing service: job ids, faults before and during a job, the receipt in the mouth."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from devices.printer.document import Document, Text
from devices.printer.service import JobState
from kiosk.logs import JsonFormatter
from kiosk.receipts import sample_receipt


def test_same_job_id_never_prints_twice(service, sim) -> None:
    first = service.submit(sample_receipt("complaint"), "complaint:C-7")
    again = service.submit(sample_receipt("complaint"), "complaint:C-7")
    assert again is first
    assert first.result(10).state is JobState.PRINTED
    later = service.submit(sample_receipt("complaint"), "complaint:C-7")
    assert later.result(10).state is JobState.PRINTED
    assert sim.cuts() == 1 and sim.text().count("TS20260306-482913") == 1


def test_paper_out_prints_nothing_and_says_why(service, sim) -> None:
    sim.set_fault("paper_out")
    result = service.submit(sample_receipt("job"), "job:1").result(10)
    assert result.state is JobState.FAILED and result.bytes_sent == 0
    assert "paper_out" in result.error and service.status().paper_out
    assert sim.paper.items == []


def test_offline_half_way_is_reported_and_a_retry_prints_once(service, sim) -> None:
    sim.set_fault("offline_mid_job", after_bytes=150)
    failed = service.submit(sample_receipt("job"), "job:2").result(10)
    assert failed.state is JobState.FAILED and "during the job" in failed.error
    assert sim.cuts() == 0 and 0 < len(sim.paper.lines()) < 5
    sim.set_fault("none")
    retry = service.submit(sample_receipt("job"), "job:2").result(10)
    assert retry.state is JobState.PRINTED
    service.submit(sample_receipt("job"), "job:2").result(10)
    assert sim.cuts() == 1


def test_receipt_waits_in_the_mouth_until_taken(service, sim) -> None:
    assert not service.receipt_in_mouth()
    service.submit(sample_receipt("registration"), "reg:1").result(10)
    assert service.receipt_in_mouth()
    sim.take_receipt()
    assert not service.receipt_in_mouth()


def test_refresh_reports_a_fault_before_any_job(service, sim) -> None:
    assert service.refresh().result(10).ready
    sim.set_fault("cover_open")
    status = service.refresh().result(10)
    assert status.reason == "cover_open" and service.status() == status


def test_printed_job_keeps_no_receipt_in_memory(service) -> None:
    job = service.submit(sample_receipt("registration"), "reg:2")
    job.result(10)
    assert job.payload == b""


def test_idle_printer_is_polled(sim, tcp, p80) -> None:
    import time

    from devices.printer.connection import open_connection
    from devices.printer.escpos_render import Renderer
    from devices.printer.service import PrinterService

    svc = PrinterService(lambda: open_connection("network", f"127.0.0.1:{tcp.port}"),
                         Renderer(p80), status_timeout_s=2.0, poll_s=0.01).start()
    try:
        sim.set_fault("cover_open")
        deadline = time.monotonic() + 5
        while svc.status().reason != "cover_open" and time.monotonic() < deadline:
            time.sleep(0.01)
        assert svc.status().reason == "cover_open"
    finally:
        svc.close()


@dataclass(frozen=True)
class Hologram:
    """A block from a newer receipt template that this renderer does not know."""

    text: str


def test_an_unforeseen_fault_fails_that_job_only(service, sim, caplog) -> None:
    caplog.set_level(logging.ERROR, logger="devices.printer.service")
    odd = Document((Text("李晓梅"), Hologram("110105198503123620")))
    failed = service.submit(odd, "odd:1").result(10)
    assert failed.state is JobState.FAILED and failed.bytes_sent == 0
    assert failed.error.startswith("not printed: unexpected AttributeError at escpos_render.py:")
    [record] = [r for r in caplog.records if r.msg.startswith("device worker fault")]
    line = JsonFormatter().format(record)
    assert json.loads(line)["device"] == "printer" and "Hologram" not in line
    assert service.submit(sample_receipt("job"), "job:9").result(10).state is JobState.PRINTED
    assert service.supervisor.faults == 1 and sim.cuts() == 1


def test_a_cancelled_job_does_not_stop_the_printer(sim, tcp, p80) -> None:
    from devices.printer.connection import open_connection
    from devices.printer.escpos_render import Renderer
    from devices.printer.service import PrinterService

    svc = PrinterService(lambda: open_connection("network", f"127.0.0.1:{tcp.port}"),
                         Renderer(p80), status_timeout_s=2.0)
    given_up = svc.submit(sample_receipt("job"), "job:10")
    assert given_up.future.cancel()                   # the screen stopped waiting
    svc.start()
    try:
        assert svc.submit(sample_receipt("job"), "job:11").result(10).state is JobState.PRINTED
    finally:
        svc.close()


def test_a_long_day_of_receipts_keeps_memory_flat(sim) -> None:
    """Found by the soak: the service kept 500 jobs and the roll every receipt ever cut."""
    from devices.printer.simulator import KEEP_RECEIPTS

    cut = b"hello\n\x1dV\x00"
    for _ in range(KEEP_RECEIPTS * 3):
        sim.feed(cut)
    assert sim.cuts() == KEEP_RECEIPTS * 3          # every cut still counts
    assert len(sim.receipts()) <= KEEP_RECEIPTS * 3 // 2
    assert not sim.receipt_in_mouth() or sim.cuts() > 0
    sim.take_receipt()
    assert not sim.receipt_in_mouth()


def test_the_service_remembers_only_recent_jobs(service) -> None:
    for n in range(40):
        service.submit(Document([Text(f"slip {n}")]), f"slip:{n}")
    service.submit(Document([Text("last")]), "slip:last").result(10)
    assert service.job("slip:0") is None and service.job("slip:39") is not None
