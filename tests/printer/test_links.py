"""Real bytes to the simulator over a file, a pty (serial) and TCP on 127.0.0.1."""

from __future__ import annotations

from devices.printer.connection import open_connection, query_status, two_way
from devices.printer.errors import PrinterError
from devices.printer.escpos_lib import escpos_base
from devices.printer.escpos_render import Renderer
from devices.printer.service import JobState, PrinterService
from devices.printer.sim_links import FileLink, PtyLink
from devices.printer.simulator import PrinterSimulator
from kiosk.receipts import sample_receipt


def test_file_link_is_one_way(tmp_path, sim, p80) -> None:
    target = tmp_path / "printer.bin"
    svc = PrinterService(lambda: open_connection("file", str(target)), Renderer(p80)).start()
    result = svc.submit(sample_receipt("complaint"), "c-1").result(10)
    svc.close()
    assert result.state is JobState.PRINTED and result.before.unknown
    FileLink(sim, target).poll()
    assert "受理编号：TS20260306-482913" in sim.paper.lines()


def test_serial_over_a_pty(sim, p80) -> None:
    link = PtyLink(sim).start()
    try:
        svc = PrinterService(lambda: open_connection("serial", f"{link.path}@115200"),
                             Renderer(p80), status_timeout_s=2.0).start()
        result = svc.submit(sample_receipt("appointment"), "a-1").result(10)
        svc.close()
    finally:
        link.close()
    assert result.state is JobState.PRINTED and result.after.reason == "ok"
    assert sim.paper.qr_payloads() == ["EKIOSK:APPT:T-0307-015"]


def test_status_over_tcp(sim, tcp) -> None:
    printer = open_connection("network", f"127.0.0.1:{tcp.port}")
    printer.open()
    try:
        assert query_status(printer, 2.0).reason == "ok"
        sim.set_fault("cover_open")
        assert query_status(printer, 2.0).reason == "cover_open"
        sim.set_fault("silent")
        assert query_status(printer, 0.05).unknown
    finally:
        printer.close()


class SeamPrinter(escpos_base()):  # type: ignore[misc]
    """A USB printer at python-escpos's _raw seam: bytes to the simulator, answers back."""

    def __init__(self, sim: PrinterSimulator) -> None:
        super().__init__()
        self.sim = sim
        self.pending = b""

    def _raw(self, msg: bytes) -> None:
        self.pending += self.sim.feed(msg)

    def _read(self) -> bytes:
        out, self.pending = self.pending, b""
        return out


def test_usb_at_the_raw_seam(sim, p80) -> None:
    assert two_way(SeamPrinter(sim))
    svc = PrinterService(lambda: SeamPrinter(sim), Renderer(p80)).start()
    sim.set_fault("paper_near_end")
    result = svc.submit(sample_receipt("job", "en"), "j-1").result(10)
    svc.close()
    assert result.state is JobState.PRINTED and result.after.paper_near_end
    assert "Job details" in sim.text()


def test_missing_usb_or_cups_library_is_a_clear_error() -> None:
    for driver, target in (("usb", "0416:5011"), ("cups", "receipts")):
        try:
            printer = open_connection(driver, target)
        except PrinterError as exc:
            assert driver in str(exc)
        else:                                   # the optional library is installed here
            assert not two_way(printer) or driver == "usb"
