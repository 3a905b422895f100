"""Errors of the input method: the dictionary cannot be built or read."""

from kiosk.errors import KioskError


class ImeError(KioskError):
    """The pinyin dictionary is missing its sources or its cache is unusable."""

    exit_code = 4
