"""Kivy's data folder for the kiosk: its own files, with a style sheet cut to what we show.

Kivy parses its whole default style sheet (1,340 lines of rules for file
choosers, settings panels, action bars, video players...) when its language
module is imported, which is about 40 ms of every start on a terminal's CPU.
The kiosk shows none of those widgets, so it points Kivy at a folder in its
cache holding links to Kivy's own fonts, images and shaders and a copy of the
style sheet without their rules. The folder is named after the Kivy release
and the dropped set, so an upgrade of either builds a new one.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import tempfile
from pathlib import Path

# rules of widgets no screen of the kiosk uses (App.open_settings is disabled too)
DROPPED = ("Bubble", "Splitter", "EffectWidget", "TabbedPanel", "StripLayout", "Selector",
           "CodeInput", "TreeView", "FileChooser", "Spinner", "Action", "Accordion",
           "Setting", "Interface", "Menu", "ContentPanel", "VideoPlayer", "ColorPicker",
           "ColorWheel", "FileListEntry", "FileIconEntry")
_DROP = re.compile("-?(" + "|".join(DROPPED) + ")")


def kivy_source_data() -> Path:
    """Kivy's own data folder, found without importing Kivy (that would read it)."""
    spec = importlib.util.find_spec("kivy")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("Kivy is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def trimmed_style(text: str) -> str:
    """text without the rules whose selector names only dropped widgets."""
    out: list[str] = []
    keep = True
    for line in text.splitlines(keepends=True):
        if line[:1] in ("<", "["):       # a rule or a template starts
            names = re.split(r"[>\]]", line[1:], maxsplit=1)[0].split(",")
            keep = not all(_DROP.match(name.strip()) for name in names)
        elif line.startswith("#:"):
            keep = True                  # a directive such as #:import applies to all
        if keep:
            out.append(line)
    return "".join(out)


def prepare_data_dir(cache: Path) -> Path:
    """The kiosk's Kivy data folder under cache, made once per Kivy style sheet."""
    source = kivy_source_data()
    style = (source / "style.kv").read_text(encoding="utf-8")
    key = hashlib.sha256((style + repr(DROPPED)).encode()).hexdigest()[:12]
    target = cache / f"kivy-data-{key}"
    if (target / "style.kv").is_file():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix="kivy-data-", dir=cache))
    for entry in source.iterdir():
        if entry.name != "style.kv":
            (building / entry.name).symlink_to(entry)
    (building / "style.kv").write_text(trimmed_style(style), encoding="utf-8")
    try:
        os.rename(building, target)      # atomic; several kiosks may start at once
    except OSError:
        if not (target / "style.kv").is_file():
            raise
        for entry in building.iterdir():
            entry.unlink()
        building.rmdir()
    return target
