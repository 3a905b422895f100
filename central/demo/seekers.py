"""Generated registered job seekers, for benchmarks of the visitor's own page.

Seeker n has a valid resident ID number (id_number(n): a 成都 district code, a
birth date, a sequence number and the MOD 11-2 check digit), so a benchmark can
lay a simulated card of any of them on the reader and find them registered.
Their registrations look like the kiosk's: education and key-group codes,
intentions over the catalog's sub-groups and districts, a specialist for the
key-group members.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Iterator
from typing import Any

from central.classification import MAJOR_GROUPS, MAJOR_OF
from central.demo.places import CONTACT_SURNAMES, DISTRICTS

REGIONS = ("510104", "510105", "510106", "510107", "510108", "510112", "510113", "510114",
           "510115", "510116", "510117", "510118")
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅海燕"
EDUCATION = ("none", "primary", "junior", "senior", "vocational", "college", "bachelor",
             "master")
KEY_GROUPS = ("registered_unemployed", "hard_to_employ", "zero_employment_family",
              "college_graduate", "vocational_graduate", "rural_migrant", "assistance_target")
PAY_BANDS = (0, 3000, 4000, 5000, 6000, 8000)
_BIRTH_START = dt.date(1965, 1, 1)


def check_digit(first17: str) -> str:
    return "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]


def id_number(n: int) -> str:
    """The ID number of generated seeker n (distinct for n below 12 million)."""
    birth = _BIRTH_START + dt.timedelta(days=(n // 1000) * 97 % 12000)
    first17 = f"{REGIONS[n % len(REGIONS)]}{birth:%Y%m%d}{n % 1000:03d}"
    return first17 + check_digit(first17)


def registration(n: int, rng: random.Random) -> dict[str, Any]:
    """A RegistrationIn body (without id_hash) for seeker n."""
    number = id_number(n)
    subgroups = rng.sample(sorted(MAJOR_OF), k=rng.choice((1, 1, 2)))
    wants: dict[str, Any] = {"occupation_groups": subgroups,
                             "districts": rng.sample(DISTRICTS, k=rng.randint(1, 3)),
                             "pay_min": rng.choice(PAY_BANDS),
                             "employment_type": rng.choice(("full_time",) * 4 + ("part_time",))}
    if rng.random() < 0.2:
        wants["major_groups"] = [rng.choice(MAJOR_GROUPS[:6])]
    doc: dict[str, Any] = {
        "name": rng.choice(CONTACT_SURNAMES) + "".join(rng.sample(GIVEN, k=rng.randint(1, 2))),
        "sex": "male" if int(number[16]) % 2 else "female",
        "birth_date": f"{number[6:10]}-{number[10:12]}-{number[12:14]}",
        "phone": f"1{rng.choice('3578')}{rng.randint(0, 999_999_999):09d}",
        "education": rng.choice(EDUCATION), "experience_years": rng.randint(0, 30),
        "employment_status": rng.choice(("unemployed", "unemployed", "employed", "other")),
        "photo_consent": False, "intentions": wants,
    }
    if rng.random() < 0.3:
        doc["key_groups"] = [rng.choice(KEY_GROUPS)]
    return doc


def make_seekers(count: int, first: int = 0, seed: int = 6
                 ) -> Iterator[tuple[str, dict[str, Any]]]:
    """(id_hash, registration) of seekers first .. first + count - 1, deterministically."""
    rng = random.Random(seed * 100_003 + first)
    for n in range(first, first + count):
        yield hashlib.sha256(id_number(n).encode()).hexdigest(), registration(n, rng)
