"""Which occupation groups of the job catalog fit each interest type.

The catalog's postings carry an occupation_group (central/demo/occupations.py GROUPS,
the same names the registration form offers); each type lists the groups whose work is
most of its kind, with a few sample titles from those groups. The catalog holds few
purely artistic posts, so the artistic type points to groups with room to make and
shape things, and the report says so.
"""

from __future__ import annotations

from kiosk.flows.assessment.inventory import Letter
from kiosk.flows.assessment.scoring import Result

GROUPS: dict[Letter, tuple[str, ...]] = {
    "R": ("生产制造", "建筑装修", "交通运输", "仓储物流"),
    "I": ("信息技术", "医疗护理", "生产制造"),
    "A": ("教育培训", "餐饮住宿", "销售客服", "建筑装修"),
    "S": ("医疗护理", "家政服务", "教育培训", "餐饮住宿"),
    "E": ("销售客服", "批发零售", "教育培训"),
    "C": ("财务会计", "行政文员", "仓储物流", "安保物业"),
}

# sample titles (as postings name them) per type and group
SAMPLES: dict[tuple[Letter, str], tuple[str, ...]] = {
    ("R", "生产制造"): ("电工", "焊工", "数控车工"),
    ("R", "建筑装修"): ("水电工", "木工"),
    ("R", "交通运输"): ("货车司机", "叉车司机"),
    ("R", "仓储物流"): ("分拣员", "快递员"),
    ("I", "信息技术"): ("软件测试员", "运维工程师"),
    ("I", "医疗护理"): ("康复理疗师",),
    ("I", "生产制造"): ("质检员",),
    ("A", "教育培训"): ("培训讲师",),
    ("A", "餐饮住宿"): ("面点师", "厨师"),
    ("A", "销售客服"): ("电商运营",),
    ("A", "建筑装修"): ("油漆工",),
    ("S", "医疗护理"): ("养老护理员", "护士", "陪诊员"),
    ("S", "家政服务"): ("育婴员", "家政服务员"),
    ("S", "教育培训"): ("托管老师", "助教"),
    ("S", "餐饮住宿"): ("前台接待", "服务员"),
    ("E", "销售客服"): ("销售代表", "招商专员"),
    ("E", "批发零售"): ("店长", "导购"),
    ("E", "教育培训"): ("课程顾问",),
    ("C", "财务会计"): ("会计", "出纳"),
    ("C", "行政文员"): ("文员", "档案管理员"),
    ("C", "仓储物流"): ("仓管员",),
    ("C", "安保物业"): ("物业管理员", "消防控制室值班员"),
}

MAX_GROUPS = 5


def suggested(result: Result) -> list[tuple[str, tuple[Letter, ...]]]:
    """Groups that fit the code, best first, each with the code's letters it fits.

    A group fitting two letters of the code comes before one fitting the first alone;
    otherwise the code's order decides (tied letters count alike, as they are).
    """
    rank = {}
    for i, tier in enumerate(result.tiers):
        for letter in tier:
            rank[letter] = i
    letters: list[Letter] = list(result.code)  # type: ignore[arg-type]
    found: dict[str, list[Letter]] = {}
    for letter in letters:
        for group in GROUPS[letter]:
            found.setdefault(group, []).append(letter)
    order = sorted(found, key=lambda g: (-len(found[g]), min(rank[x] for x in found[g]),
                                         min(letters.index(x) for x in found[g]),
                                         GROUPS[found[g][0]].index(g)))
    return [(g, tuple(found[g])) for g in order[:MAX_GROUPS]]


def samples(group: str, letters: tuple[Letter, ...]) -> tuple[str, ...]:
    """Sample titles of a group for the letters it was suggested for (no repeats)."""
    out: list[str] = []
    for letter in letters:
        for title in SAMPLES.get((letter, group), ()):
            if title not in out:
                out.append(title)
    return tuple(out[:3])

