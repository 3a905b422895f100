"""What the technician's menu shows and does.

Status rows are read from the terminal's health (the same words the fleet console
shows); the actions are the fleet's own commands (kiosk.fleet), run here at once
because the technician standing at the glass is the one who asked. Each use is
logged and counted in the health; the PIN pad's lock is kiosk.technician's.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kiosk.i18n import Text, raw
from kiosk.technician import Attempt, PinGuard

if TYPE_CHECKING:
    from devices.idcard.card import Card
    from kiosk.core import KioskCore

log = logging.getLogger(__name__)
ACTIONS = ("print_test_page", "send_now", "sync_catalog", "out_of_service", "in_service",
           "restart", "exit")
QR_TEST_S = 30.0           # how long the camera looks for a code before giving up


class TechnicianFlow:
    """The menu's rules, made with the core."""

    def __init__(self, core: KioskCore) -> None:
        self.core = core
        self.pins = PinGuard(core.clock, core.settings.kiosk.technician_pin_sha256)
        self.last_result: Text = raw("")

    # -- the PIN ------------------------------------------------------------
    def sign_in(self, pin: str) -> Attempt:
        return self.pins.attempt(pin)

    def locked_for(self) -> int:
        return round(self.pins.locked_for() + 0.499)

    def pairing_code(self) -> str:
        """The code to confirm on the platform ("" once paired)."""
        return self.core.pairing_code

    # -- status -------------------------------------------------------------
    def rows(self) -> list[tuple[Text, Text]]:
        """(label, value) for every line of the status list."""
        health = self._health()
        devices = health.get("devices", {})
        rows: list[tuple[Text, Text]] = []
        for name in ("reader", "printer", "camera", "audio"):
            state = (devices.get(name) or {}).get("state", "unknown")
            rows.append(((f"tech.row.{name}", {}), (f"tech.state.{state}", {})))
        if "receipts_since_paper_change" in health:
            rows.append((("tech.row.receipts", {}),
                         raw(health["receipts_since_paper_change"])))
        reachable = health.get("reachable")
        rows.append((("tech.row.link", {}), ("tech.link." + {True: "up", False: "down"}.get(
            reachable, "unknown"), {})))
        outbox = health.get("outbox", {})
        rows.append((("tech.row.outbox", {}), ("tech.outbox", {
            "pending": outbox.get("pending", 0), "parked": outbox.get("parked", 0),
            "set_aside": outbox.get("set_aside", 0)})))
        age = (health.get("catalog") or {}).get("age_s")
        rows.append((("tech.row.sync", {}), ("tech.minutes", {"n": round(age / 60)})
                     if age is not None else ("tech.never", {})))
        skew = health.get("clock_skew_s")
        rows.append((("tech.row.clock", {}), ("tech.seconds", {"n": round(skew)})
                     if skew is not None else ("tech.unknown", {})))
        rows.append((("tech.row.disk", {}), ("tech.megabytes", {
            "n": round(float(health.get("disk_free_mb", 0)))})))
        rows.append((("tech.row.release", {}), raw(health.get("release", ""))))
        config = health.get("config") or {}
        rows.append((("tech.row.config", {}), raw(config.get("version", 0))))
        return rows

    def _health(self) -> dict:
        fleet = self.core.fleet
        return dict(fleet.health()) if fleet is not None else {}

    # -- device checks ------------------------------------------------------
    def watch_cards(self, shown: Callable[[Text], None] | None) -> None:
        """While the menu is open a card on the reader is a test read, not a visitor
        (shown gets what was read, masked); None gives cards back to the session."""
        if shown is None:
            self.core.card_test = None
            return

        def read(card: Card) -> None:
            today = self.core.clock.now().date()
            state = "ok" if card.validation(today).valid else "invalid"
            log.warning("technician test card read", extra={"valid": state == "ok"})
            shown(("tech.result.card." + state, {"number": card.masked_number()}))
        self.core.card_test = read

    def test_qr(self, shown: Callable[[Text], None]) -> None:
        """Look for a QR code with the camera for a while; shown gets its first payload
        (cut short: a test code, never a visitor's) or that none was seen."""
        camera = self.core.camera
        if camera is None:
            shown(("tech.result.no_camera", {}))
            return
        scanner = camera.scanner()
        until = self.core.clock.monotonic() + QR_TEST_S

        def analyse(frame: Any, _seq: int) -> None:
            payload = scanner.feed(frame)
            late = self.core.clock.monotonic() > until
            if payload is None and not late:
                return
            camera.remove_analyser(analyse)
            result = (("tech.result.qr", {"payload": payload[:40]}) if payload
                      else ("tech.result.no_qr", {}))
            self.core.ui.post(lambda: shown(result))
        camera.add_analyser(analyse)
        camera.start()

    def preview(self) -> Any:
        """The camera's latest frame (BGR, numpy) for the menu's preview, or None."""
        camera = self.core.camera
        return None if camera is None else camera.latest()[0]

    # -- actions ------------------------------------------------------------
    def out_of_service(self) -> bool:
        return self.core.session.state.value == "out_of_service"

    def act(self, action: str, done: Callable[[Text], None]) -> None:
        """Run one action off the UI thread (a test page waits for the paper); done gets
        the line to show, on the UI thread."""
        if action not in ACTIONS:
            raise ValueError(f"technician: no action {action!r}")
        log.warning("technician action on the glass", extra={"action": action})
        if action == "exit":
            if self.core.leave is not None:
                self.core.leave("technician exit")
            return
        threading.Thread(target=lambda: self._run(action, done), name="technician-action",
                         daemon=True).start()

    def _run(self, action: str, done: Callable[[Text], None]) -> None:
        result = self._result(action)
        self.last_result = result
        self.core.ui.post(lambda: done(result))

    def _result(self, action: str) -> Text:
        if action == "send_now":
            if self.core.platform is None:
                return ("tech.result.no_link", {})
            self.core.platform.sender.wake()
            return ("tech.result.sending", {})
        fleet = self.core.fleet
        if fleet is None:
            return ("tech.result.no_link", {})
        ok, line = fleet.act(action, {"message": ""} if action == "out_of_service" else {})
        return ("tech.result." + ("done" if ok else "failed"), {"detail": line})
