"""The registration flow's rules without a display or a platform: consent, "not now",
the phone, what to bring, review and what is missing, and what it says."""

from __future__ import annotations

import pytest

from kiosk.flows.registration import options
from kiosk.flows.registration.flow import RegistrationError
from kiosk.flows.registration.state import RegistrationVisit
from kiosk.i18n import LIST, RAW, Text, Translator, parts
from tests.registration.conftest import NUMBER, fill, lay_card, make_flow


@pytest.fixture(scope="module")
def texts() -> Translator:
    return Translator.load()


def keys_of(text: Text) -> list[str]:
    return [key for key, _ in parts(text) if key not in (RAW, LIST)]


def test_not_now_forgets_everything_the_flow_holds() -> None:
    flow = make_flow()
    lay_card(flow)
    flow.start()
    fill(flow, groups=("hard_to_employ",))
    flow.agree(photo=True)
    assert "RegistrationVisit" in flow.session.visit.changed_states()
    flow.decline()
    assert flow.visit == RegistrationVisit()
    assert "RegistrationVisit" not in flow.session.visit.changed_states()
    assert flow.session.visit.card is not None           # the card is the session's
    assert flow.declined_text()[0] == "reg.declined"


def test_the_end_of_the_visit_takes_the_flow_state_with_it() -> None:
    flow = make_flow()
    lay_card(flow)
    flow.start()
    fill(flow)
    flow.session.end("timeout")
    assert flow.visit == RegistrationVisit()


def test_consent_and_the_photo_consent_are_separate() -> None:
    flow = make_flow()
    flow.agree()
    assert flow.visit.consent and not flow.visit.photo_consent
    flow.agree(photo=True)
    assert flow.visit.photo_consent
    headings = [heading[0] for heading, _ in flow.consent_notice()]
    assert headings == [f"reg.consent.{p}.title"
                        for p in ("what", "why", "who", "keep", "withdraw", "photo")]


def test_the_phone_is_a_mobile_number_and_a_wrong_one_is_kept() -> None:
    flow = make_flow()
    assert flow.set_phone("1380013800") == ("reg.phone.length", {"n": 10})
    assert flow.visit.typed_phone == "1380013800" and flow.visit.about.phone == ""
    assert flow.set_phone("12800138000") == ("reg.phone.not_mobile", {})
    assert flow.set_phone("028-8888888") == ("reg.phone.not_mobile", {})
    assert flow.set_phone("138 0013 8000") is None
    assert flow.visit.about.phone == "13800138000"


def test_documents_to_bring_follow_the_answers_once_each() -> None:
    flow = make_flow()
    assert flow.documents_to_bring() == [("reg.bring.id_card", {})]
    about = flow.visit.about
    about.certificates = {"education_cert", "employment_card"}
    about.status = "unemployed"
    about.key_groups = {"college_graduate", "hard_to_employ", "assistance_target",
                        "registered_unemployed", "rural_migrant"}
    assert [key for key, _ in flow.documents_to_bring()] == [
        "reg.bring.id_card", "reg.bring.household_register", "reg.bring.education_cert",
        "reg.bring.employment_card", "reg.bring.leaving_proof", "reg.bring.hardship_proof"]
    about.certificates = set()
    assert "reg.bring.graduation_cert" in {k for k, _ in flow.documents_to_bring()}


def test_missing_names_what_the_form_still_needs() -> None:
    flow = make_flow()
    assert flow.missing() == ["reg.f.identity", "reg.f.consent", "reg.f.phone",
                              "reg.f.education", "reg.f.status", "reg.f.occupations"]
    lay_card(flow)
    flow.start()
    fill(flow)
    assert flow.missing() == []
    flow.visit.wants.occupations = set()
    flow.visit.wants.major_groups = {"g4"}
    assert flow.missing() == []


def test_review_rows_show_every_answer_masked_with_where_to_change_it() -> None:
    flow = make_flow()
    lay_card(flow)
    flow.start()
    fill(flow, groups=("college_graduate",))
    rows = flow.review_rows()
    labels = [label for label, _, _ in rows]
    assert labels[:4] == ["reg.f.name", "reg.f.id", "reg.f.sex", "reg.f.birth"]
    assert {"reg.f.phone", "reg.f.key_groups", "reg.f.occupations", "reg.f.photo"} <= set(labels)
    said = repr(rows)
    assert NUMBER not in said and "张晓明" not in said and "13800138000" not in said
    screens = dict((label, screen) for label, _, screen in rows)
    assert screens["reg.f.name"] == "" and screens["reg.f.phone"] == "reg_about"
    assert screens["reg.f.districts"] == "reg_wants" and screens["reg.f.photo"] == "reg_consent"
    occupations = dict((label, value) for label, value, _ in rows)["reg.f.occupations"]
    assert keys_of(occupations) == ["reg.occupations.交通运输", "reg.occupations.仓储物流"]


def test_a_typed_identity_can_be_changed_on_the_typing_screen() -> None:
    flow = make_flow()
    assert flow.identify_typed(NUMBER, "张晓明") is None
    assert dict((label, s) for label, _, s in flow.review_rows())["reg.f.name"] == "reg_manual"


def test_submitting_an_incomplete_form_is_a_mistake_of_the_screens() -> None:
    with pytest.raises(RegistrationError, match="reg.f.phone"):
        make_flow().submit(lambda state: None)


