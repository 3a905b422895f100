"""The registration and the unemployment application as the platform's contract wants them.

Only what the visitor answered is sent (an unanswered question is left out,
not sent empty; on an update the platform keeps what is left out). Personal
fields travel sealed in the outbox and are never logged: the ID hash, name,
phone, birth date and key groups as agreed, and also the job-seeking
difficulties (one of them is health) and the last employer. The raw ID
number never leaves the terminal; only its hash does.
"""

from __future__ import annotations

from typing import Any

from kiosk.flows.registration import options
from kiosk.flows.registration.identity import Identity
from kiosk.flows.registration.mypage import parse_iso_date
from kiosk.flows.registration.state import About, Unemployment, Wants
from kiosk.platform.identity import id_hash

Fields = dict[str, Any]


def intentions(wants: Wants) -> Fields:
    """The intentions object: chosen codes in form order, within the contract's limits."""
    out: Fields = {}
    subs = options.in_order("occupations", wants.occupations & set(options.SUBGROUPS))
    if subs:
        out["occupation_groups"] = subs[:options.MAX_OCCUPATIONS]
    majors = options.in_order("occupations", wants.major_groups & set(options.MAJOR_GROUPS))
    if majors:
        out["major_groups"] = majors
    if wants.districts:
        out["districts"] = sorted(wants.districts)[:options.MAX_DISTRICTS]
    industries = options.in_order("industries", wants.industries)
    if industries:
        out["industries"] = industries
    if wants.pay_min > 0:
        out["pay_min"] = int(wants.pay_min)
    if wants.work_type in options.WORK_TYPES:
        out["employment_type"] = wants.work_type
    if wants.start_by and parse_iso_date(wants.start_by) is not None:
        out["start_by"] = wants.start_by
    return out


def registration(identity: Identity, about: About, wants: Wants, photo_consent: bool,
                 clear: frozenset[str] = frozenset()) -> tuple[Fields, Fields]:
    """(payload, personal fields) of one registration.

    The platform keeps a stored value for a field left out of an update, so an
    update leaves out what was not asked again; a list named in `clear` is sent
    even when empty (the visitor took every choice of it away).
    """
    payload: Fields = {"intentions": intentions(wants)}
    if identity.sex in ("male", "female"):
        payload["sex"] = identity.sex
    if about.education in options.EDUCATION:
        payload["education"] = about.education
    if about.major.strip():
        payload["major"] = about.major.strip()[:options.MAX_TEXT]
    if about.experience_years is not None:
        payload["experience_years"] = max(0, min(options.MAX_EXPERIENCE_YEARS,
                                                 int(about.experience_years)))
    if about.last_occupation.strip():
        payload["last_occupation"] = about.last_occupation.strip()[:options.MAX_TEXT]
    if about.certificates or "certificates" in clear:
        payload["certificates"] = options.in_order("certificates", about.certificates)
    if about.status in options.STATUS:
        payload["employment_status"] = about.status
    if photo_consent:
        payload["photo_consent"] = True
    personal: Fields = {"id_hash": id_hash(identity.id_number), "name": identity.name,
                        "phone": about.phone}
    if identity.birth_date:
        personal["birth_date"] = identity.birth_date
    if about.key_groups or "key_groups" in clear:
        personal["key_groups"] = options.in_order("key_groups", about.key_groups)
    if about.difficulties or "difficulties" in clear:
        personal["difficulties"] = options.in_order("difficulties", about.difficulties)
    return payload, personal


def unemployment(identity: Identity, application: Unemployment) -> tuple[Fields, Fields]:
    """(payload, personal fields) of one unemployment-registration application."""
    payload: Fields = {"reason": application.reason, "insured": bool(application.insured)}
    if application.left_on:
        payload["left_on"] = application.left_on
    personal: Fields = {"id_hash": id_hash(identity.id_number)}
    if application.last_employer:
        personal["last_employer"] = application.last_employer
    return payload, personal
