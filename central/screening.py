"""Refusing discriminatory postings at import (DB11 5.3.2.3 c).

A posting may not restrict applicants by sex, ethnicity or religion. The
check looks at the free-text fields a company writes (title, duties,
requirements, benefits) for the phrases such restrictions are written with.
"""

from __future__ import annotations

import re
from typing import Any

TEXT_FIELDS = ("title", "duties", "requirements", "benefits")

RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("sex", re.compile(r"(?<!不)(限|仅限|只招|只限|要求|招)\s*(男|女)(性|士|生)?(?![装鞋科男女])"
                       r"|(男|女)性优先|(男|女)士优先|性别\s*[:：]?\s*(男|女)"
                       r"|未婚|未育|已育优先")),
    ("ethnicity", re.compile(r"(限|仅限|只招|要求)\s*汉族|汉族优先|少数民族(勿扰|除外|不要)"
                             r"|民族\s*[:：]\s*汉")),
    ("religion", re.compile(r"(无|不信|不得信仰)宗教信仰|信仰\S{0,4}(优先|者勿扰)"
                            r"|(限|要求)\S{0,4}(教徒|信徒)")),
)


def discriminatory(job: dict[str, Any]) -> list[str]:
    """The kinds of discrimination a posting's text shows ([] when it may be published)."""
    text = " ".join(str(job.get(field) or "") for field in TEXT_FIELDS)
    return [kind for kind, pattern in RULES if pattern.search(text)]
