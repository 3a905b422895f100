"""Scoring with fixed answer sets: sums, the code, ties kept, flat and low profiles."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.flows.assessment.inventory import ITEMS, PART_MAX, PER_TYPE, TYPE_MAX, TYPES
from kiosk.flows.assessment.scoring import ScoringError, score, sums
from tests.assessment.answers import PROFILE, by_type, same


def test_the_inventory_is_balanced_and_asks_each_activity_in_both_parts() -> None:
    assert len(ITEMS) == len({i.key for i in ITEMS}) == 2 * 6 * PER_TYPE
    for part in ("like", "can"):
        for t in TYPES:
            assert sum(i.part == part and i.letter == t for i in ITEMS) == PER_TYPE
    like = [i.activity for i in ITEMS if i.part == "like"]
    can = [i.activity for i in ITEMS if i.part == "can"]
    assert sorted(like) == sorted(can)
    # no two questions of one type follow each other
    assert all(a.letter != b.letter for a, b in zip(ITEMS, ITEMS[1:], strict=False))


def test_sums_per_type_and_part() -> None:
    like, can = sums(by_type(PROFILE))
    assert like == {t: PROFILE[t][0] * PER_TYPE for t in TYPES}
    assert can == {t: PROFILE[t][1] * PER_TYPE for t in TYPES}


def test_the_fixed_profile_gives_its_code() -> None:
    r = score(by_type(PROFILE))
    assert r.code == "SCE" and r.codes == ("SCE",) and r.ties == ()
    assert r.shape == "clear" and not r.low
    assert r.totals == {"R": 18, "I": 12, "A": 6, "S": 42, "E": 24, "C": 36}


@pytest.mark.parametrize("top", TYPES)
def test_every_type_can_come_first(top: str) -> None:
    profile = {t: (1, 1) for t in TYPES} | {top: (4, 4)}
    r = score(by_type(profile))
    assert r.code[0] == top
    # the rest tie: said as a tie, codes listed, the code's order RIASEC after the top
    rest = "".join(t for t in TYPES if t != top)
    assert r.code == top + rest[:2]
    assert r.ties == (tuple(rest),)
    assert len(r.codes) > 1 and all(c[0] == top for c in r.codes)


def test_an_exact_tie_at_the_top_is_kept() -> None:
    profile = {"R": (0, 0), "I": (1, 0), "A": (1, 1), "S": (3, 3), "E": (3, 3), "C": (2, 2)}
    r = score(by_type(profile))
    assert r.tiers[0] == ("S", "E")
    assert r.ties == (("S", "E"),)
    assert r.code == "SEC" and r.codes == ("SEC", "ESC") and not r.more_codes


def test_a_tie_for_third_lists_every_code_it_allows() -> None:
    profile = {"R": (2, 2), "I": (0, 0), "A": (2, 2), "S": (4, 4), "E": (3, 3), "C": (2, 2)}
    r = score(by_type(profile))
    assert r.code == "SER"
    assert r.ties == (("R", "A", "C"),)
    assert r.codes == ("SER", "SEA", "SEC")


@pytest.mark.parametrize("value", [0, 1, 2, 3, 4])
def test_all_the_same_answers_are_flat_and_say_so(value: int) -> None:
    r = score(same(value))
    assert r.shape == "flat" and r.spread == 0
    assert r.tiers == (TYPES,)
    assert r.code == "RIA"               # written down in the hexagon's order only
    assert r.ties == (TYPES,)
    assert len(r.codes) == 6 and r.more_codes           # 120 codes: listed as "…"
    assert r.low == (value * 2 * PER_TYPE <= 0.25 * TYPE_MAX)


def test_a_nearly_flat_profile_is_flat_and_a_clear_one_is_not() -> None:
    near = by_type({t: (2, 2) for t in TYPES})
    near[next(i.key for i in ITEMS if i.letter == "S")] = 4
    near[next(i.key for i in ITEMS if i.letter == "C" and i.part == "can")] = 4
    assert score(near).shape == "flat"
    clear = by_type({t: (2, 2) for t in TYPES} | {"S": (3, 3)})
    assert score(clear).shape == "clear"


def test_a_low_profile_is_named() -> None:
    r = score(by_type({t: (0, 0) for t in TYPES} | {"E": (1, 1), "R": (0, 1)}))
    assert r.low and r.code[0] == "E"


def test_missing_or_wrong_answers_are_refused() -> None:
    answers = by_type(PROFILE)
    del answers[ITEMS[5].key]
    with pytest.raises(ScoringError, match="not answered"):
        score(answers)
    with pytest.raises(ScoringError, match="no answer step"):
        score(by_type(PROFILE) | {ITEMS[0].key: 5})
    with pytest.raises(ScoringError, match="no answer step"):
        score(by_type(PROFILE) | {ITEMS[0].key: True})
    with pytest.raises(ScoringError, match="no question"):
        score(by_type(PROFILE) | {"like.z9": 1})


@given(st.lists(st.integers(0, 4), min_size=len(ITEMS), max_size=len(ITEMS)))
def test_any_answers_give_a_code_the_ties_allow(values: list[int]) -> None:
    r = score({i.key: v for i, v in zip(ITEMS, values, strict=True)})
    totals = r.totals
    assert all(0 <= totals[t] <= TYPE_MAX for t in TYPES)
    assert all(0 <= r.like[t] <= PART_MAX for t in TYPES)
    assert len(set(r.code)) == 3
    ranked = sorted(totals.values(), reverse=True)
    assert [totals[c] for c in r.code] == ranked[:3]
    for code in r.codes:                  # every listed code is as good as the first
        assert [totals[c] for c in code] == ranked[:3]
    assert bool(r.ties) == (len(r.codes) > 1 or any(len(t) > 1 and t[0] in r.code
                                                    for t in r.tiers))
