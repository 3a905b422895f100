"""Numbers as words: Chinese counting (四千一百), digit by digit (幺三八…), English digits.

Chinese reads a count with units (千, 百, 十, 万) and a phone or a year digit by
digit; a phone's 1 is said 幺 so that it is not heard as 七.
"""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"
_SMALL_UNITS = ("", "十", "百", "千")
_BIG_UNITS = ("", "万", "亿", "万亿")


def _below_10000(n: int) -> str:
    """0 < n < 10000 with zeros in the middle said once (四千零五十)."""
    out, zero = "", False
    for power in (3, 2, 1, 0):
        digit = n // 10 ** power % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += DIGITS[digit] + _SMALL_UNITS[power]
    return out


def zh_count(n: int) -> str:
    """A whole number as it is counted: 4100 → 四千一百, 15 → 十五, 20000 → 两万."""
    if n < 0:
        return "负" + zh_count(-n)
    if n == 0:
        return "零"
    groups: list[int] = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    out = ""
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            continue
        if out and g < 1000:
            out += "零"
        out += _below_10000(g) + _BIG_UNITS[i]
    if out.startswith("一十"):
        out = out[1:]
    if out[:2] in ("二千", "二万", "二亿", "二百") and out[1:2] != "百":
        out = "两" + out[1:]
    return out


def zh_decimal(text: str) -> str:
    """"3.5" → 三点五."""
    whole, _, frac = text.partition(".")
    said = zh_count(int(whole or "0"))
    return said + ("点" + "".join(DIGITS[int(d)] for d in frac) if frac else "")


def zh_digits(text: str, phone: bool = False) -> str:
    """Every digit on its own (年份 二〇二六, phones 幺三八…)."""
    table = DIGITS.replace("零", "〇") if not phone else DIGITS.replace("一", "幺")
    return "".join(table[int(c)] if c.isdigit() else "" for c in text)


def en_digits(text: str) -> str:
    """Digits spaced so espeak-ng says each one."""
    return " ".join(c for c in text if c.isdigit())
