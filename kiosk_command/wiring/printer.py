"""Wiring the receipt printer: the simulator on a local TCP port, a real connection, or none."""

from __future__ import annotations

import contextlib
from typing import Any

from kiosk.core import KioskCore


def fonts_from(cfg: Any) -> Any:
    """RasterFonts from the [printer] settings section."""
    from pathlib import Path

    from devices.printer.raster import RasterFonts

    return RasterFonts(Path(cfg.cjk_font), cfg.cjk_font_index, Path(cfg.tibetan_font),
                       Path(cfg.cjk_bold_font) if cfg.cjk_bold_font else None)


def attach(core: KioskCore, stack: contextlib.ExitStack) -> None:
    """Set core.printer (a PrinterService) and core.receipts (the ReceiptDesk)."""
    from devices.printer.connection import open_connection
    from devices.printer.escpos_render import Renderer
    from devices.printer.profile import load_profile
    from devices.printer.service import PrinterService
    from kiosk.receipts.desk import ReceiptDesk

    cfg = core.settings.printer
    if cfg.driver == "none":
        return
    profile = load_profile(cfg.profile)
    driver, target, presence = cfg.driver, cfg.target, None
    if driver == "sim":
        from devices.printer.sim_links import TcpLink
        from devices.printer.simulator import PrinterSimulator

        sim = PrinterSimulator(profile.dots)
        link = TcpLink(sim).start()
        stack.callback(link.close)
        core.simulators.printer = sim
        driver, target, presence = "network", f"127.0.0.1:{link.port}", sim.receipt_in_mouth
    service = PrinterService(lambda: open_connection(driver, target),
                             Renderer(profile, fonts_from(cfg)),
                             status_timeout_s=cfg.status_timeout_s, presence=presence,
                             poll_s=cfg.status_poll_s).start()
    core.printer = service
    stack.callback(service.close)
    core.receipts = ReceiptDesk(service, core.settings.kiosk.max_receipts, core.session)
    core.session.add_holder("receipt", service.receipt_in_mouth)
    service.refresh()      # the first screens already know whether printing is possible
