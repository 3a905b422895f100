"""The assessment flow headless: going through the questions, back and pause, the
report's parts, opening the job list by group, the paper and the QR code, and what is
kept (nothing, unless asked after a card read)."""

from __future__ import annotations

import logging

import pytest

from kiosk.flows.assessment.flow import AssessmentError, AssessmentVisit
from kiosk.flows.assessment.groups import GROUPS, SAMPLES
from kiosk.flows.assessment.inventory import ITEMS, TYPES
from kiosk.flows.assessment.payload import platform_result, read_qr
from kiosk.flows.jobs.flow import JobsVisit
from kiosk.i18n import Translator, parts
from kiosk.receipts.writer import catalogs
from tests.assessment.answers import PROFILE, by_type
from tests.assessment.conftest import answer_all, lay_card, make_flow

CATALOG_GROUPS = ("交通运输", "安保物业", "财务会计", "餐饮住宿", "生产制造", "建筑装修",
                  "医疗护理", "批发零售", "行政文员", "销售客服", "信息技术", "家政服务",
                  "仓储物流", "教育培训")


@pytest.fixture(scope="module")
def texts() -> Translator:
    return catalogs()


def test_a_whole_run_ends_on_the_report_with_the_code() -> None:
    flow = make_flow()
    assert flow.start() == "as_intro" and not flow.in_progress()
    assert answer_all(flow, PROFILE) == "as_report"
    result = flow.result()
    assert result is not None and result.code == "SCE"


def test_each_question_shows_its_progress_words_and_five_answers() -> None:
    flow = make_flow()
    flow.begin()
    q = flow.question()
    assert q.index == 0 and q.count == len(ITEMS) == 72 and q.chosen is None
    assert q.activity == ("as.item.r1", {}) and q.asks == ("as.ask.like", {})
    assert [v for v, _ in q.answers()] == [0, 1, 2, 3, 4]
    assert q.progress == ("as.progress", {"n": 1, "count": 72})
    for _ in range(36):
        flow.answer(2)
    assert flow.question().asks == ("as.ask.can", {})


def test_answers_changed_with_back_change_the_result() -> None:
    flow = make_flow()
    answer_all(flow, PROFILE)
    first = flow.result()
    assert first is not None
    # back from the report to the last question: its answer is shown, the report waits
    assert flow.back() == "as_item" and flow.result() is None
    last = ITEMS[-1]
    assert flow.question().item == last and flow.question().chosen == PROFILE[last.letter][1]
    # three more back, then every one of those four answered anew as "very well"
    for _ in range(3):
        flow.back()
    changed = ITEMS[-4:]
    for _ in changed:
        assert flow.answer(4) in ("as_item", "as_report")
    after = flow.result()
    assert after is not None
    gained = {t: sum(4 - PROFILE[t][1] for i in changed if i.letter == t) for t in TYPES}
    assert after.can == {t: first.can[t] + gained[t] for t in TYPES}
    assert after.like == first.like


def test_back_from_the_first_question_is_the_introduction() -> None:
    flow = make_flow()
    flow.begin()
    assert flow.back() == "as_intro"
    flow.answer(3)
    assert flow.back() == "as_item" and flow.question().index == 0
    assert flow.question().chosen == 3


def test_pause_keeps_the_answers_for_the_visit_and_end_forgets_them() -> None:
    flow = make_flow()
    flow.begin()
    for _ in range(10):
        flow.answer(1)
    assert flow.pause() == "as_pause"
    assert flow.pause_text() == ("as.paused", {"n": 11, "count": 72})
    assert flow.resume() == "as_item" and flow.question().index == 10
    assert flow.in_progress()
    assert flow.end() == "home"
    assert flow.visit == AssessmentVisit() and not flow.in_progress()


def test_the_end_of_the_visit_takes_the_answers_with_it() -> None:
    flow = make_flow()
    flow.session.touch()
    answer_all(flow, PROFILE)
    assert flow.session.visit.holds_personal_data()
    flow.session.end("timeout")
    assert not flow.session.visit.holds_personal_data()
    assert flow.result() is None and not flow.in_progress()


def test_a_result_is_asked_for_only_when_every_question_is_answered() -> None:
    flow = make_flow()
    flow.begin()
    flow.answer(2)
    with pytest.raises(AssessmentError):
        flow.bars()
    with pytest.raises(AssessmentError):
        flow.answer(7)
    assert flow.report("zh") is None


def test_the_report_names_bars_letters_groups_and_ties() -> None:
    flow = make_flow()
    answer_all(flow, PROFILE)
    bars = flow.bars()
    assert [b[0] for b in bars] == ["S", "C", "E", "R", "I", "A"]
    assert [b[3] for b in bars] == [True, True, True, False, False, False]
    assert [t for t, _n, _w in flow.letters()] == ["S", "C", "E"]
    groups = [g for g, _n, _s in flow.suggested_groups()]
    assert groups[0] == "教育培训"                 # fits S and E
    assert flow.ties() == [] and flow.summary() == []
    tied = make_flow()
    answer_all(tied, {"R": (0, 0), "I": (1, 0), "A": (1, 1), "S": (3, 3), "E": (3, 3),
                      "C": (2, 2)})
    assert tied.ties() == [([("as.type.S", {}), ("as.type.E", {})], "SEC / ESC")]
    flat = make_flow()
    answer_all(flat, {t: (2, 2) for t in TYPES})
    assert flat.summary() == [("as.flat", {"desk": "1"})]


