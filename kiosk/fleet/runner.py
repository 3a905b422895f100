"""Running the fleet's commands: checked, at most once, never in a visitor's way.

The fleet worker asks for the pending commands when a heartbeat says some wait.
Each one is checked (commands.parse), refused if unknown or expired by the
terminal's own clock, and run when it may: one that would disturb a visitor
waits until the session has ended. Its id is recorded before it runs
(ledger.py); its result goes through the outbox, so it reaches the platform
once even when the link is down at the time. Every command and its outcome is
logged (kind and outcome; never the arguments, which may carry free text).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from kiosk.fleet.commands import Command, CommandFailed, CommandRefused, Outcome, parse
from kiosk.fleet.ledger import CommandLedger
from kiosk.platform.errors import PlatformError

if TYPE_CHECKING:
    from kiosk.core import KioskCore

log = logging.getLogger(__name__)
# What a command does, by kind: its checked arguments in, a line for the technician out
# (CommandFailed when it could not). The composition root supplies them.
Handler = Callable[[Mapping[str, object]], str]
BUSY = ("active", "warning")


class CommandRunner:
    """Takes pending commands from the platform and runs each once."""

    def __init__(self, core: KioskCore, ledger: CommandLedger,
                 handlers: Mapping[str, Handler]) -> None:
        self.core, self.ledger, self.handlers = core, ledger, handlers
        self._waiting: dict[str, Command] = {}

    def recover(self) -> None:
        """Report the commands a stop interrupted (a restart's own result was sent
        before it went, so it is not among them)."""
        for command_id, kind, outcome, output in self.ledger.unreported():
            if outcome is None:
                self._end(command_id, kind, "failed", "interrupted: the app stopped while it ran")
            else:
                self._report(command_id, outcome, output or "")

    def poll(self) -> None:
        """Fetch the pending commands and take each one."""
        platform = self.core.platform
        if platform is None:
            return
        try:
            answer = platform.client.get("/fleet/commands")
        except PlatformError as exc:
            log.warning("fleet commands unavailable", extra={"error": type(exc).__name__})
            return
        items = answer.get("items") if isinstance(answer, dict) else None
        listed_at = answer.get("server_time") if isinstance(answer, dict) else None
        if not isinstance(listed_at, int | float) or isinstance(listed_at, bool):
            listed_at = self._now()
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict):
                self.take(item, float(listed_at))

    def take(self, item: Mapping[str, object], listed_at: float) -> None:
        """One listed command: refuse, keep for later, or run now."""
        try:
            command = parse(item, listed_at, self.core.clock.monotonic())
        except CommandRefused as exc:
            if exc.command_id and self.ledger.begin(exc.command_id, "refused", self._now()):
                self._end(exc.command_id, str(item.get("kind"))[:40], "refused", str(exc))
            return
        if self.ledger.known(command.id):
            return
        if self._expired(command):
            return
        if command.spec.disturbs and self._busy():
            if command.id not in self._waiting:
                log.info("fleet command waits for the visitor to finish",
                         extra={"command": command.id, "kind": command.kind})
            self._waiting[command.id] = command
            return
        self._run(command)

    def run_waiting(self) -> None:
        """Run the commands that waited for the session to end, once it has."""
        if not self._waiting or self._busy():
            return
        for command_id in list(self._waiting):
            command = self._waiting.pop(command_id)
            if not self._expired(command):
                self._run(command)
            if self._busy():          # out of service or a restart changed the state
                break

    def waiting(self) -> list[str]:
        """Ids of commands waiting for the visitor to finish."""
        return list(self._waiting)

    # -- inside ------------------------------------------------------------
    def _busy(self) -> bool:
        return self.core.session.state.value in BUSY

    def _now(self) -> float:
        return self.core.clock.now().timestamp()

    def _expired(self, command: Command) -> bool:
        if command.deadline > self.core.clock.monotonic():
            return False
        self._waiting.pop(command.id, None)
        if self.ledger.begin(command.id, command.kind, self._now()):
            self._end(command.id, command.kind, "expired",
                      f"expired at {command.expires_at.isoformat()} before it could run")
        return True

    def _run(self, command: Command) -> None:
        if not self.ledger.begin(command.id, command.kind, self._now()):
            return
        handler = self.handlers.get(command.kind)
        log.info("fleet command runs", extra={"command": command.id, "kind": command.kind})
        outcome: Outcome = "done"
        try:
            if handler is None:
                raise CommandFailed("this terminal has no way to do that now")
            output = handler(command.args)
        except CommandFailed as exc:
            outcome, output = "failed", str(exc)
        except Exception as exc:  # noqa: BLE001 - a command must not end the fleet worker
            log.exception("fleet command raised", extra={"command": command.id})
            outcome, output = "failed", f"unexpected {type(exc).__name__}; see the log"
        self._end(command.id, command.kind, outcome, output)

    def _end(self, command_id: str, kind: str, outcome: Outcome, output: str) -> None:
        log.log(logging.INFO if outcome == "done" else logging.WARNING, "fleet command ended",
                extra={"command": command_id, "kind": kind, "outcome": outcome})
        self.ledger.finish(command_id, outcome, output[:10000], self._now())
        self._report(command_id, outcome, output)

    def _report(self, command_id: str, outcome: str, output: str) -> None:
        platform = self.core.platform
        if platform is None:
            return
        platform.submit("command_result", {"command_id": command_id, "ok": outcome == "done",
                                           "outcome": outcome, "output": output[:10000]},
                        wait_s=0)
        self.ledger.reported(command_id)
