"""The composition root picks the speaker the configuration names and finds the packs."""

from __future__ import annotations

from kiosk.clock import FakeClock
from kiosk.config import load_settings
from kiosk.speech.pack import write_pack
from kiosk_command.wiring.speech import audio_from, packs_from
from tests.voice.helpers import tone


def _voice(**values):
    return load_settings(None, environ={}, overrides={"voice": values}).voice


def test_each_driver(tmp_path) -> None:
    from devices.audio.aplay import AplayOutput
    from devices.audio.simulator import SimulatedAudio

    sim = audio_from(_voice(driver="sim"), tmp_path, FakeClock())
    assert isinstance(sim, SimulatedAudio) and sim.folder == tmp_path / "audio-sim"
    real = audio_from(_voice(driver="alsa", device="hw:1,0"), tmp_path, FakeClock())
    assert isinstance(real, AplayOutput) and real.device == "hw:1,0"
    assert audio_from(_voice(driver="none"), tmp_path, FakeClock()) is None


def test_packs_per_language_folder(tmp_path) -> None:
    write_pack(tmp_path / "bo", "bo", {"voice.home": ("text", tone(440, 0.1))})
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "manifest.json").write_text("not json")      # logged, left out
    assert set(packs_from(str(tmp_path))) == {"bo"}
    assert packs_from("") == {}
