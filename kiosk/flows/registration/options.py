"""Every choice the registration form offers, as stable ASCII codes.

The codes travel to the platform as they are; what a visitor reads is the
catalog key `reg.<set>.<code>` (registration.po), so the three languages offer
the same choices in their own words and a reviewer fixes a label without
touching code. Sub-group codes are the postings' `occupation_group` values
(central/demo/occupations.py), so the platform matches on them directly; the
platform keeps its own copy of MAJOR_OF (central/ imports nothing from here)
and a test checks that the two agree.
"""

from __future__ import annotations

from kiosk.i18n import Text

EDUCATION: tuple[str, ...] = ("none", "primary", "junior", "senior", "vocational", "college",
                              "bachelor", "master")
# postings say 不限 / 初中 / 高中/中专 / 大专 / 本科 (0..4): where each level stands on it
EDUCATION_RANK: dict[str, int] = {"none": 0, "primary": 0, "junior": 1, "senior": 2,
                                  "vocational": 2, "college": 3, "bachelor": 4, "master": 4}
POSTING_EDUCATION_RANK: dict[str, int] = {"不限": 0, "初中": 1, "高中/中专": 2, "大专": 3,
                                          "本科": 4}

STATUS: tuple[str, ...] = ("unemployed", "employed", "student", "retired", "other")

# the groups the standards single out (B 3.3, L 5.1, G, C 5.1 e); several or none
KEY_GROUPS: tuple[str, ...] = ("registered_unemployed", "hard_to_employ",
                               "zero_employment_family", "college_graduate",
                               "vocational_graduate", "rural_migrant", "assistance_target")

# certificates the visitor holds (B 5.3.1.1.2 a): staff check the originals
CERTIFICATES: tuple[str, ...] = ("education_cert", "vocational_qualification",
                                 "employment_card")

DIFFICULTIES: tuple[str, ...] = ("no_experience", "skills", "age", "health", "childcare",
                                 "information", "other")

WORK_TYPES: tuple[str, ...] = ("full_time", "part_time", "temporary")
# the sections (门类) of the national industry classification GB/T 4754-2017
INDUSTRIES: tuple[str, ...] = tuple("ABCDEFGHIJKLMNOPQRST")

# the least monthly pay wanted, in yuan; 0 is "any"
PAY_BANDS: tuple[int, ...] = (0, 3000, 4000, 5000, 6000, 8000)

# why the last job ended (unemployment registration)
REASONS: tuple[str, ...] = ("contract_end", "dismissed", "resigned", "business_closed",
                            "other")

# The eight major groups of the national occupational classification, each with the
# sub-groups postings use. g1, g5 and g8 have no postings of their own in the demo
# catalog; g7 (军人) is shown because the classification has it, and matches nothing.
# 医疗护理 is mostly care work (护工, 养老护理员, 陪诊员: 健康服务人员, g4; the nurses are
# the few) and 安保物业 is 安全保护 and 物业 services (g4).
OCCUPATIONS: dict[str, tuple[str, ...]] = {
    "g1": (),                                                  # 负责人
    "g2": ("财务会计", "信息技术", "教育培训"),                # 专业技术人员
    "g3": ("行政文员",),                                       # 办事人员和有关人员
    "g4": ("批发零售", "销售客服", "交通运输", "仓储物流",      # 社会生产服务和生活服务人员
           "餐饮住宿", "家政服务", "安保物业", "医疗护理"),
    "g5": (),                                                  # 农林牧渔业生产及辅助人员
    "g6": ("生产制造", "建筑装修"),                            # 生产制造及有关人员
    "g7": (),                                                  # 军人
    "g8": (),                                                  # 不便分类的其他从业人员
}
MAJOR_GROUPS: tuple[str, ...] = tuple(OCCUPATIONS)
UNMATCHED_MAJOR_GROUPS = frozenset({"g7"})
MAJOR_OF: dict[str, str] = {sub: major for major, subs in OCCUPATIONS.items() for sub in subs}
SUBGROUPS: tuple[str, ...] = tuple(MAJOR_OF)

# the contract's limits on one registration's intentions
MAX_OCCUPATIONS = 10
MAX_DISTRICTS = 20
MAX_TEXT = 40            # major, last occupation
MAX_EMPLOYER = 60
MAX_EXPERIENCE_YEARS = 60

SETS: dict[str, tuple[object, ...]] = {
    "education": EDUCATION, "status": STATUS, "key_groups": KEY_GROUPS,
    "certificates": CERTIFICATES, "difficulties": DIFFICULTIES, "work_types": WORK_TYPES,
    "pay_bands": PAY_BANDS, "occupations": MAJOR_GROUPS + SUBGROUPS, "reasons": REASONS,
    "industries": INDUSTRIES,
}


def label(set_name: str, code: object) -> Text:
    """The catalog key naming one choice of a set."""
    if code not in SETS[set_name]:
        raise ValueError(f"registration: {code!r} is not a choice of {set_name}")
    return f"reg.{set_name}.{code}", {}


def in_order(set_name: str, chosen: set[str] | frozenset[str]) -> list[str]:
    """The chosen codes in the order the form offers them (unknown ones dropped)."""
    return [str(code) for code in SETS[set_name] if code in chosen]
