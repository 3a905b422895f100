"""Demo guidance services, their counsellors and free slots over the next two weeks."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

SERVICES = [
    ("职业指导", "一对一分析求职方向，制订求职计划。", 30, "二楼职业指导室"),
    ("简历指导", "帮助修改简历，练习面试。", 30, "二楼职业指导室"),
    ("创业咨询", "创业项目评估、创业担保贷款和补贴政策咨询。", 45, "三楼创业服务窗口"),
    ("技能培训报名咨询", "介绍补贴性职业技能培训项目并协助报名。", 20, "一楼综合窗口"),
    ("就业困难人员认定", "核对条件并受理就业困难人员认定申请。", 20, "一楼就业援助窗口"),
    ("失业登记与失业保险咨询", "办理失业登记，说明失业保险金申领条件。", 20, "一楼综合窗口"),
]
COUNSELLORS = ["王老师", "李老师", "张老师", "陈老师", "刘老师", "杨老师"]
LOCAL = dt.timezone(dt.timedelta(hours=8))
HOURS = ((9, 0, 11, 30), (14, 0, 17, 0))


def make_services() -> list[dict[str, Any]]:
    return [{"id": f"G{n:03d}", "name": name, "description": desc, "duration_min": dur,
             "location": loc}
            for n, (name, desc, dur, loc) in enumerate(SERVICES, start=1)]


def _day_slots(service: dict[str, Any], day: dt.date, counsellor: str
               ) -> list[tuple[str, dt.datetime, dt.datetime]]:
    step = dt.timedelta(minutes=service["duration_min"])
    out = []
    for h0, m0, h1, m1 in HOURS:
        start = dt.datetime.combine(day, dt.time(h0, m0), LOCAL)
        end = dt.datetime.combine(day, dt.time(h1, m1), LOCAL)
        while start + step <= end:
            out.append((f"{service['id']}-{start:%Y%m%d%H%M}", start, start + step))
            start += step
    return out


def make_slots(seed: int, today: dt.date, days: int = 14) -> list[tuple[Any, ...]]:
    """Rows (id, service_id, counsellor, starts_at, ends_at, capacity, booked), weekdays only."""
    rng = random.Random(seed + 3)
    rows = []
    for index, service in enumerate(make_services()):
        counsellor = COUNSELLORS[index % len(COUNSELLORS)]
        for offset in range(1, days + 1):
            day = today + dt.timedelta(days=offset)
            if day.weekday() >= 5:
                continue
            for slot_id, start, end in _day_slots(service, day, counsellor):
                booked = 1 if rng.random() < 0.3 else 0
                rows.append((slot_id, service["id"], counsellor, start.isoformat(),
                             end.isoformat(), 1, booked))
    return rows
