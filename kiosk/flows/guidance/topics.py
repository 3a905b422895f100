"""Self-service general guidance: what a visitor needs help with (the topics of
B 6.2.3 a for job seekers and b for employers), what this terminal offers for it
right now and what a counsellor offers, so that booking is one tap away.

The topic codes are the platform's AppointmentForm topics: the topic chosen here
is the one the booking form starts with.
"""

from __future__ import annotations

from dataclasses import dataclass

SEEKER = ("career_direction", "cv_interview", "policy_law", "psychology",
          "work_adaptation", "training", "entrepreneurship", "assessment")
EMPLOYER = ("policy_law", "market_pay", "recruitment_plan", "screening",
            "employer_interview", "employer_training")
AUDIENCES = ("seeker", "employer")


@dataclass(frozen=True)
class Topic:
    """One topic: the terminal's own services for it (screen names of other flows,
    each a button) and the kind of session a counsellor would give."""

    code: str
    here: tuple[str, ...]
    kind: str = "one_to_one"


TOPICS = {t.code: t for t in (
    Topic("career_direction", ("as_intro", "jobs")),
    Topic("cv_interview", ("jobs", "fairs"), "group"),
    Topic("policy_law", ("policies",)),
    Topic("psychology", ()),
    Topic("work_adaptation", ()),
    Topic("training", ("policies",)),
    Topic("entrepreneurship", ("policies",)),
    Topic("assessment", ("as_intro",), "assessment"),
    Topic("market_pay", ("jobs", "policies")),
    Topic("recruitment_plan", ("fairs",)),
    Topic("screening", ()),
    Topic("employer_interview", ("fairs",)),
    Topic("employer_training", ("policies",)),
)}


def topics_of(audience: str) -> tuple[str, ...]:
    """The topics offered to job seekers or to employers, in the standard's order."""
    if audience not in AUDIENCES:
        raise ValueError(f"guidance: no audience {audience!r}")
    return EMPLOYER if audience == "employer" else SEEKER
