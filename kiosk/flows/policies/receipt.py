"""The policy summary slip: title, issuer and date, the plain summary, a QR to the full text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from devices.printer.document import Document
from kiosk.receipts.stamp import Stamp
from kiosk.receipts.writer import ReceiptWriter


@dataclass(frozen=True)
class PolicySlip:
    """What the slip shows of a policy (the policy's own words, printed as given)."""

    policy_id: str
    title: str
    issued_by: str
    issued_at: str
    audience: str
    benefit: str
    materials: str
    apply_at: str
    url: str

    @classmethod
    def of(cls, policy: dict[str, Any]) -> PolicySlip:
        def get(name: str) -> str:
            return str(policy.get(name) or "")
        return cls(get("id"), get("title"), get("issued_by"), get("issued_at"),
                   get("audience") or get("summary"), get("benefit"), get("materials"),
                   get("apply_at"), get("url"))


SAMPLE = PolicySlip(
    policy_id="P0003", title="社会保险补贴申领办法", issued_by="示范市人力资源和社会保障局",
    issued_at="2025-09-18", audience="已认定的就业困难人员，灵活就业并按时缴纳社会保险费的。",
    benefit="按实际缴纳的社会保险费给予一定比例补贴，最长不超过3年。",
    materials="本人居民身份证、就业困难人员认定证明、社保缴费凭证。",
    apply_at="区（市）县公共就业服务中心综合窗口",
    url="https://hrss.example.cn/policies/P0003")


def build(policy: PolicySlip, stamp: Stamp, lang: str = "zh", paper_mm: int = 80) -> Document:
    """The summary slip."""
    w = ReceiptWriter("policy", lang, paper_mm)
    w.heading("title")
    w.text(policy.title, bold=True, align="center")
    w.field("issuer", policy.issued_by)
    w.field("issued", policy.issued_at)
    w.rule()
    for key in ("audience", "benefit", "materials", "apply_at"):
        value = getattr(policy, key)
        if value:
            w.section(key, value)
    w.note("check")
    if policy.url:
        w.qr(policy.url, "scan")
    w.footer(stamp.hall, stamp.terminal, stamp.printed_at)
    return w.document("policy")
