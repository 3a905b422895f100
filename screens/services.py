"""The services on the home screen, in the order the service standards list them.

A service whose screen is not installed yet still has its tile: it tells the
visitor politely that it is coming and where staff can help meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Service:
    """One home-screen tile."""

    key: str            # tile.<key> and tile.<key>.hint in the catalogs
    screen: str         # screen name when the service is built


SERVICES: tuple[Service, ...] = (
    Service("registration", "registration"),
    Service("jobs", "jobs"),
    Service("guidance", "guidance"),
    Service("assessment", "assessment"),
    Service("policies", "policies"),
    Service("complaints", "complaints"),
    Service("notice", "notice"),
)
