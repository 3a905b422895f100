"""Wiring voice guidance: the speaker (simulated WAV files, ALSA, or none) and the
speech service with the prompt packs found in voice.pack_dir."""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path
from typing import Any

from kiosk.core import KioskCore

log = logging.getLogger(__name__)


def audio_from(cfg: Any, data_dir: Path, clock: Any) -> Any:
    """The AudioOut the [voice] section asks for (None when voice is off)."""
    if cfg.driver == "none":
        return None
    if cfg.driver == "sim":
        from devices.audio.simulator import SimulatedAudio

        return SimulatedAudio(Path(cfg.sim_dir) if cfg.sim_dir else data_dir / "audio-sim",
                              clock)
    from devices.audio.aplay import AplayOutput

    return AplayOutput(cfg.device)


def packs_from(pack_dir: str) -> dict[str, Any]:
    """One PromptPack per language folder of pack_dir that holds a readable manifest."""
    from kiosk.speech.errors import PackError
    from kiosk.speech.pack import MANIFEST, PromptPack

    packs: dict[str, Any] = {}
    root = Path(pack_dir).expanduser() if pack_dir else None
    for lang in ("zh", "en", "bo"):
        folder = root / lang if root else None
        if folder is None or not (folder / MANIFEST).is_file():
            continue
        try:
            packs[lang] = PromptPack(folder)
        except PackError as exc:
            log.error("voice pack unusable", extra={"lang": lang, "cause": str(exc)})
    return packs


def build_speech(core: KioskCore, audio: Any) -> Any:
    """A started SpeechService for core over audio."""
    from kiosk.i18n import Translator
    from kiosk.speech.service import Options, SpeechService
    from kiosk.speech.synth import Espeak
    from kiosk.speech.voices import VoiceChooser

    cfg = core.settings.voice
    catalog = Translator.load()
    chooser = VoiceChooser(Espeak(), packs_from(cfg.pack_dir), catalog, cfg.bilingual_hall)
    options = Options(volume=cfg.volume, slow=cfg.slow, headset=cfg.headset)
    # what was said is kept where a simulated speaker is listened to, not on a terminal
    return SpeechService(audio, chooser, catalog, core.flows, core.clock, options,
                         journal=cfg.driver == "sim").start()


def attach(core: KioskCore, stack: contextlib.ExitStack) -> None:
    """Set core.speech (and core.simulators.audio for a simulated speaker)."""
    from devices.audio.simulator import SimulatedAudio

    cfg = core.settings.voice
    audio = audio_from(cfg, Path(core.settings.paths.data_dir).expanduser(), core.clock)
    if audio is None:
        return
    if isinstance(audio, SimulatedAudio):
        core.simulators.audio = audio
    speech = build_speech(core, audio)
    core.speech = speech
    stack.callback(speech.close)
    core.session.on_end(speech.stop)
