"""The kiosk's cut of Kivy's style sheet keeps every rule a screen needs."""

from __future__ import annotations

from pathlib import Path

from kiosk_command.kivy_data import kivy_source_data, prepare_data_dir, trimmed_style


def _selectors(text: str) -> set[str]:
    return {line.split(">")[0].lstrip("<") for line in text.splitlines() if line.startswith("<")}


def test_the_cut_keeps_the_widgets_the_screens_use_and_the_directives() -> None:
    cut = trimmed_style((kivy_source_data() / "style.kv").read_text(encoding="utf-8"))
    kept = _selectors(cut)
    for needed in ("Label", "-Button,-ToggleButton", "Image,AsyncImage", "ScrollView",
                   "ModalView", "StencilView", "ScreenManager", "Switch", "RelativeLayout"):
        assert needed in kept
    assert not any(s.startswith(("FileChooser", "Setting", "Action", "VideoPlayer"))
                   for s in kept)
    assert cut.startswith("#:kivy")
    assert "#:import kivy kivy" in cut


def test_a_dropped_rule_ends_at_the_next_rule_or_directive() -> None:
    text = ("#:kivy 1.0\n<Label>:\n    a: 1\n<FileChooserListView>:\n    b: 2\n"
            "[FileListEntry@FloatLayout]:\n    c: 3\n#:import os os\n<Popup>:\n    d: 4\n")
    assert trimmed_style(text) == ("#:kivy 1.0\n<Label>:\n    a: 1\n#:import os os\n"
                                   "<Popup>:\n    d: 4\n")


def test_the_data_folder_is_made_once_with_kivys_own_files(tmp_path: Path) -> None:
    first = prepare_data_dir(tmp_path)
    assert prepare_data_dir(tmp_path) == first
    assert (first / "glsl").resolve() == (kivy_source_data() / "glsl").resolve()
    assert (first / "style.kv").stat().st_size < (kivy_source_data() / "style.kv").stat().st_size
    assert [p.name for p in tmp_path.iterdir()] == [first.name]
