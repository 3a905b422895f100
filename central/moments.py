"""How the platform writes moments and which day it is in: kept apart from the database
module so that rules about time (check-in windows, expiry) need not import the database,
which in turn uses those rules when it brings an old file up to date."""

from __future__ import annotations

import datetime as dt

CHINA = dt.timezone(dt.timedelta(hours=8))


def iso(moment: dt.datetime) -> str:
    """Fixed-width UTC ISO 8601 with microseconds: sorts as text in time order."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
