"""Demo guidance services, their counsellors, rooms and slots over the next two weeks.

Shaped like a centre's week: one-to-one guidance with two counsellors side by side,
a group session on Tuesday and Thursday afternoons (20 seats, materials two working
days ahead), a vocational assessment on Monday, Wednesday and Friday mornings, and
an employers' recruitment consultation. Some one-to-one slots are held for key groups
(C 7.1.11) until the day before.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

LOCAL = dt.timezone(dt.timedelta(hours=8))
ID_CARD = "本人身份证"
# id, name, description, minutes, location, kind, audience, what to bring
SERVICES = [
    ("G001", "职业指导", "一对一分析求职方向，制订求职计划。", 30, "二楼职业指导室",
     "one_to_one", "seeker", [ID_CARD, "简历（如有）"]),
    ("G002", "简历指导", "帮助修改简历，练习面试。", 30, "二楼职业指导室", "one_to_one",
     "seeker", [ID_CARD, "简历（纸质或手机里的都可以）"]),
    ("G003", "创业咨询", "创业项目评估、创业担保贷款和补贴政策咨询。", 45, "三楼创业服务窗口",
     "one_to_one", "seeker", [ID_CARD, "创业项目的简要说明（如有）"]),
    ("G004", "技能培训报名咨询", "介绍补贴性职业技能培训项目并协助报名。", 20, "一楼综合窗口",
     "one_to_one", "seeker", [ID_CARD, "学历或职业资格证书"]),
    ("G005", "就业困难人员认定", "核对条件并受理就业困难人员认定申请。", 20, "一楼就业援助窗口",
     "one_to_one", "seeker", [ID_CARD, "户口簿", "就业失业登记证（如有）"]),
    ("G006", "失业登记与失业保险咨询", "办理失业登记，说明失业保险金申领条件。", 20,
     "一楼综合窗口", "one_to_one", "seeker", [ID_CARD, "与原单位解除劳动关系的证明"]),
    ("G007", "求职技巧小组课", "面向求职者的分类团体指导：求职准备、简历与面试，课前两个"
     "工作日发放学习材料。", 90, "四楼多功能厅", "group", "seeker", [ID_CARD, "纸和笔"]),
    ("G008", "职业素质测评", "职业兴趣与能力测评，测评后由职业指导师解读报告。", 60,
     "二楼测评室", "assessment", "seeker", [ID_CARD, "老花镜（如需要）"]),
    ("G009", "用人单位招聘指导", "招聘计划、岗位描述、薪酬水平与当地最低工资标准、人员甄选"
     "与面试组织咨询。", 30, "三楼用人单位服务窗口", "one_to_one", "employer",
     ["营业执照复印件", "经办人身份证", "招聘岗位清单"]),
]
# per service: (counsellor, room) working side by side
STAFF = {
    "G001": [("王老师", "职业指导室1"), ("李老师", "职业指导室2")],
    "G002": [("李老师", "职业指导室3")],
    "G003": [("张老师", "创业服务窗口")],
    "G004": [("陈老师", "综合窗口3号")],
    "G005": [("刘老师", "就业援助窗口")],
    "G006": [("杨老师", "综合窗口5号")],
    "G007": [("赵老师", "多功能厅")],
    "G008": [("周老师", "测评室")],
    "G009": [("孙老师", "用人单位服务窗口")],
}
HOURS = ((9, 0, 11, 30), (14, 0, 17, 0))
GROUP = {"weekdays": (1, 3), "at": (14, 30), "capacity": 20}       # Tuesday, Thursday
ASSESSMENT = {"weekdays": (0, 2, 4), "at": (9, 30), "capacity": 6}  # Mon, Wed, Fri


def make_services() -> list[dict[str, Any]]:
    out = []
    for sid, name, desc, dur, loc, kind, audience, bring in SERVICES:
        capacity = {"group": GROUP["capacity"], "assessment": ASSESSMENT["capacity"]}
        out.append({"id": sid, "name": name, "description": desc, "duration_min": dur,
                    "location": loc, "kind": kind, "capacity": capacity.get(kind, 1),
                    "audience": audience, "bring": bring})
    return out


def _day_slots(service: dict[str, Any], day: dt.date) -> list[tuple[str, dt.datetime,
                                                                    dt.datetime]]:
    """(id stem, start, end) of one day: back-to-back for one-to-one services, one
    session for a group or an assessment on its weekdays."""
    step = dt.timedelta(minutes=service["duration_min"])
    kind = service["kind"]
    if kind in ("group", "assessment"):
        rule = GROUP if kind == "group" else ASSESSMENT
        if day.weekday() not in rule["weekdays"]:
            return []
        start = dt.datetime.combine(day, dt.time(*rule["at"]), LOCAL)
        return [(f"{service['id']}-{start:%Y%m%d%H%M}", start, start + step)]
    out = []
    for h0, m0, h1, m1 in HOURS:
        start = dt.datetime.combine(day, dt.time(h0, m0), LOCAL)
        end = dt.datetime.combine(day, dt.time(h1, m1), LOCAL)
        while start + step <= end:
            out.append((f"{service['id']}-{start:%Y%m%d%H%M}", start, start + step))
            start += step
    return out


def _priority(service_id: str, start: dt.datetime) -> str | None:
    """Key-group slots: the employment-assistance window's afternoons, and the last
    one-to-one guidance slot of each day."""
    if service_id == "G005" and start.hour >= 14:
        return "key_groups"
    if service_id == "G001" and start.hour == 16 and start.minute == 30:
        return "key_groups"
    return None


def _booked(rng: random.Random, kind: str, capacity: int) -> int:
    if kind == "one_to_one":
        return 1 if rng.random() < 0.3 else 0
    return rng.randint(0, capacity - 3)


def make_slots(seed: int, today: dt.date, days: int = 14) -> list[tuple[Any, ...]]:
    """Rows (id, service_id, counsellor, starts_at, ends_at, capacity, booked, kind,
    room, priority, starts_utc), weekdays only, from tomorrow."""
    rng = random.Random(seed + 3)
    rows = []
    for service in make_services():
        for number, (counsellor, room) in enumerate(STAFF[service["id"]], start=1):
            suffix = "" if number == 1 else f"-{number}"
            for offset in range(1, days + 1):
                day = today + dt.timedelta(days=offset)
                if day.weekday() >= 5:
                    continue
                for stem, start, end in _day_slots(service, day):
                    cap, kind = service["capacity"], service["kind"]
                    rows.append((stem + suffix, service["id"], counsellor, start.isoformat(),
                                 end.isoformat(), cap, _booked(rng, kind, cap), kind, room,
                                 _priority(service["id"], start),
                                 start.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")))
    return rows


# the desk's rows, as the demo data and a script's desk add them (ids are random: a
# second load of the same rows leaves the first in place)
DESK_ROWS_SQL = ("INSERT INTO appointments(id, slot_id, service_id, data, status, created_at, "
                 "updated_at, device_id, holder, booker, no_show_at) "
                 "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING")


def desk_appointments(slots: list[tuple[Any, ...]], seed: int, stamp: str
                      ) -> list[tuple[Any, ...]]:
    """An appointment row for every seat the demo slots count as taken at the desk.

    A seat counted in slots.booked without a row would break the rule the platform
    keeps everywhere else — a slot's count equals its live appointments — and staff
    could not serve or a sweep mark those visitors. Desk rows hold no person: no
    id_hash, no sealed data, their own holder each, booker 'desk', no reminders (the
    desk has no phone number to send them to). Rows (id, slot_id, service_id, data,
    status, created_at, updated_at, device_id, holder, booker, no_show_at).
    """
    from central.guidance.window import grace_end

    rng = random.Random(seed + 5)
    rows = []
    for slot_id, service_id, _c, starts_at, _e, _cap, booked, *_rest in slots:
        for _ in range(booked):
            appt_id = f"A-{rng.getrandbits(64):016x}"
            rows.append((appt_id, slot_id, service_id, "", "booked", stamp, stamp, "desk",
                         f"desk:{appt_id}", "desk", grace_end(starts_at)))
    return rows
