"""Configuration profiles and a terminal's overrides: merged, with a version that only grows."""

from __future__ import annotations

import pytest

from central.db import connect
from central.errors import CentralError
from central.fleetconfig import assign, effective, set_overrides, set_profile


def test_profile_then_own_overrides_and_a_version_that_never_goes_back(tmp_path) -> None:
    conn = connect(tmp_path / "c.sqlite3")
    assert effective(conn, "t1") == (0, {})
    set_profile(conn, "east", {"kiosk": {"hall_name": "东", "staff_desk": "2"}})
    set_profile(conn, "west", {"kiosk": {"hall_name": "西"}})
    v1 = assign(conn, "t1", "east")
    assert effective(conn, "t1") == (v1, {"kiosk": {"hall_name": "东", "staff_desk": "2"}})
    v2 = set_overrides(conn, "t1", {"kiosk": {"staff_desk": "9"}})
    assert effective(conn, "t1") == (v2, {"kiosk": {"hall_name": "东", "staff_desk": "9"}})
    v3 = assign(conn, "t1", "west")              # moved to an older profile: still newer
    assert v3 > v2 and effective(conn, "t1") == (v3, {"kiosk": {"hall_name": "西",
                                                                  "staff_desk": "9"}})
    v4 = set_profile(conn, "west", {"kiosk": {"hall_name": "西区"}})
    assert effective(conn, "t1")[0] == v4 > v3
    assert effective(conn, "t2") == (0, {})      # others untouched


def test_refusals_are_one_line(tmp_path) -> None:
    conn = connect(tmp_path / "c.sqlite3")
    with pytest.raises(CentralError, match="tables of keys"):
        set_overrides(conn, "t1", {"kiosk": 3})
    with pytest.raises(CentralError, match="no profile"):
        assign(conn, "t1", "nowhere")
