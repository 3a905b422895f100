"""Text as it should be heard: numbers, money, dates, times and phones in words.

Done before synthesis (and before a pack's hash, which keys the written text),
so "4100-5600元/月" is heard as 每月四千一百到五千六百元 rather than digits and a
dash. Chinese gets words; English keeps digits (espeak-ng reads those well) with
ranges, units, dates and phones rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kiosk.speech.numbers import en_digits, zh_count, zh_decimal, zh_digits

_NUM = r"\d+(?:\.\d+)?"
_DASH = r"\s*(?:-|~|～|–|—|至|到)\s*"
_PER_ZH = {"月": "每月", "天": "每天", "日": "每天", "时": "每小时", "小时": "每小时",
           "年": "每年", "周": "每周"}
_PER_EN = {"月": "a month", "天": "a day", "日": "a day", "时": "an hour", "小时": "an hour",
           "年": "a year", "周": "a week"}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")

MONEY_RANGE = re.compile(rf"({_NUM}){_DASH}({_NUM})\s*(千|万|k|K)?\s*元\s*(?:/|每)\s*"
                         r"(小时|月|天|日|时|年|周)")
MONEY_PER = re.compile(rf"({_NUM})\s*(千|万|k|K)?\s*元\s*(?:/|每)\s*(小时|月|天|日|时|年|周)")
ISO_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
ZH_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
TIME = re.compile(r"(?<!\d)([01]?\d|2[0-3]):([0-5]\d)(?!\d)")
PHONE = re.compile(r"(?<!\d)(1[3-9]\d{9}|400-?\d{3}-?\d{4}|0\d{2,3}-\d{7,8}|12345)(?!\d)")
LONG_DIGITS = re.compile(r"\d{7,}[\dXx]?")
PERCENT = re.compile(rf"({_NUM})\s*%")
RANGE = re.compile(rf"({_NUM}){_DASH}({_NUM})")
NUMBER = re.compile(_NUM)


def _scaled(value: str, scale: str | None) -> str:
    """"4.5" with 千 → "4500"; without a scale as it is."""
    factor = {"千": 1000, "k": 1000, "K": 1000, "万": 10000}.get(scale or "", 1)
    if factor == 1:
        return value
    return str(int(round(float(value) * factor)))


def _zh_num(text: str) -> str:
    return zh_decimal(text) if "." in text else zh_count(int(text))


def _zh_rules() -> list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]]:
    return [
        (MONEY_RANGE, lambda m: f"{_PER_ZH[m[4]]}{_zh_num(_scaled(m[1], m[3]))}到"
                                f"{_zh_num(_scaled(m[2], m[3]))}元"),
        (MONEY_PER, lambda m: f"{_PER_ZH[m[3]]}{_zh_num(_scaled(m[1], m[2]))}元"),
        (ZH_DATE, lambda m: f"{zh_digits(m[1])}年{zh_count(int(m[2]))}月{zh_count(int(m[3]))}日"),
        (ISO_DATE, lambda m: f"{zh_digits(m[1])}年{zh_count(int(m[2]))}月{zh_count(int(m[3]))}日"),
        (TIME, lambda m: f"{zh_count(int(m[1]))}点" + (f"{zh_count(int(m[2]))}分"
                                                       if int(m[2]) else "整")),
        (PHONE, lambda m: zh_digits(m[1], phone=True)),
        (LONG_DIGITS, lambda m: zh_digits(m[0]) + ("叉" if m[0][-1] in "Xx" else "")),
        (PERCENT, lambda m: "百分之" + _zh_num(m[1])),
        (RANGE, lambda m: f"{_zh_num(m[1])}到{_zh_num(m[2])}"),
        (NUMBER, lambda m: _zh_num(m[0])),
    ]


def _en_rules() -> list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]]:
    return [
        (MONEY_RANGE, lambda m: f"{_scaled(m[1], m[3])} to {_scaled(m[2], m[3])} yuan "
                                f"{_PER_EN[m[4]]}"),
        (MONEY_PER, lambda m: f"{_scaled(m[1], m[2])} yuan {_PER_EN[m[3]]}"),
        (ZH_DATE, lambda m: f"{int(m[3])} {_MONTHS[int(m[2]) - 1]} {m[1]}"),
        (ISO_DATE, lambda m: f"{int(m[3])} {_MONTHS[int(m[2]) - 1]} {m[1]}"),
        (PHONE, lambda m: en_digits(m[1])),
        (LONG_DIGITS, lambda m: en_digits(m[0]) + (" X" if m[0][-1] in "Xx" else "")),
        (RANGE, lambda m: f"{m[1]} to {m[2]}"),
        (re.compile(r"元"), lambda m: " yuan"),
    ]


_RULES = {"zh": _zh_rules(), "en": _en_rules()}


def normalise(text: str, lang: str) -> str:
    """text with its numbers, money, dates, times and phones as words of lang.

    The rules run in order and each one's output holds no digits, so a later,
    looser rule (a bare number) never re-reads what an earlier one said.
    """
    for pattern, said in _RULES.get(lang, []):
        text = pattern.sub(said, text)
    return text
