"""Steering a foreground simulator from stdin, one command per line.

Shared by `kiosk devices idcard-sim` and `printer-sim`, so a technician (or a
test) drives every simulator the same way: a word, its arguments, "ok" or
"error: ..." back.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

Action = Callable[[list[str]], object]


def run_command(actions: dict[str, Action], words: list[str],
                errors: tuple[type[Exception], ...]) -> None:
    """Run one command line and answer "ok" or "error: ...".

    Each action takes the list of words after the command.
    """
    if not words:
        return
    if words[0] not in actions:
        print(f"error: commands are {', '.join(actions)}", flush=True)
        return
    try:
        actions[words[0]](words[1:])
        print("ok", flush=True)
    except errors as exc:
        print(f"error: {exc}", flush=True)


def steer_from_stdin(actions: dict[str, Action], errors: tuple[type[Exception], ...]) -> None:
    """Read commands until stdin closes or Ctrl-C."""
    try:
        for line in sys.stdin:
            run_command(actions, line.split(), errors)
    except KeyboardInterrupt:
        pass
