"""Structured logging: one JSON object per line on stderr.

journald captures stderr of the systemd unit, so no syslog handler is needed.
Personal data never goes into a log record: callers log masked values or ids,
and the formatter additionally scrubs anything shaped like an ID number.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from collections import deque
from collections.abc import Mapping

_ID_LIKE = re.compile(r"(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])")
_RESERVED = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


def scrub(text: str) -> str:
    """Mask anything that looks like an 18-character ID number."""
    return _ID_LIKE.sub(lambda m: f"{m.group(1)}********{m.group(2)[-4:]}", text)


class JsonFormatter(logging.Formatter):
    """Render a record as one JSON line with its extra fields."""

    def format(self, record: logging.LogRecord) -> str:
        doc = {
            "ts": round(record.created, 3),
            "level": record.levelname,
            "logger": record.name,
            "msg": scrub(record.getMessage()),
        }
        for key, value in vars(record).items():
            if key not in _RESERVED and not key.startswith("_"):
                doc[key] = value if isinstance(value, (int, float, bool)) else scrub(str(value))
        if record.exc_info:
            doc["exc"] = scrub(self.formatException(record.exc_info))
        return json.dumps(doc, ensure_ascii=False)


class RecentLines(logging.Handler):
    """The last lines logged, formatted and scrubbed as on stderr, for a technician's
    log upload from the fleet console (journald keeps the full record)."""

    def __init__(self, keep: int = 2000) -> None:
        super().__init__()
        self.lines: deque[str] = deque(maxlen=keep)
        self.setFormatter(JsonFormatter())

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.lines.append(self.format(record))
        except Exception:  # noqa: BLE001 - logging must never raise into its caller
            self.handleError(record)


RECENT = RecentLines()


def recent(n: int) -> list[str]:
    """The last n log lines of this process."""
    lines = list(RECENT.lines)
    return lines[-n:] if n > 0 else []


def configure(level: str = "INFO", modules: Mapping[str, str] | None = None) -> None:
    """Install the JSON handler as the root logger's only handler (idempotent).

    Libraries that call logging.basicConfig() on import (python-escpos does)
    would otherwise add a plain-text handler and print every line twice.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    handler._kiosk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.addHandler(RECENT)
    root.setLevel(level)
    for name, mod_level in (modules or {}).items():
        logging.getLogger(name).setLevel(mod_level)
    logging.Formatter.converter = time.gmtime