def test_groups_are_the_catalogs_and_every_type_has_some() -> None:
    from central.demo.occupations import GROUPS as CATALOG

    names = {g.name for g in CATALOG}
    assert names == set(CATALOG_GROUPS)
    assert set(GROUPS) == set(TYPES)
    for letter, groups in GROUPS.items():
        assert groups and set(groups) <= names, letter
    titles = {t for g in CATALOG for t, _lo, _hi in g.titles}
    for (letter, group), samples in SAMPLES.items():
        assert group in GROUPS[letter] and set(samples) <= titles, (letter, group)


def test_a_group_opens_the_job_list_filtered_to_it() -> None:
    flow = make_flow()
    answer_all(flow, PROFILE)
    jobs = flow.session.visit.state(JobsVisit)
    jobs.query = jobs.query.with_text("司机")
    assert flow.open_group("医疗护理") == "jobs"
    query = flow.session.visit.state(JobsVisit).query
    assert query.filters.occupation_group == "医疗护理" and query.text == ""


@pytest.mark.parametrize("lang", ["zh", "en", "bo"])
def test_the_paper_holds_the_code_names_bars_and_a_qr_with_the_result(lang: str,
                                                                      texts) -> None:
    from devices.printer.document import QR, Raster

    flow = make_flow()
    answer_all(flow, PROFILE)
    doc = flow.report(lang)
    assert doc is not None
    lines = "\n".join(doc.text_lines())
    primary = "en" if lang == "en" else "zh"
    assert "SCE" in lines
    for t in "SCE":
        assert texts.text(f"as.type.{t}", primary) in lines
        if lang == "bo":
            assert texts.text(f"as.type.{t}", "bo") in lines
    assert "#" not in lines                         # no bars of characters
    bars = [b for b in doc.blocks if isinstance(b, Raster)]
    assert len(bars) == 6
    fills = [b.rows[len(b.rows) // 2].count("#") for b in bars]
    assert fills == sorted(fills, reverse=True) and fills[0] > fills[-1]
    (qr,) = [b for b in doc.blocks if isinstance(b, QR)]
    code, totals, like = read_qr(qr.payload)
    assert code == "SCE" and totals == flow.result().totals and like == flow.result().like


def test_nothing_personal_in_the_qr_or_the_platform_result() -> None:
    flow = make_flow()
    lay_card(flow)
    answer_all(flow, PROFILE)
    payload = flow.qr_text("zh")
    for secret in ("张晓明", "110105", flow.session.visit.id):
        assert secret not in payload
    body = platform_result(flow.result())
    assert set(body) == {"instrument", "code", "codes", "scores", "part_max", "shape"}
    assert all(set(s) == {"like", "can"} for s in body["scores"].values())


def test_keeping_needs_a_result_and_a_valid_card() -> None:
    flow = make_flow()
    assert flow.save_state() == "no_result"
    answer_all(flow, PROFILE)
    assert flow.save_state() == "no_card"
    assert flow.save(lambda state: None) is False
    lay_card(flow, valid_to="20200101")
    assert flow.save_state() == "expired" and flow.save_text()[0] == "as.save.expired"
    assert flow.save(lambda state: None) is False


def test_without_a_platform_keeping_is_refused_on_the_ui_thread() -> None:
    flow = make_flow()
    flow.session.touch()
    answer_all(flow, PROFILE)
    lay_card(flow)
    got: list[str] = []
    assert flow.save_state() == "ready"
    assert flow.save(got.append) is True
    flow.ui.run_pending()
    assert got == ["refused"] and flow.save_state() == "refused"
    assert flow.save(got.append) is False          # once a visit


def test_everything_the_flow_says_is_in_every_catalog(texts) -> None:
    flow = make_flow()
    lay_card(flow)
    said = [("as.progress", {}), ("as.paused", {}), ("as.next.desk", {})]
    for profile in (PROFILE, {t: (2, 2) for t in TYPES},
                    {t: (0, 0) for t in TYPES} | {"S": (1, 1)}):
        answer_all(flow, profile)
        said += flow.summary() + [n for _t, n, _i, _s in flow.bars()]
        said += [w for _t, _n, w in flow.letters()]
        said += [n for _g, n, _s in flow.suggested_groups()]
    flow.begin()
    for _item in ITEMS:
        q = flow.question()
        said += [q.activity, q.asks, q.part] + [w for _v, w in q.answers()]
        flow.answer(0)
    for state in ("sent", "queued", "refused", "sending"):
        flow.visit.save_outcome = state
        said.append(flow.save_text())
    keys = {key for text in said for key, _ in parts(text) if key != "raw"}
    for lang in ("zh", "en", "bo"):
        missing = [k for k in keys if not texts.has(k, lang)]
        assert missing == [], lang


def test_the_state_never_shows_the_answers_in_a_log(caplog) -> None:
    flow = make_flow()
    answer_all(flow, PROFILE)
    shown = repr(flow.visit)
    assert "answers" not in shown and "like." not in shown
    with caplog.at_level(logging.DEBUG):
        flow.report("zh")
        flow.qr_text("zh")
    assert not any("SCE" in r.getMessage() for r in caplog.records)


def test_every_profile_of_one_type_gives_that_type_first() -> None:
    for top in TYPES:
        flow = make_flow()
        answer_all(flow, {t: (1, 1) for t in TYPES} | {top: (4, 3)})
        assert flow.result().code[0] == top
        assert by_type(PROFILE)


def test_a_delivery_after_start_again_does_not_mark_the_new_answers_kept() -> None:
    flow = make_flow()
    flow.session.touch()
    answer_all(flow, PROFILE)
    lay_card(flow)
    got: list[str] = []
    assert flow.save(got.append) is True          # no platform: refused, posted to the UI
    flow.begin()                                   # "start again" before the answer came
    flow.ui.run_pending()
    assert got == [] and flow.visit.save_outcome == ""
