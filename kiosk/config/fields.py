"""Declarative constraints on settings fields and their checking.

Constraints live in dataclass field metadata so a section is one readable
dataclass and every error names key, value and what is allowed.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, Literal, get_args, get_origin

from kiosk.errors import ConfigError


def setting(default: Any, *, minimum: float | None = None, maximum: float | None = None,
            doc: str = "") -> Any:
    """A settings field with optional numeric bounds and a one-line description."""
    meta = {"min": minimum, "max": maximum, "doc": doc}
    if isinstance(default, (list, dict)):
        return dataclasses.field(default_factory=lambda: type(default)(default), metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


def _fail(key: str, value: Any, allowed: str) -> ConfigError:
    return ConfigError(f"config: {key} = {value!r} is not allowed; allowed: {allowed}")


def check_value(key: str, value: Any, hint: Any, meta: typing.Mapping[str, Any]) -> Any:
    """Return value coerced to hint, or raise ConfigError naming the key."""
    origin = get_origin(hint)
    if origin is Literal:
        choices = get_args(hint)
        if value not in choices:
            raise _fail(key, value, ", ".join(repr(c) for c in choices))
        return value
    if origin in (types.UnionType, typing.Union):
        return _check_optional(key, value, hint, meta)
    if origin is list:
        return _check_list(key, value, get_args(hint)[0])
    if origin is dict:
        return _check_dict(key, value, get_args(hint)[1])
    return _check_scalar(key, value, hint, meta)


def _check_optional(key: str, value: Any, hint: Any, meta: Any) -> Any:
    args = [a for a in get_args(hint) if a is not type(None)]
    if value is None or value == "":
        return None
    return check_value(key, value, args[0], meta)


def _check_list(key: str, value: Any, item: Any) -> list[Any]:
    if not isinstance(value, list):
        raise _fail(key, value, f"a list of {item.__name__}")
    return [check_value(f"{key}[{i}]", v, item, {}) for i, v in enumerate(value)]


def _check_dict(key: str, value: Any, item: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(key, value, "a table")
    return {k: check_value(f"{key}.{k}", v, item, {}) for k, v in value.items()}


def _check_scalar(key: str, value: Any, hint: Any, meta: Any) -> Any:
    if hint is bool:
        if not isinstance(value, bool):
            raise _fail(key, value, "true or false")
        return value
    if hint in (int, float):
        return _check_number(key, value, hint, meta)
    if hint is str:
        if not isinstance(value, str):
            raise _fail(key, value, "a text string")
        return value
    raise _fail(key, value, f"a {getattr(hint, '__name__', hint)}")


def _check_number(key: str, value: Any, hint: type, meta: Any) -> Any:
    ok = isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        ok = ok or isinstance(value, float)
    lo, hi = meta.get("min"), meta.get("max")
    span = f"{'an integer' if hint is int else 'a number'}"
    if lo is not None or hi is not None:
        span += f" from {lo if lo is not None else '-inf'} to {hi if hi is not None else 'inf'}"
    if not ok or (lo is not None and value < lo) or (hi is not None and value > hi):
        raise _fail(key, value, span)
    return hint(value)
