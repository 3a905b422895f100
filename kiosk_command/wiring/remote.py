"""Remote management: the fleet worker and what each allowed command does here.

Named to wire after the devices and the platform link (capabilities are wired in
name order), since the fleet reads them all. A command that touches the screen
runs on the UI thread through core.ui and waits a bounded time for its frame.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
from collections.abc import Mapping
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.core import KioskCore
from kiosk.fleet.commands import CommandFailed
from kiosk.fleet.runner import Handler

if TYPE_CHECKING:
    from kiosk.fleet.service import Fleet
    from kiosk.platform.service import PlatformService

UI_WAIT_S = 10.0
PRINT_WAIT_S = 60.0


def attach(core: KioskCore, stack: contextlib.ExitStack) -> None:
    """Set core.fleet (needs the platform link: without one there is no fleet)."""
    from kiosk.fleet.service import Fleet
    from kiosk_command.release import release

    if core.platform is None:
        return
    fleet = Fleet(core, Path(core.settings.paths.data_dir).expanduser(), {}, release())
    fleet.runner.handlers = handlers(core, fleet)
    core.fleet = fleet.start()
    stack.callback(fleet.stop)


def handlers(core: KioskCore, fleet: Fleet) -> dict[str, Handler]:
    """The allowed commands' actions on this terminal."""
    acts = _Acts(core, fleet)
    return {"restart": acts.restart, "reload_config": acts.reload_config,
            "print_test_page": acts.print_test_page,
            "out_of_service": acts.out_of_service, "in_service": acts.in_service,
            "screenshot": acts.screenshot, "upload_logs": acts.upload_logs,
            "sync_catalog": acts.sync_catalog, "log_level": acts.log_level,
            "cancel_print": acts.cancel_print, "update": acts.update, "reboot": acts.reboot}


class _Acts:
    """Each command's action; each returns a line for the technician."""

    def __init__(self, core: KioskCore, fleet: Fleet) -> None:
        self.core, self.fleet = core, fleet

    def _on_ui(self, fn: object) -> object:
        try:
            return self.core.ui.call(fn, UI_WAIT_S)  # type: ignore[arg-type]
        except FutureTimeout:
            raise CommandFailed("the screen did not answer in time") from None

    def restart(self, _args: Mapping[str, object]) -> str:
        leave = self.core.leave
        if leave is None:
            raise CommandFailed("no app is running to restart")
        self.core.ui.post(lambda: leave("restart asked by the fleet"))
        return "restarting"

    def reload_config(self, _args: Mapping[str, object]) -> str:
        """Fetch the fleet's configuration now and apply it (not waiting for a heartbeat
        to name a newer version)."""
        from kiosk.fleet.config import fetch

        got = fetch(self.core)
        if got is None:
            raise CommandFailed("the configuration could not be fetched")
        self.fleet.config.offer(*got)
        refused = self.fleet.config.refused
        if refused and refused[0] == got[0]:
            raise CommandFailed(f"version {got[0]} refused: {refused[1]}")
        later = self.fleet.config.pending_restart
        return f"configuration version {self.fleet.config.version}" + (
            f"; at the next start: {', '.join(later)}" if later else "")

    def print_test_page(self, _args: Mapping[str, object]) -> str:
        from kiosk.fleet.testpage import build
        from kiosk.receipts.stamp import Stamp

        printer = self.core.printer
        if printer is None:
            raise CommandFailed("no printer is wired")
        k = self.core.settings.kiosk
        stamp = Stamp(k.hall_name, k.terminal_id, self.core.clock.now().strftime("%Y-%m-%d %H:%M"))
        doc = build(stamp, printer.printed_since_paper_change, printer.status().reason,
                    printer.renderer.profile.paper_mm)
        job_id = f"test:{self.core.clock.now().timestamp():.0f}"
        result = printer.submit(doc, job_id).result(PRINT_WAIT_S)
        if result.state.value != "printed":
            raise CommandFailed(result.error or f"printer {result.after.reason}")
        return "test page printed"

    def out_of_service(self, args: Mapping[str, object]) -> str:
        message = str(args.get("message") or "")
        self._on_ui(lambda: self.core.session.out_of_service("fleet", message))
        return "out of service" + (f": {message}" if message else "")

    def in_service(self, _args: Mapping[str, object]) -> str:
        if self.core.session.state.value != "out_of_service":
            return "already in service"
        self._on_ui(self.core.session.back_in_service)
        return "back in service"

    def screenshot(self, _args: Mapping[str, object]) -> str:
        """Only while nobody is served (the runner waits for that); the picture goes
        through the outbox like any submission."""
        if self.core.session.state.value in ("active", "warning"):
            raise CommandFailed("a visitor is being served")
        from screens.capture import png_bytes

        png = self._on_ui(png_bytes)
        assert isinstance(png, bytes)
        taken = dt.datetime.fromtimestamp(self.core.clock.now().timestamp(), dt.UTC)
        self._platform().submit("screenshot", {
            "taken_at": taken.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "png_base64": base64.b64encode(png).decode()}, wait_s=0)
        return f"screenshot of {len(png)} bytes sent (taken while {self.core.session.state.value})"

    def upload_logs(self, args: Mapping[str, object]) -> str:
        from kiosk.fleet.uploads import clean_lines
        from kiosk.logs import recent

        lines, blanked = clean_lines(recent(int(args.get("lines", 500))))  # type: ignore[arg-type]
        self._platform().submit("logs", {"lines": lines}, wait_s=0)
        return f"{len(lines)} log lines sent ({blanked} shapes of personal data blanked)"

    def sync_catalog(self, _args: Mapping[str, object]) -> str:
        reports = self._platform().sync()
        if not reports:
            raise CommandFailed("the catalogs could not be synced (see the link's state)")
        return "synced: " + ", ".join(f"{r.collection} {r.changes} changes" for r in reports)

    def log_level(self, args: Mapping[str, object]) -> str:
        until = self.core.clock.now().timestamp() + 60.0 * float(args["minutes"])  # type: ignore[arg-type]
        return self.fleet.levels.set(str(args["logger"]), str(args["level"]), until)

    def cancel_print(self, _args: Mapping[str, object]) -> str:
        printer = self.core.printer
        if printer is None:
            raise CommandFailed("no printer is wired")
        return f"{printer.cancel_queued()} queued jobs cancelled"

    def update(self, args: Mapping[str, object]) -> str:
        """Fetch the release and hand it to the box's updater (kiosk/fleet/requests.py);
        how the switch went comes in the heartbeats after it (health.update)."""
        from kiosk.fleet.requests import RequestError, request_update

        try:
            request_update(self._data_dir(), self.core.settings.platform.url,
                           str(args["version"]), str(args["url"]), str(args["sha256"]))
        except (RequestError, OSError) as exc:
            raise CommandFailed(str(exc)) from None
        return f"release {args['version']} fetched; the updater installs it"

    def reboot(self, _args: Mapping[str, object]) -> str:
        from kiosk.fleet.requests import write_request

        write_request(self._data_dir(), "reboot", {"asked": "fleet"})
        return "reboot asked of the box"

    def _data_dir(self) -> Path:
        return Path(self.core.settings.paths.data_dir).expanduser()

    def _platform(self) -> PlatformService:
        if self.core.platform is None:
            raise CommandFailed("no platform link")
        return self.core.platform
