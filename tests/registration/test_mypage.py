"""The visitor's page from lookup answers of either contract, and what an update sends."""

from __future__ import annotations

from kiosk.flows.registration import payload
from kiosk.flows.registration.identity import Identity
from kiosk.flows.registration.mypage import page_from
from kiosk.flows.registration.state import About, Wants
from kiosk.i18n import parts
from tests.registration.conftest import NUMBER

REGISTRATION = {"registration_id": "R-1", "registered_at": "2026-03-01T01:30:00Z",
                "intentions": {"occupation_groups": ["交通运输"], "districts": ["新都区"],
                               "pay_min": 5000, "employment_type": "full_time"}}


def job(n: int, matched: bool = True) -> dict:
    return {"id": f"J{n}", "title": "司机", "matched": matched, "score": 90}


def answer(**more) -> dict:
    return {"registered": True, "registration": REGISTRATION, "recommended": [],
            "appointments": [], "complaints": [], "interests": [], **more}


def test_a_page_of_the_new_contract() -> None:
    page = page_from(answer(
        recommended=[job(n) for n in range(6)], recommended_note="enough",
        specialist={"name": "李老师", "desk": "3", "phone": "028-61203345"},
        registration={**REGISTRATION, "key_groups": ["hard_to_employ", "unknown"]},
        unemployment=[{"application_id": "U-1", "status": "under_review",
                       "created_at": "2026-03-01T02:00:00Z"}],
        complaints=[{"tracking_number": "C-9", "category": "complaint", "status": "answered",
                     "filed_at": "2026-02-01T02:00:00Z", "updated_at": "2026-02-03T02:00:00Z"}],
        appointments=[{"id": "A1", "service_name": "职业指导", "location": "2楼", "status":
                       "booked", "starts_at": "2026-03-05T02:00:00Z"}]))
    assert page is not None and page.registered and page.registered_at == "2026-03-01"
    assert page.fewer_note is None and len(page.matches) == 6
    assert page.specialist == ("reg.my.specialist", {"name": "李老师", "desk": "3",
                                                     "phone": "028-61203345"})
    assert page.key_groups == ("hard_to_employ",)
    assert page.unemployment == [("reg.my.unemp.under_review",
                                  {"number": "U-1", "y": 2026, "m": "03", "d": "01"})]
    assert page.complaints[0][0] == "reg.my.complaint.answered"
    assert page.appointments[0] == ("reg.my.appt.booked", {
        "service": "职业指导", "location": "2楼", "time": "10:00", "y": 2026, "m": "03",
        "d": "05"})
    words = [key for key, _ in parts(page.intentions_text)]
    assert words[:2] == ["reg.occupations.交通运输", "raw"] and "reg.pay_from" in words


def test_fewer_matches_are_counted_without_the_close_ones() -> None:
    close = [job(1), job(2), job(3, False), job(4, False), job(5, False)]
    assert page_from(answer(recommended=close, recommended_note="fewer")).fewer_note == (
        "reg.my.fewer", {"n": 2})
    only_close = [job(n, False) for n in range(5)]
    assert page_from(answer(recommended=only_close, recommended_note="fewer")).fewer_note == (
        "reg.my.only_close", {})
    assert page_from(answer()).fewer_note == ("reg.my.none_open", {})
    # a platform that says nothing of it is judged by its list
    assert page_from(answer(recommended=[job(1)])).fewer_note == ("reg.my.fewer", {"n": 1})


def test_someone_not_registered_has_an_empty_page_and_junk_is_no_page() -> None:
    page = page_from({"registered": False, "recommended": [], "recommended_note": None,
                      "specialist": None})
    assert page is not None and not page.registered and page.fewer_note is None
    assert page.registered_text is None and page.specialist is None
    assert page_from(None) is None and page_from({"error": "x"}) is None


def test_an_update_sends_only_what_was_asked_again_and_clears_on_purpose() -> None:
    who = Identity("张晓明", "male", "1990-01-01", NUMBER, True)
    about = About(phone="13800138000")
    wants = Wants(major_groups={"g4"}, occupations={"交通运输", "不存在"})
    body, personal = payload.registration(who, about, wants, False)
    assert body == {"intentions": {"occupation_groups": ["交通运输"], "major_groups": ["g4"]},
                    "sex": "male"}
    assert set(personal) == {"id_hash", "name", "phone", "birth_date"}
    _, personal = payload.registration(who, about, wants, False, frozenset({"key_groups"}))
    assert personal["key_groups"] == []
