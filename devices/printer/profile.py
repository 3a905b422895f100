"""Printer profiles: what a model can do, read from config/printers/<name>.toml.

Models differ in paper width, built-in Chinese font, native QR and cutter;
keeping that as data lets a site add a printer without touching code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from devices.printer.errors import ProfileError

PROFILE_DIR = Path(__file__).resolve().parents[2] / "config" / "printers"


@dataclass(frozen=True)
class PrinterProfile:
    """One printer model's abilities."""

    name: str
    paper_mm: int = 80
    dots: int = 576
    columns: int = 48
    chinese_font: bool = True
    native_qr: bool = True
    cutter: bool = True
    feed_before_cut: int = 4
    description: str = ""


def load_profile(name: str, directory: Path | None = None) -> PrinterProfile:
    """Read the named profile; a missing or wrong file names itself in the error."""
    path = (directory or PROFILE_DIR) / f"{name}.toml"
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError as exc:
        known = ", ".join(available(directory)) or "none"
        raise ProfileError(f"printer: no profile {name!r} in {path.parent} (known: {known})"
                           ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"printer: {path} is not valid TOML: {exc}") from exc
    known_keys = {f.name for f in fields(PrinterProfile)} - {"name"}
    unknown = set(data) - known_keys
    if unknown:
        raise ProfileError(f"printer: {path} has unknown keys {sorted(unknown)}")
    profile = PrinterProfile(name=name, **data)
    if profile.paper_mm not in (58, 80) or profile.dots % 8 or profile.columns < 16:
        raise ProfileError(f"printer: {path}: paper_mm must be 58 or 80, dots a multiple "
                           "of 8 and columns at least 16")
    return profile


def available(directory: Path | None = None) -> list[str]:
    """Names of the profiles on disk."""
    return sorted(p.stem for p in (directory or PROFILE_DIR).glob("*.toml"))
