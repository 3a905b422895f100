"""The reference platform on 127.0.0.1 for the fleet tests (the platform tests' own)."""

from tests.platform.conftest import platform  # noqa: F401 - a fixture, found by name