def test_without_a_platform_the_registration_is_refused_on_the_ui_thread() -> None:
    flow = make_flow(staff_desk="2")
    lay_card(flow)
    flow.start()
    fill(flow)
    got: list[str] = []
    flow.submit(got.append)
    assert got == []                                  # said on the UI thread, not inside
    flow.ui.run_pending()
    assert got == ["refused"] and flow.done_message() == ("reg.done.refused", {"desk": "2"})
    assert flow.slip("zh") is None and not flow.can_print()


def test_the_unemployment_application_is_checked_before_it_is_taken() -> None:
    flow = make_flow()
    noop = lambda state: None  # noqa: E731
    assert flow.apply_unemployment("", "", "other", False, noop)[0] == "reg.unemp.need_identity"
    lay_card(flow)
    flow.start()
    fill(flow)
    assert flow.can_apply_unemployment()
    assert flow.apply_unemployment("x" * 61, "2026-01-31", "resigned", True, noop) == (
        "reg.unemp.employer_long", {"max": 60})
    assert flow.apply_unemployment("示范物流", "", "resigned", True, noop) == (
        "reg.unemp.date_missing", {})
    assert flow.apply_unemployment("示范物流", "2026-02-30", "resigned", True, noop) == (
        "reg.unemp.date_bad", {})
    assert flow.apply_unemployment("示范物流", "2026-03-03", "resigned", True, noop) == (
        "reg.unemp.date_future", {})
    assert flow.apply_unemployment("示范物流", "2026年1月31日", "fired", True, noop) == (
        "reg.unemp.reason_missing", {})
    assert flow.apply_unemployment("示范物流", "20260131", "resigned", True, noop)[0] == (
        "reg.unemp.unavailable")
    flow.visit.about.status = "employed"
    assert not flow.can_apply_unemployment()
    assert flow.apply_unemployment("", "", "other", False, noop) == (
        "reg.unemp.not_unemployed", {})


def test_the_conditions_end_with_who_decides() -> None:
    conditions = make_flow(staff_desk="4").unemployment_conditions()
    assert conditions[-1] == ("reg.unemp.decide", {"desk": "4"})
    assert all(key.startswith("reg.unemp.cond.") for key, _ in conditions[:-1])


def test_every_choice_has_its_words_in_every_language(texts: Translator) -> None:
    for set_name, codes in options.SETS.items():
        for code in codes:
            key, _ = options.label(set_name, code)
            assert all(texts.has(key, lang) for lang in ("zh", "en", "bo")), key


def test_everything_the_flow_says_is_in_every_catalog(texts: Translator) -> None:
    flow = make_flow()
    lay_card(flow)
    flow.start()
    fill(flow, groups=options.KEY_GROUPS)
    flow.visit.about.certificates = set(options.CERTIFICATES)
    flow.visit.about.difficulties = set(options.DIFFICULTIES)
    flow.visit.about.experience_years = 3
    flow.visit.wants.start_by = "2026-04-01"
    said: list[Text] = [value for _, value, _ in flow.review_rows()]
    said += [(label, {}) for label, _, _ in flow.review_rows()] + [(k, {}) for k in flow.missing()]
    said += [t for pair in flow.consent_notice() for t in pair]
    said += flow.documents_to_bring() + flow.unemployment_conditions()
    said += [flow.manual_help(), flow.declined_text(), flow.done_message(),
             flow.unemployment_message(), flow.my_page_unavailable()]
    said += [(k, {}) for k in ("reg.f.identity", "reg.f.consent")]
    for key in {k for text in said for k in keys_of(text)}:
        assert all(texts.has(key, lang) for lang in ("zh", "en", "bo")), key


def test_the_state_never_shows_the_visitor_in_a_log() -> None:
    flow = make_flow()
    flow.identify_typed(NUMBER, "张晓明")
    fill(flow)
    flow.identify_typed(NUMBER[:17], "张晓明")          # a refused try is kept, unshown
    said = repr(flow.visit)
    for secret in (NUMBER, "张晓明", "13800138000"):
        assert secret not in said, secret


def test_an_update_asks_only_what_it_needs_and_keeps_the_rest() -> None:
    from kiosk.flows.registration.mypage import page_from

    flow = make_flow()
    lay_card(flow)
    flow.start()
    flow.visit.lookup = page_from({"registered": True, "recommended": [], "registration": {
        "registration_id": "R-1", "registered_at": "2026-03-01T01:30:00Z",
        "key_groups": ["hard_to_employ"],
        "intentions": {"occupation_groups": ["交通运输"], "major_groups": ["g6"],
                       "districts": ["新都区"], "pay_min": 4000,
                       "employment_type": "part_time", "start_by": "2026-04-01"}}})
    assert flow.start() == "my_page"
    assert flow.begin_update() == "reg_consent"
    wants = flow.visit.wants
    assert (wants.occupations, wants.major_groups, wants.districts) == (
        {"交通运输"}, {"g6"}, {"新都区"})
    assert (wants.pay_min, wants.work_type, wants.start_by) == (4000, "part_time", "2026-04-01")
    assert flow.visit.about.key_groups == {"hard_to_employ"}
    assert flow.missing() == ["reg.f.consent", "reg.f.phone"]
    values = {label: value for label, value, _ in flow.review_rows()}
    assert values["reg.f.education"] == ("reg.unchanged", {})
    assert values["reg.f.phone"] == ("reg.not_given", {})
