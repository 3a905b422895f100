"""The one masking helper for identity numbers shown on screen or paper.

GB/T 35273 asks for minimum exposure: the first six characters (region) and the
last four stay visible so a visitor recognises their own number; the rest are
stars. Used by the reader CLI, the screens and every receipt.
"""


def mask_number(number: str, head: int = 6, tail: int = 4) -> str:
    """Mask an ID or permit number, e.g. 110105********1234."""
    number = number.strip()
    if len(number) <= head + tail:
        return "*" * len(number)
    return number[:head] + "*" * (len(number) - head - tail) + number[-tail:]


def mask_name(name: str) -> str:
    """Mask a personal name: keep the first character, e.g. 张** ."""
    name = name.strip()
    if len(name) <= 1:
        return name
    return name[0] + "*" * (len(name) - 1)
