"""Running a list of steps inside the real app, one per frame.

A step either acts and is done, or returns a predicate polled every frame
(bounded in real time: a script waiting on a screen that never comes fails
with that step's name, it does not hang). Two frames pass after each step so
layout settles before the next one looks at the screen; a step that only
looks (a tree, a screenshot, a state check) says so with `settle_frames = 0`
and the next step runs on the next frame.

The app falling into its failsafe fails the run at once, naming the step it
fell during, unless a step said it would (ScriptContext.failsafe_armed): a
flow that crashes must not pass because the failsafe screen looks fine.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kiosk.session import SessionState, VisitorSession
from kiosk_command.script.context import ScriptContext, ScriptFailure

log = logging.getLogger(__name__)
StepFn = Callable[[ScriptContext, Any], Callable[[], bool] | None]
SETTLE_FRAMES = 2


@dataclass
class Step:
    """One step of a script: its name, argument, position and wait bound."""

    index: int
    name: str
    arg: Any
    timeout_s: float = 10.0

    def label(self) -> str:
        return f"step {self.index} ({self.name}: {self.arg!r})"


class Runner:
    """Drives steps from Kivy's clock; records the first failure."""

    def __init__(self, ctx: ScriptContext, steps: list[Step], table: dict[str, StepFn],
                 poll_pause_s: float = 0.0) -> None:
        """poll_pause_s: how long a frame that found its wait unmet gives the other
        threads (the platform client, the printer), when frames are not paced."""
        self.ctx, self.steps, self.table = ctx, list(steps), table
        self.poll_pause_s = poll_pause_s
        self.failure: str | None = None
        self.done = False
        self._wait: Callable[[], bool] | None = None
        self._deadline = 0.0
        self._settle = SETTLE_FRAMES + 1
        self._current: Step | None = None
        self._in_failsafe = False
        self._unexpected = ""

    def attach(self, app: Any) -> None:
        """Start stepping once the app has drawn its first frame."""
        from kivy.clock import Clock

        self.ctx.app = app
        if self.ctx.core is not None:
            self.ctx.core.session.on_change(self._on_session)
        Clock.schedule_interval(self._frame, 0)

    def _on_session(self, session: VisitorSession) -> None:
        """Notice every entry into the failsafe (checked on the next frame)."""
        entering = session.state is SessionState.FAILSAFE and not self._in_failsafe
        self._in_failsafe = session.state is SessionState.FAILSAFE
        if not entering:
            return
        if self.ctx.failsafe_armed:
            self.ctx.failsafe_armed = False
        elif not self._unexpected:
            self._unexpected = (f"the app fell into the failsafe "
                                f"({session.failure or 'an unhandled error'}; its cause is "
                                f"in the log); a script expecting it says so first "
                                f"(raise_error or expect_failsafe)")

    def _frame(self, _dt: float) -> bool | None:
        try:
            return self._advance()
        except Exception as exc:   # a failing step ends the run with its name
            self._fail(exc)
            return False

    def _advance(self) -> bool | None:
        if self._unexpected:
            raise ScriptFailure(self._unexpected)
        if self._wait is not None:
            if self._wait():
                self._wait, self._settle = None, SETTLE_FRAMES
            elif time.monotonic() > self._deadline:
                detail = getattr(self._wait, "detail", "")
                raise ScriptFailure("timed out waiting" + (f": {detail}" if detail else ""))
            elif self.poll_pause_s:
                time.sleep(self.poll_pause_s)
            return None
        if self._settle > 0:
            self._settle -= 1
            return None
        if not self.steps:
            self._finish()
            return False
        self._run(self.steps.pop(0))
        return None

    def _run(self, step: Step) -> None:
        self._current = step
        fn = self.table.get(step.name)
        if fn is None:
            raise ScriptFailure(f"unknown step; known: {', '.join(sorted(self.table))}")
        log.info("script step", extra={"step": step.index, "action": step.name})
        result = fn(self.ctx, step.arg)
        if callable(result):
            self._wait, self._deadline = result, time.monotonic() + step.timeout_s
        self._settle = getattr(fn, "settle_frames", SETTLE_FRAMES)

    def _fail(self, exc: Exception) -> None:
        where = self._current.label() if self._current else "start"
        detail = str(exc) if isinstance(exc, ScriptFailure) else traceback.format_exc(limit=4)
        self.failure = f"{where} failed: {detail}"
        self._finish()

    def _finish(self) -> None:
        self.done = True
        if self.ctx.app is not None:
            self.ctx.app.leave("script finished")
