"""Importing postings from a file (JSON lines), refusing discriminatory ones.

This is how a city feed would enter the reference platform; every posting is
checked for the required fields and for discrimination by sex, ethnicity or
religion (DB11 5.3.2.3 c) before it is published to terminals.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from central.db import next_stamp, write
from central.demo.seed import put_items
from central.screening import discriminatory

REQUIRED = ("id", "title", "company", "occupation_group", "district", "pay_min", "pay_max",
            "pay_text", "headcount", "duties", "requirements", "benefits", "education",
            "employment_type", "contact_name", "contact_phone", "contact_email", "address",
            "posted_at", "valid_from", "valid_until", "url")


@dataclass
class ImportReport:
    """What was published and what was refused, with the reasons."""

    published: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)


def problems(job: Any) -> str:
    """Why a posting may not be published ("" when it may)."""
    if not isinstance(job, dict):
        return "not a JSON object"
    missing = [name for name in REQUIRED if name not in job]
    if missing:
        return "missing " + ", ".join(missing)
    kinds = discriminatory(job)
    return "discriminatory: " + ", ".join(kinds) if kinds else ""


def import_jobs(conn: sqlite3.Connection, lines: Iterable[str]) -> ImportReport:
    """Publish the acceptable postings of a JSON-lines feed in one transaction."""
    report, good = ImportReport(), []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            job = json.loads(line)
        except json.JSONDecodeError as exc:
            report.refused.append((f"line {number}", f"not JSON: {exc.msg}"))
            continue
        reason = problems(job)
        if reason:
            label = str(job.get("id")) if isinstance(job, dict) else f"line {number}"
            report.refused.append((label, reason))
        else:
            good.append(job)
    with write(conn):
        report.published = put_items(conn, "jobs", good, next_stamp(conn))
    return report
