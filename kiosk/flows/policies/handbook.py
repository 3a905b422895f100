"""The handbook's rules: categories, which policies are in force, which are "for you".

Categories are the handbook's own (pol.cat.<code> in policies.po): five topics a
policy names itself (`topic`), and three key groups a policy is listed under when
its `groups` (the handbook's audiences) name them. "For you" maps the key groups a
visitor registered under (the registration's KEY_GROUPS codes) onto the audiences.
Dates are applied here against the terminal's clock, so a policy disappears on
the day after its end even while the platform is away and nothing syncs.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from kiosk.flows.base import parse_day

Policy = dict[str, Any]

TOPICS: tuple[str, ...] = ("employment", "business", "training", "insurance", "rights")
# the key-group categories, each an audience a policy may name in its `groups`
GROUPS: tuple[str, ...] = ("graduates", "hard_to_employ", "rural_migrant")
# a visitor's registered key groups (registration KEY_GROUPS) as the policies' audiences
AUDIENCE_OF: dict[str, str] = {
    "college_graduate": "graduates", "vocational_graduate": "graduates",
    "hard_to_employ": "hard_to_employ", "zero_employment_family": "hard_to_employ",
    "assistance_target": "hard_to_employ", "rural_migrant": "rural_migrant",
    "registered_unemployed": "unemployed",
}
# the order the handbook shows them in: topics, then the key groups, rights last
CATEGORIES: tuple[str, ...] = ("employment", "business", "training", "insurance",
                               "graduates", "hard_to_employ", "rural_migrant", "rights")
SUMMARY_FIELDS: tuple[str, ...] = ("audience", "benefit", "materials", "apply_at")
# a platform of the older contract sends only its own category words: where they go
TOPIC_OF: dict[str, str] = {"就业补贴": "employment", "创业扶持": "business",
                            "职业培训": "training", "社会保险": "insurance",
                            "劳动权益": "rights"}
GROUPS_OF: dict[str, tuple[str, ...]] = {"高校毕业生": ("graduates",),
                                         "就业援助": ("hard_to_employ",)}



def started(policy: Policy, today: dt.date) -> bool:
    """In force from its valid_from (none: from its issue)."""
    begins = parse_day(policy.get("valid_from"))
    return begins is None or begins <= today


def ended(policy: Policy, today: dt.date) -> bool:
    """Its last day (valid_until) has passed."""
    last = parse_day(policy.get("valid_until"))
    return last is not None and last < today


def current(policies: list[Policy], today: dt.date) -> list[Policy]:
    """The policies in force today: started, not ended, and not replaced by a policy
    that is itself in force (a replacement announced ahead keeps the old one until
    the new one starts)."""
    live = [p for p in policies if started(p, today) and not ended(p, today)]
    ids = {str(p.get("id")) for p in live}
    return [p for p in live if str(p.get("replaced_by") or "") not in ids]


def topic(policy: Policy) -> str:
    """The policy's handbook topic (from its category words when it names none)."""
    return str(policy.get("topic") or TOPIC_OF.get(str(policy.get("category")), ""))


def groups(policy: Policy) -> set[str]:
    """The audiences the policy is meant for (from its category words when it names
    none)."""
    named = policy.get("groups")
    if isinstance(named, list):
        return {str(g) for g in named}
    return set(GROUPS_OF.get(str(policy.get("category")), ()))


def in_category(policy: Policy, category: str) -> bool:
    """Whether the handbook lists the policy under category."""
    if category in GROUPS:
        return category in groups(policy)
    return topic(policy) == category


def for_groups(policies: list[Policy], key_groups: set[str]) -> list[Policy]:
    """The policies meant for any of a visitor's registered key groups."""
    wanted = {AUDIENCE_OF[g] for g in key_groups if g in AUDIENCE_OF}
    return [p for p in policies if wanted & groups(p)]


def counts(policies: list[Policy]) -> dict[str, int]:
    """Policies in force per category (a category with none still shows, saying so)."""
    return {c: sum(in_category(p, c) for p in policies) for c in CATEGORIES}
