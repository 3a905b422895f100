"""What a script step can reach: the app, the core, the clock and the helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.clock import FakeClock
from kiosk.errors import KioskError

if TYPE_CHECKING:
    from kiosk.core import KioskCore
    from kiosk_command.platform_proc import PlatformProcess


class ScriptFailure(KioskError):
    """A script step failed; the message names what was expected and what was seen."""

    exit_code = 1


@dataclass
class ScriptContext:
    """Shared state of one scripted run.

    resources holds whatever a capability's setup() started (a simulator,
    a temporary file), keyed by a name of its own, e.g. "idcard_sim".
    failsafe_armed is set by a step that makes the app fail on purpose
    (raise_error, expect_failsafe, the failsafe scene): the next fall into the
    failsafe is then expected; any other one fails the run.
    """

    workdir: Path
    clock: FakeClock
    platform: PlatformProcess | None = None
    core: KioskCore | None = None
    app: Any = None
    resources: dict[str, Any] = field(default_factory=dict)
    config_overrides: dict[str, dict[str, Any]] = field(default_factory=dict)
    failsafe_armed: bool = False
