"""The console's refusals: one hierarchy, each with the words a person reads."""

from __future__ import annotations

from central.errors import CentralError


class ConsoleError(CentralError):
    """A console action refused (the message says why)."""

    exit_code = 2


class SignInRefused(ConsoleError):
    """Wrong name or password, or the account is locked for now."""


class Forbidden(ConsoleError):
    """The signed-in role may not do this."""


class BadForm(ConsoleError):
    """A form arrived without its CSRF token, or with fields out of shape."""
