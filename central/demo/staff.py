"""The demo service centre's employment service specialists (就业服务专员, B 5.3.1.3 c).

Every registration naming a key group gets one of them, chosen from the
visitor's id_hash so the same visitor always gets the same person (also after
an update, on any terminal). Names and numbers are invented; a real platform
keeps its staff in its own records.
"""

from __future__ import annotations

from typing import NamedTuple


class Specialist(NamedTuple):
    id: str
    name: str
    desk: str        # desk number in the service centre, shown as "desk N" in each language
    phone: str

    def public(self) -> dict[str, str]:
        """As the contract's Specialist shows it."""
        return {"name": self.name, "desk": self.desk, "phone": self.phone}


STAFF: tuple[Specialist, ...] = (
    Specialist("S01", "李秀英", "3", "028-61830301"),
    Specialist("S02", "王建国", "3", "028-61830302"),
    Specialist("S03", "陈静", "4", "028-61830401"),
    Specialist("S04", "杨志强", "4", "028-61830402"),
    Specialist("S05", "扎西卓玛", "5", "028-61830501"),
    Specialist("S06", "刘海燕", "5", "028-61830502"),
)
_BY_ID = {s.id: s for s in STAFF}


def choose(id_hash: str) -> Specialist:
    """The specialist for a visitor: stable for their id_hash, spread evenly over STAFF."""
    return STAFF[int(id_hash[:12], 16) % len(STAFF)]


def find(staff_id: str | None) -> Specialist | None:
    """The specialist stored for a visitor; None when none is (or they left the list)."""
    return _BY_ID.get(staff_id) if staff_id else None
