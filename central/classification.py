"""The occupational classification and education scale that matching reasons with.

Postings name their occupation by sub-group (`occupation_group`, e.g. 交通运输);
visitors may also name whole major groups of the national occupational
classification (国家职业分类大典), g1..g8. MAJOR_OF says which major group each
sub-group of the catalog belongs to. The kiosk keeps the same table for its
choice screens (kiosk/flows/registration/options.py); central/ imports nothing
from the kiosk, so this is a copy, and a test checks the two agree.

Education: visitors answer with a code, postings carry a Chinese label; both are
put on one scale 0..4 (不限 0, 初中 1, 高中/中专 2, 大专 3, 本科 4) so "the posting
asks no more than the visitor has" is a comparison.
"""

from __future__ import annotations

MAJOR_GROUPS = ("g1", "g2", "g3", "g4", "g5", "g6", "g7", "g8")
# g7 (军人) is offered to visitors but no civilian posting belongs to it.
UNMATCHED_MAJOR = "g7"

MAJOR_OF: dict[str, str] = {
    "财务会计": "g2",          # 经济和金融专业人员
    "医疗护理": "g4",          # 健康服务人员: 护工, 养老护理员, 陪诊员 (护士 is g2, the few)
    "信息技术": "g2",          # 信息和通信技术人员
    "教育培训": "g2",          # 教学人员
    "行政文员": "g3",          # 办事人员
    "交通运输": "g4",          # 交通运输服务人员
    "仓储物流": "g4",          # 仓储和邮政业服务人员
    "餐饮住宿": "g4",          # 住宿和餐饮服务人员
    "批发零售": "g4",          # 批发与零售服务人员
    "销售客服": "g4",          # 营销、客户服务人员
    "安保物业": "g4",          # 安全保护、物业管理服务人员
    "家政服务": "g4",          # 居民服务人员
    "生产制造": "g6",          # 生产制造及有关人员
    "建筑装修": "g6",          # 建筑施工人员
}

# The visitor's highest education (contract codes) on the posting scale.
EDUCATION_RANK: dict[str, int] = {
    "none": 0, "primary": 0, "junior": 1, "senior": 2, "vocational": 2,
    "college": 3, "bachelor": 4, "master": 4,
}

# A posting's education label on the same scale; labels not listed ask for nothing.
POSTING_EDUCATION_RANK: dict[str, int] = {
    "不限": 0, "小学": 0, "初中": 1, "高中": 2, "中专": 2, "职高": 2, "技校": 2,
    "高中/中专": 2, "大专": 3, "本科": 4, "硕士": 4, "研究生": 4, "博士": 4,
}


def posting_rank(label: object) -> int:
    """The rank a posting's education label asks for (0 when it asks nothing known)."""
    return POSTING_EDUCATION_RANK.get(label, 0) if isinstance(label, str) else 0
