"""What a visitor has narrowed the job list to, and the choices the filters offer.

The screens hold one JobQuery and turn taps into replace() calls; the catalog
search takes it as it is. Choices are values plus catalog keys, so every
language shows the same options in its own words.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from kiosk.i18n import Text, raw
from kiosk.platform.search import JobFilters, Sort

PAY_CHOICES: tuple[int | None, ...] = (None, 3000, 5000, 8000, 12000)
TYPE_CHOICES: tuple[str | None, ...] = (None, "full_time", "part_time", "internship",
                                        "temporary")
# the platform sends education as it appears on postings; the screens translate it
EDUCATION_KEYS = {"不限": "any", "初中": "junior", "高中/中专": "senior", "大专": "college",
                  "本科": "bachelor"}
EDUCATION_CHOICES: tuple[str | None, ...] = (None, "初中", "高中/中专", "大专", "本科")
POSTED_CHOICES: tuple[float | None, ...] = (None, 3, 7, 30)
SORT_CHOICES: tuple[Sort, ...] = ("newest", "pay")
MORE_FILTERS = ("pay_at_least", "employment_type", "education", "posted_within_days")


@dataclass(frozen=True)
class JobQuery:
    """Search text, filters and order of the job list."""

    text: str = ""
    filters: JobFilters = field(default_factory=JobFilters)
    sort: Sort = "newest"

    def with_filter(self, name: str, value: Any) -> JobQuery:
        """The same query with one filter set (None clears it)."""
        return dataclasses.replace(self, filters=dataclasses.replace(self.filters,
                                                                     **{name: value}))

    def with_text(self, text: str) -> JobQuery:
        return dataclasses.replace(self, text=text.strip())

    def with_sort(self, sort: Sort) -> JobQuery:
        return dataclasses.replace(self, sort=sort)

    def cleared(self) -> JobQuery:
        """No text, no filters, newest first."""
        return JobQuery()

    def more_count(self) -> int:
        """How many of the "more filters" are set (shown on their button)."""
        return sum(getattr(self.filters, name) is not None for name in MORE_FILTERS)


def choice_key(name: str, value: Any) -> Text:
    """The catalog key (and values) naming one filter choice."""
    if value is None:
        return "jobs.any", {}
    if name == "pay_at_least":
        return "jobs.pay_from", {"n": value}
    if name == "employment_type":
        return f"jobs.type.{value}", {}
    if name == "education":
        return f"jobs.edu.{EDUCATION_KEYS.get(value, 'any')}", {}
    if name == "posted_within_days":
        return "jobs.posted_within", {"n": int(value)}
    if name == "sort":
        return f"jobs.sort.{value}", {}
    return raw(value)


CHOICES: dict[str, tuple[Any, ...]] = {
    "pay_at_least": PAY_CHOICES, "employment_type": TYPE_CHOICES,
    "education": EDUCATION_CHOICES, "posted_within_days": POSTED_CHOICES,
    "sort": SORT_CHOICES,
}
