"""The appointment's life as an explicit machine.

booked ──check_in──▶ checked_in ──serve──▶ served
  │ └──no_show (the sweep, after the grace period)──▶ no_show
  └──cancel──▶ cancelled          (move keeps booked: same appointment, another slot)

Every other step is refused with a 409 whose code says where the appointment stands,
so a terminal can tell the visitor what happened instead of "not possible".
"""

from __future__ import annotations

from central.errors import ApiError

STATES = ("booked", "checked_in", "served", "no_show", "cancelled")
LIVE = ("booked", "checked_in")          # states that hold a seat
ACTIONS: dict[str, tuple[tuple[str, ...], str]] = {
    # action: (states it may start from, state it leads to)
    "check_in": (("booked",), "checked_in"),
    "serve": (("checked_in",), "served"),
    "no_show": (("booked",), "no_show"),
    "cancel": (("booked",), "cancelled"),
    "move": (("booked",), "booked"),
}
# the refusal code for an action tried from a state it cannot start from
_BY_STATE = {"checked_in": "already_checked_in", "served": "already_served",
             "no_show": "no_show", "cancelled": "cancelled", "booked": "not_checked_in"}
_OVERRIDES = {("check_in", "no_show"): "too_late"}


def next_state(action: str, current: str) -> str:
    """The state action leads to from current; ApiError 409 when it may not."""
    sources, target = ACTIONS[action]
    if current in sources:
        return target
    code = _OVERRIDES.get((action, current)) or _BY_STATE.get(current, "not_booked")
    raise ApiError(409, code, f"cannot {action.replace('_', ' ')}: the appointment is "
                              f"{current.replace('_', ' ')}", state=current)


def releases_seat(state: str) -> bool:
    """Whether reaching this state gives the seat back (a cancelled booking's seat is
    free for someone else; a no-show's session has begun, so there is nothing to free)."""
    return state == "cancelled"
