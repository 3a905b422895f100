"""The matching rule on small hand-made catalogs, and the tables it reasons with."""

from __future__ import annotations

import pytest

from central.classification import (
    EDUCATION_RANK,
    MAJOR_GROUPS,
    MAJOR_OF,
    UNMATCHED_MAJOR,
    posting_rank,
)
from central.contract import document
from central.demo import staff
from central.demo.occupations import GROUPS
from central.demo.places import EDUCATION
from central.matching import Posting, Wishes, assess, rank


def posting(n: int, subgroup: str = "交通运输", district: str = "武侯区", pay: int = 6000,
            kind: str = "full_time", education: str = "不限", day: int = 1) -> Posting:
    return Posting(f"J{n:08d}", subgroup, MAJOR_OF.get(subgroup), district, pay, kind,
                   posting_rank(education), f"2026-11-{day:02d}T09:00:00+08:00")


def wishes(education: str | None = None, **wants) -> Wishes:
    return Wishes.of({"intentions": wants, **({"education": education} if education else {})})


def test_each_criterion_earns_its_points():
    want = wishes("senior", occupation_groups=["交通运输"], districts=["武侯区"],
                  pay_min=5000, employment_type="full_time")
    assert assess(posting(1), want) == (110, True)
    assert assess(posting(1, subgroup="仓储物流"), want) == (70, True)     # same major group
    assert assess(posting(1, subgroup="生产制造"), want) == (55, False)    # other line of work
    assert assess(posting(1, district="锦江区"), want) == (90, True)
    assert assess(posting(1, pay=4900), want) == (95, False)
    assert assess(posting(1, kind="part_time"), want) == (100, True)
    assert assess(posting(1, education="大专"), want) == (100, False)
    assert assess(posting(1, education="高中/中专"), want) == (110, True)


def test_wishes_not_stated_are_met_by_every_posting():
    assert assess(posting(1, subgroup="生产制造", pay=100, education="本科"),
                  wishes()) == (110, True)


def test_a_whole_major_group_or_some_of_its_subgroups():
    whole = wishes(major_groups=["g4"])
    assert assess(posting(1, subgroup="餐饮住宿"), whole)[0] == 110
    narrow = wishes(major_groups=["g4"], occupation_groups=["交通运输"])
    assert assess(posting(1, subgroup="餐饮住宿"), narrow) == (70, True)
    both = wishes(major_groups=["g2"], occupation_groups=["交通运输"])
    assert assess(posting(1, subgroup="信息技术"), both)[0] == 110
    assert assess(posting(1, subgroup="交通运输"), both)[0] == 110
    assert assess(posting(1, subgroup="餐饮住宿"), both) == (70, True)


def test_soldiers_major_group_matches_no_posting():
    catalog = tuple(posting(n, subgroup=g.name) for n, g in enumerate(GROUPS))
    chosen, note = rank(catalog, wishes(major_groups=[UNMATCHED_MAJOR]))
    assert note == "fewer" and len(chosen) == 5 and not any(fit for _, fit, _ in chosen)


def test_best_first_ties_newest_first_at_most_ten():
    catalog = tuple(posting(n, district="锦江区" if n % 2 else "武侯区", day=1 + n % 28)
                    for n in range(40))
    chosen, note = rank(catalog, wishes(districts=["武侯区"]))
    assert note == "enough" and len(chosen) == 10
    keys = [(score, p.posted_at, p.id) for score, _, p in chosen]
    assert keys == sorted(keys, reverse=True)
    assert all(p.district == "武侯区" for _, _, p in chosen)


def test_fewer_than_five_matches_are_topped_up_with_the_closest():
    catalog = (posting(1), posting(2, pay=3000), posting(3, subgroup="生产制造"),
               posting(4, subgroup="生产制造", district="锦江区"), posting(5, pay=2000, day=2),
               posting(6, subgroup="医疗护理", pay=9000))
    chosen, note = rank(catalog, wishes(occupation_groups=["交通运输"], pay_min=5000))
    assert note == "fewer"
    assert [(p.id[-1], fit) for _, fit, p in chosen] == [
        ("1", True), ("6", True), ("5", False), ("2", False), ("4", False)]


def test_fewer_than_five_open_postings_at_all():
    chosen, note = rank((posting(1), posting(2)), wishes())
    assert note == "fewer" and len(chosen) == 2
    assert rank((), wishes()) == ([], "fewer")


def test_the_tables_cover_the_catalog_and_the_contract():
    assert {g.name for g in GROUPS} <= set(MAJOR_OF)
    assert set(MAJOR_OF.values()) <= set(MAJOR_GROUPS) - {UNMATCHED_MAJOR}
    schemas = document()["components"]["schemas"]
    assert set(EDUCATION_RANK) == set(schemas["Education"]["enum"])
    assert tuple(schemas["MajorGroup"]["enum"]) == MAJOR_GROUPS
    assert [posting_rank(label) for label in EDUCATION] == [0, 1, 2, 3, 4]
    assert posting_rank("双学位") == 0 and posting_rank(None) == 0


@pytest.mark.parametrize("n", range(3))
def test_a_visitor_keeps_their_specialist(n):
    visitor = f"{n:x}" * 64
    assert staff.choose(visitor) == staff.choose(visitor)
    assert staff.find(staff.choose(visitor).id) == staff.choose(visitor)
    assert staff.find("gone") is None and staff.find(None) is None


def test_specialists_are_shared_out():
    import hashlib

    seen = {staff.choose(hashlib.sha256(str(n).encode()).hexdigest()).id for n in range(200)}
    assert seen == {s.id for s in staff.STAFF}


def test_the_status_command_names_every_status():
    from central.unemployment import STATUSES
    from kiosk_command.commands.central import UNEMPLOYMENT_STATUSES

    assert tuple(UNEMPLOYMENT_STATUSES.split(", ")) == STATUSES == tuple(
        document()["components"]["schemas"]["UnemploymentStatus"]["enum"])
