"""Reader models differ in timing and in how they report a card already read: data, not code.

Profiles live in config/idcard/<name>.toml; every key is optional and falls
back to the defaults below, which suit common GA/T 467 SAM readers.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from devices.idcard.status import IdcardError


@dataclass(frozen=True)
class ReaderProfile:
    """Timing and behaviour of one reader model."""

    name: str = "generic-sam"
    poll_interval_s: float = 0.01       # pause between find-card polls
    reply_timeout_s: float = 1.0        # longest wait for one reply (a full read is 0.11 s)
    reopen_interval_s: float = 0.5      # how often to retry a vanished port
    after_read: Literal["no_card", "found"] = "no_card"  # find-card answer once a card was read
    read_fingerprints: bool = False     # use 30 10 instead of 30 01 (fingerprint models)


class ProfileError(IdcardError):
    message = "bad ID card reader profile"


def from_dict(values: dict[str, Any], name: str = "generic-sam") -> ReaderProfile:
    """A profile from a TOML table; unknown keys are an error (typos must not pass silently)."""
    known = {f.name: f.type for f in dataclasses.fields(ReaderProfile)}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ProfileError(f"unknown keys {', '.join(unknown)}")
    if values.get("after_read", "no_card") not in ("no_card", "found"):
        raise ProfileError("after_read must be \"no_card\" or \"found\"")
    return ReaderProfile(**{"name": name, **values})


def load(directory: Path, name: str) -> ReaderProfile:
    """Read <directory>/<name>.toml."""
    path = directory / f"{name}.toml"
    try:
        with path.open("rb") as fh:
            return from_dict(tomllib.load(fh), name)
    except FileNotFoundError:
        raise ProfileError(f"no profile file {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{path}: {exc}") from None
