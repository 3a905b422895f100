"""What leaves the terminal for the fleet console: checked again for personal data.

Log lines are scrubbed when written; before an upload they are checked once more
for the shapes of an ID number, a mobile number and a Chinese name (the logs are
written in English, so any run of Han characters is blanked), in case a library
logged something the product's own code never would.
"""

from __future__ import annotations

import re

from kiosk.logs import scrub

_PHONE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_LONG_DIGITS = re.compile(r"(?<!\d)\d{15,}(?!\d)")


def clean_line(line: str) -> tuple[str, int]:
    """The line without personal-data shapes, and how many were blanked."""
    scrubbed = scrub(line)
    ids, line = int(scrubbed != line), scrubbed
    line, phones = _PHONE.subn(r"\1****\2", line)
    line, names = _HAN.subn("〇", line)
    line, digits = _LONG_DIGITS.subn("#", line)
    return line, ids + phones + names + digits


def clean_lines(lines: list[str]) -> tuple[list[str], int]:
    """Every line cleaned, and the number of shapes blanked in all."""
    out, blanked = [], 0
    for line in lines:
        text, n = clean_line(line[:4000])
        out.append(text)
        blanked += n
    return out, blanked
