"""Opening the configured python-escpos connection and asking it for DLE EOT status.

Every connection class implements _raw(bytes); the ones with a back channel
(serial, network, USB) can also answer status. File and CUPS queues are
one-way, so their status is always "unknown" rather than a guess.
"""

from __future__ import annotations

import contextlib
import socket
from typing import Any

from devices.printer.errors import PrinterError
from devices.printer.escpos_lib import escpos_base, printer_module
from devices.printer.status import DLE_EOT, QUERIES, UNKNOWN, PrinterStatus, parse_status

DRIVERS = ("usb", "serial", "network", "file", "cups")


def open_connection(driver: str, target: str, timeout_s: float = 5.0) -> Any:
    """A python-escpos printer for driver and target (not yet opened)."""
    p = printer_module()
    needs = {"usb": (p.Usb, "pyusb"), "cups": (p.CupsPrinter, "pycups"),
             "serial": (p.Serial, "pyserial")}
    if driver in needs and not needs[driver][0].is_usable():
        # checked first: a half-built python-escpos printer raises again from __del__
        raise PrinterError(f"printer: the {driver} driver needs the Python package "
                           f"{needs[driver][1]}; install it or choose another printer.driver")
    try:
        if driver == "network":
            host, _, port = target.rpartition(":") if ":" in target else (target, "", "9100")
            return p.Network(host, int(port), timeout=timeout_s)
        if driver == "serial":
            path, _, baud = target.partition("@")
            return p.Serial(path, baudrate=int(baud or 115200), timeout=timeout_s, dsrdtr=False)
        if driver == "file":
            return p.File(target)
        if driver == "usb":
            vendor, _, product = target.partition(":")
            return p.Usb(int(vendor, 16), int(product, 16), timeout=int(timeout_s * 1000))
        if driver == "cups":
            return p.CupsPrinter(target)
    except (RuntimeError, ValueError) as exc:   # a missing optional library, a bad target
        raise PrinterError(f"printer: cannot set up {driver} printer {target!r}: {exc}") from exc
    raise PrinterError(f"printer: driver {driver!r} unknown; known: {', '.join(DRIVERS)}")


def two_way(printer: Any) -> bool:
    """True when the connection can carry answers back (its class implements _read)."""
    escpos = escpos_base()
    if spooled(printer):        # CUPS _read reports the queue state, not DLE EOT
        return False
    return getattr(type(printer), "_read", escpos._read) is not escpos._read


def spooled(printer: Any) -> bool:
    """True for a print queue: a job is only handed over when the connection closes."""
    return type(printer).__name__ == "CupsPrinter"


def _read_byte(printer: Any, timeout_s: float) -> int | None:
    device = printer.device
    try:
        if isinstance(device, socket.socket):
            device.settimeout(timeout_s)
            data = device.recv(1)
        elif hasattr(device, "reset_input_buffer"):      # pyserial
            device.timeout = timeout_s
            data = device.read(1)
        else:
            data = printer._read()[:1]
    except (TimeoutError, OSError, NotImplementedError):
        return None
    return data[0] if data else None


def _drain(printer: Any) -> None:
    """Drop stale answers (a reply that came after an earlier time-out)."""
    device = printer.device
    with contextlib.suppress(OSError, TimeoutError):
        if isinstance(device, socket.socket):
            device.settimeout(0)
            while device.recv(64):
                pass
        elif hasattr(device, "reset_input_buffer"):
            device.reset_input_buffer()


def query_status(printer: Any, timeout_s: float = 0.5) -> PrinterStatus:
    """Ask DLE EOT 1..4 and parse the answers; unknown on one-way links or silence."""
    if not two_way(printer):
        return UNKNOWN
    _drain(printer)
    replies: dict[int, int | None] = {}
    for n in QUERIES:
        printer._raw(DLE_EOT + bytes([n]))
        replies[n] = _read_byte(printer, timeout_s)
        if replies[n] is None:
            break
    return parse_status(replies)
