"""No personal data of the test people in anything the terminal or the platform wrote."""

from __future__ import annotations

import random
from pathlib import Path

from devices.idcard.deck import SAMPLE_PHOTO
from tests.reliability.faults import Figures
from tests.reliability.people import person
from tests.reliability.pii import scan
from tests.reliability.soak import SoakFigures


def test_the_scanner_finds_each_form_and_passes_masked_ones(tmp_path: Path) -> None:
    who = person(random.Random(5))
    (tmp_path / "name.log").write_bytes(f"x {who.name} y".encode("utf-16-le"))
    (tmp_path / "number.db").write_bytes(b"\x00" + who.number.encode("gb18030"))
    (tmp_path / "phone-be").write_bytes(who.phone.encode("utf-16-be"))
    (tmp_path / "birth").write_text(f"生日 {who.birth_iso}，尾号 {who.number[-4:]}")
    (tmp_path / "photo.bin").write_bytes(b"head" + SAMPLE_PHOTO[:400])
    (tmp_path / "masked.log").write_text(f"{who.number[:6]}********{who.number[-4:]} "
                                         f"{who.phone[:3]}****{who.phone[-4:]} {who.name[0]}**")
    hits, files = scan([tmp_path], [who])
    found = {(Path(h.path).name, h.what) for h in hits}
    assert files == 6
    assert {("name.log", "name"), ("number.db", "ID number"), ("phone-be", "phone"),
            ("birth", "birth date with last four"), ("photo.bin", "card photo")} <= found
    assert not [h for h in hits if Path(h.path).name == "masked.log"]


def test_the_fault_run_leaves_no_personal_data(fault_run: Figures) -> None:
    hits, files = scan([Path(fault_run.workdir)], fault_run.people)
    assert files >= 5
    assert [str(h) for h in hits] == []


def test_a_scripted_app_session_leaves_no_personal_data(soak_run: SoakFigures) -> None:
    hits, files = scan(soak_run.written(), soak_run.people)
    assert files >= 5
    assert [str(h) for h in hits] == []
