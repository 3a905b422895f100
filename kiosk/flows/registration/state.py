"""What a visitor has filled in so far: the registration flow's state in the visit.

It lives in `session.visit` (`visit.state(RegistrationVisit)`), so the end of
the visit drops it whole; "not now" at the consent resets it to a fresh one.
A fresh RegistrationVisit equals another fresh one, which is how the session
knows the flow holds nothing of the visitor. Reprs leave out or mask what
identifies the visitor, so a state that reaches a log says nothing of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from kiosk.flows.registration.identity import Identity
from kiosk.flows.registration.mypage import MyPage, Specialist

Delivery = Literal["", "sent", "queued", "refused"]


@dataclass
class About:
    """About the visitor (B 5.3.1.1.2 b, C 6.1.1); codes from options."""

    phone: str = field(default="", repr=False)
    education: str = ""
    major: str = ""
    experience_years: int | None = None
    last_occupation: str = ""
    certificates: set[str] = field(default_factory=set)
    status: str = ""
    key_groups: set[str] = field(default_factory=set)
    difficulties: set[str] = field(default_factory=set)


@dataclass
class Wants:
    """The work wanted: major groups and sub-groups, districts, pay, kind, start."""

    major_groups: set[str] = field(default_factory=set)
    occupations: set[str] = field(default_factory=set)
    districts: set[str] = field(default_factory=set)
    industries: set[str] = field(default_factory=set)
    pay_min: int = 0
    work_type: str = ""
    start_by: str = ""          # ISO date, "" for "as soon as possible"


@dataclass
class Unemployment:
    """An application for unemployment registration, as the visitor gave it."""

    last_employer: str = field(default="", repr=False)
    left_on: str = ""           # ISO date
    reason: str = ""
    insured: bool = False


@dataclass
class RegistrationVisit:
    """Everything the flow holds of one visitor (wiped with the visit)."""

    identity: Identity | None = None
    consent: bool = False
    photo_consent: bool = False
    about: About = field(default_factory=About)
    wants: Wants = field(default_factory=Wants)
    outcome: Delivery = ""
    reference: str = ""          # the platform's registration number, once sent
    lookup: MyPage | None = None
    # beyond the agreed shape: what a refusal keeps, and what the answers brought
    typed_number: str = field(default="", repr=False)
    typed_name: str = field(default="", repr=False)
    typed_phone: str = field(default="", repr=False)
    updating: bool = False       # "update my intentions" from the visitor's page
    submitted: str = ""          # the outbox key of this visit's registration
    registered_at: str = ""
    updated: bool = False        # the platform answered "updated", not "registered"
    specialist: Specialist | None = None
    unemployment: Unemployment | None = None
    unemployment_outcome: Delivery = ""
    unemployment_reference: str = ""
    unemployment_submitted: str = ""
    unemployment_at: str = ""
