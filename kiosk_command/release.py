"""The installed release's name, for the heartbeat and the technician's menu."""

from __future__ import annotations


def release() -> str:
    """The package version ("0" when run from a source tree that was never installed)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("employment-kiosk")
    except PackageNotFoundError:
        return "0"
