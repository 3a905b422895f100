"""Realistic Chinese job postings, generated deterministically from a seed.

The same seed always gives the same postings (dates are relative to the day
the data is generated), so tests and benchmarks can rely on what is there.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

from central.demo.occupations import GROUPS
from central.demo.places import (
    BENEFITS,
    BRAND_WORDS,
    CITY,
    COMPANY_SUFFIXES,
    CONTACT_SURNAMES,
    DISTRICTS,
    EDUCATION,
    STREETS,
)

PAY_SCALE = {"full_time": 1.0, "part_time": 0.45, "internship": 0.55, "temporary": 0.8}
TYPE_WEIGHTS = (80, 10, 4, 6)


def job_id(n: int) -> str:
    return f"J{n:08d}"


def company(rng: random.Random, industries: tuple[str, ...]) -> str:
    """A plausible registered company name, e.g. 成都锦程物业管理有限公司."""
    brand = rng.choice(BRAND_WORDS) + (rng.choice(BRAND_WORDS)[0] if rng.random() < 0.3 else "")
    return "成都" + brand + rng.choice(industries) + rng.choice(COMPANY_SUFFIXES)


def pay_text(low: int, high: int, employment_type: str) -> str:
    if employment_type == "part_time":
        return f"{round(low / 174)}-{round(high / 174)}元/小时"
    if employment_type == "temporary":
        return f"{round(low / 22)}-{round(high / 22)}元/天"
    return f"{low}-{high}元/月"


def make_job(n: int, rng: random.Random, today: dt.date) -> dict[str, Any]:
    """Posting number n; rng drives every choice so the result is reproducible."""
    group = rng.choice(GROUPS)
    title, low, high = rng.choice(group.titles)
    etype = rng.choices(("full_time", "part_time", "internship", "temporary"), TYPE_WEIGHTS)[0]
    scale = PAY_SCALE[etype] * rng.uniform(0.9, 1.15)
    pay_min, pay_max = round(low * scale, -2), round(high * scale, -2)
    district = rng.choice(DISTRICTS)
    posted = today - dt.timedelta(days=rng.randint(0, 60))
    valid_until = posted + dt.timedelta(days=rng.choice((30, 45, 60, 90)))
    if valid_until < today:
        valid_until = today + dt.timedelta(days=rng.randint(3, 40))
    title_shown = title if etype == "full_time" else f"{title}（{_TYPE_ZH[etype]}）"
    return {
        "id": job_id(n), "title": title_shown, "company": company(rng, group.industries),
        "occupation_group": group.name, "district": district,
        "pay_min": int(pay_min), "pay_max": int(pay_max),
        "pay_text": pay_text(int(pay_min), int(pay_max), etype),
        "headcount": rng.choice((1, 1, 2, 2, 3, 5, 8, 10, 20)),
        "duties": "；".join(rng.sample(group.duties, k=min(3, len(group.duties)))) + "。",
        "requirements": "；".join(rng.sample(group.requirements, k=2)) + "。",
        "benefits": "、".join(rng.sample(BENEFITS, k=rng.randint(2, 5))),
        "education": rng.choices(EDUCATION, (40, 20, 25, 10, 5))[0],
        "employment_type": etype,
        "contact_name": rng.choice(CONTACT_SURNAMES) + rng.choice(("先生", "女士", "经理")),
        "contact_phone": f"028-{rng.randint(8000, 8799)}{rng.randint(0, 9999):04d}",
        "contact_email": f"hr{n % 1000:03d}@example.cn",
        "address": f"{CITY}{district}{rng.choice(STREETS)}{rng.randint(1, 399)}号",
        "posted_at": f"{posted.isoformat()}T09:00:00+08:00",
        "valid_from": posted.isoformat(), "valid_until": valid_until.isoformat(),
        "url": f"https://jobs.example.cn/postings/{job_id(n)}",
    }


_TYPE_ZH = {"part_time": "兼职", "internship": "实习", "temporary": "临时"}


def make_jobs(count: int, seed: int, today: dt.date, first: int = 1
              ) -> Iterator[dict[str, Any]]:
    """count postings numbered from first; every 150th has already expired."""
    rng = random.Random(seed)
    for n in range(first, first + count):
        job = make_job(n, rng, today)
        if n % 150 == 7:
            job["valid_until"] = (today - dt.timedelta(days=rng.randint(1, 10))).isoformat()
        yield job
