"""The form's choices: sub-groups are the postings' occupation groups, each in one major
group; education levels sit on the postings' scale; the code sets are stable."""

from __future__ import annotations

from central.demo.occupations import GROUPS
from central.demo.places import EDUCATION as POSTING_EDUCATION
from kiosk.flows.registration import options


def test_every_posting_group_is_a_sub_group_of_exactly_one_major_group() -> None:
    names = [g.name for g in GROUPS]
    assert sorted(options.SUBGROUPS) == sorted(names)
    listed = [sub for subs in options.OCCUPATIONS.values() for sub in subs]
    assert len(listed) == len(set(listed))
    assert options.MAJOR_GROUPS == ("g1", "g2", "g3", "g4", "g5", "g6", "g7", "g8")
    assert options.MAJOR_OF["交通运输"] == "g4" and options.MAJOR_OF["生产制造"] == "g6"
    assert options.OCCUPATIONS["g7"] == ()                 # shown, matched to nothing


def test_education_ranks_follow_the_postings_scale() -> None:
    assert list(options.POSTING_EDUCATION_RANK) == POSTING_EDUCATION
    assert set(options.EDUCATION_RANK) == set(options.EDUCATION)
    assert set(options.EDUCATION_RANK.values()) == set(range(5))
    ranks = [options.EDUCATION_RANK[code] for code in options.EDUCATION]
    assert ranks == sorted(ranks)
    assert options.EDUCATION_RANK["vocational"] == options.POSTING_EDUCATION_RANK["高中/中专"]
    assert options.EDUCATION_RANK["college"] == options.POSTING_EDUCATION_RANK["大专"]


def test_the_code_sets_are_the_agreed_ones() -> None:
    assert options.STATUS == ("unemployed", "employed", "student", "retired", "other")
    assert options.WORK_TYPES == ("full_time", "part_time", "temporary")
    assert options.PAY_BANDS == (0, 3000, 4000, 5000, 6000, 8000)
    assert len(options.KEY_GROUPS) == 7 and len(options.CERTIFICATES) == 3
    assert options.REASONS == ("contract_end", "dismissed", "resigned", "business_closed",
                               "other")
    assert all(code.isascii() for s in (options.EDUCATION, options.KEY_GROUPS,
                                        options.CERTIFICATES, options.DIFFICULTIES)
               for code in s)


def test_industries_go_with_the_intentions_in_form_order_and_only_known_ones() -> None:
    from kiosk.flows.registration import options
    from kiosk.flows.registration.payload import intentions
    from kiosk.flows.registration.state import Wants

    assert len(options.INDUSTRIES) == 20          # the sections A..T of GB/T 4754-2017
    wants = Wants(industries={"G", "C", "Z"})
    assert intentions(wants)["industries"] == ["C", "G"]
    assert "industries" not in intentions(Wants())
