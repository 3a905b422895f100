"""Demo job fairs of all three kinds: on-site, online and live-stream."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

THEMES = ["春风行动专场招聘会", "高校毕业生就业服务月招聘会", "退役军人专场招聘会",
          "就业援助月专场招聘会", "民营企业招聘月", "家政服务专场招聘会",
          "新就业形态劳动者专场", "先进制造业专场招聘会", "现代服务业专场招聘会",
          "乡村振兴专场招聘会", "百日千万网络招聘专项行动", "残疾人就业专场招聘会"]
VENUES = ["成都人才市场一楼大厅（锦江区东大街99号）", "武侯区公共就业服务中心二楼",
          "新都区人力资源市场", "双流区就业服务中心广场", "郫都区创业孵化园报告厅"]
ONLINE = ["成都公共招聘网", "天府就业小程序", "四川公共招聘网"]
STREAMS = ["天府就业视频号直播间", "成都就业抖音直播间", "四川人社快手直播间"]
KINDS = ("onsite", "online", "livestream")
LOCAL = dt.timezone(dt.timedelta(hours=8))


def make_fair(n: int, rng: random.Random, today: dt.date) -> dict[str, Any]:
    kind = KINDS[n % 3]
    day = today + dt.timedelta(days=rng.randint(-5, 42))
    hour = {"onsite": 9, "online": 10, "livestream": 15}[kind]
    starts = dt.datetime.combine(day, dt.time(hour, 0), LOCAL)
    platform = {"onsite": "现场", "online": rng.choice(ONLINE),
                "livestream": rng.choice(STREAMS)}[kind]
    companies = rng.randint(30, 220) if kind != "livestream" else rng.randint(5, 20)
    return {
        "id": f"F{n:05d}", "kind": kind, "theme": f"{day.year}年{rng.choice(THEMES)}",
        "platform": platform, "venue": rng.choice(VENUES) if kind == "onsite" else "",
        "starts_at": starts.isoformat(),
        "duration_min": {"onsite": 210, "online": 7 * 24 * 60, "livestream": 90}[kind],
        "companies": companies, "posts": companies * rng.randint(3, 12),
        "url": f"https://jobs.example.cn/fairs/F{n:05d}",
    }


def make_fairs(count: int, seed: int, today: dt.date) -> list[dict[str, Any]]:
    rng = random.Random(seed + 1)
    return [make_fair(n, rng, today) for n in range(1, count + 1)]
