"""The audio seam: the simulator's WAV files and faults, the ALSA driver's errors."""

from __future__ import annotations

import json
import threading
import wave

import pytest

from devices.audio.aplay import AplayOutput
from devices.audio.errors import AudioBusy, AudioError, AudioUnplugged
from devices.audio.pcm import Clip, read_wav, wav_bytes
from devices.audio.simulator import SimulatedAudio
from kiosk.clock import FakeClock
from tests.voice.helpers import tone


def test_simulator_writes_each_clip_in_order_with_the_clock(tmp_path) -> None:
    clock = FakeClock()
    sim = SimulatedAudio(tmp_path, clock)
    sim.play(tone(440, 0.5, label="a"), threading.Event())
    clock.advance(2)
    sim.play(tone(660, 0.25, label="b"), threading.Event())
    assert [p.label for p in sim.played] == ["a", "b"]
    assert sim.played[1].at - sim.played[0].at == 2
    with wave.open(str(tmp_path / "0000.wav")) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 16000)
        assert w.getnframes() == 8000
    journal = json.loads((tmp_path / "journal.json").read_text())
    assert [j["seconds"] for j in journal] == [0.5, 0.25]


def test_simulator_faults(tmp_path) -> None:
    sim = SimulatedAudio(tmp_path, FakeClock())
    sim.set_fault("unplugged")
    with pytest.raises(AudioUnplugged):
        sim.play(tone(440, 0.1), threading.Event())
    sim.set_fault("busy")
    with pytest.raises(AudioBusy):
        sim.play(tone(440, 0.1), threading.Event())
    sim.set_fault("none")
    sim.play(tone(440, 0.1), threading.Event())
    assert len(sim.played) == 1
    with pytest.raises(ValueError, match="unknown"):
        sim.set_fault("melted")


def test_a_stopped_clip_is_not_played(tmp_path) -> None:
    sim = SimulatedAudio(tmp_path, FakeClock())
    stop = threading.Event()
    stop.set()
    sim.play(tone(440, 0.1), stop)
    assert sim.played == []


def test_wav_round_trip_and_wrong_format() -> None:
    clip = tone(440, 0.1)
    assert read_wav(wav_bytes(clip)).pcm == clip.pcm
    with pytest.raises(ValueError, match="not a WAV"):
        read_wav(b"hello")


def test_aplay_without_a_sound_card_is_an_audio_error() -> None:
    out = AplayOutput(device="hw:97,0")
    with pytest.raises(AudioError):
        out.play(Clip(b"\0\0" * 2000, 16000), threading.Event())


def test_aplay_missing_is_unplugged() -> None:
    with pytest.raises(AudioUnplugged, match="not found"):
        AplayOutput(program="no-such-aplay").play(Clip(b"\0\0", 8000), threading.Event())


def test_aplay_plays_into_alsas_null_device() -> None:
    assert AplayOutput(device="null").play(tone(440, 0.2), threading.Event()) is True
    stop = threading.Event()
    stop.set()
    assert AplayOutput(device="null").play(tone(440, 0.2), stop) is False


def test_simulator_counts_two_voices_at_once(tmp_path) -> None:
    sim = SimulatedAudio(tmp_path, FakeClock())
    with sim._busy:                  # a clip is playing; another thread starts one
        t = threading.Thread(target=sim.play, args=(tone(440, 0.05), threading.Event()))
        t.start()
        t.join(0.2)
    t.join()
    assert sim.overlaps == 1
