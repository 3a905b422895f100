"""Which voice says an utterance: a recording, espeak-ng, the Chinese fallback, or none.

A pack's recording wins when it holds the exact text (that is how a centre
replaces the synthetic voice); Tibetan has only recordings, and a prompt with
none is said by the Chinese voice in a bilingual hall, or not at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from devices.audio.pcm import Clip
from kiosk.speech.normalise import normalise
from kiosk.speech.pack import PromptPack
from kiosk.speech.plan import Catalog, Utterance
from kiosk.speech.synth import Espeak, Voice


@dataclass(frozen=True)
class Heard:
    """One utterance as it went to the speaker (the service's journal)."""

    key: str
    lang: str             # the language heard (zh for a Tibetan prompt said in Chinese)
    source: str           # "pack", "espeak" or "fallback"
    text: str             # the words as synthesised (normalised)


class VoiceChooser:
    """Turns an utterance into a clip with the voice that should say it."""

    def __init__(self, espeak: Espeak, packs: Mapping[str, PromptPack], catalog: Catalog,
                 bilingual: bool) -> None:
        self.espeak, self.packs, self.catalog = espeak, dict(packs), catalog
        self.bilingual = bilingual

    def clip(self, u: Utterance, slow: bool) -> tuple[Clip, Heard] | None:
        """The clip for u, or None when no voice can say it (Tibetan without a recording
        in a hall that is not bilingual)."""
        pack = self.packs.get(u.lang)
        recorded = pack.clip(u.key, u.text) if pack is not None and u.static else None
        if recorded is not None:
            return recorded, Heard(u.key, u.lang, "pack", u.text)
        if self.espeak.speaks(u.lang):
            return self._synth(u.key, u.text, u.lang, slow, "espeak")
        if self.bilingual:
            zh = self.catalog.text(u.key, "zh", **dict(u.values))
            return self._synth(u.key, zh, "zh", slow, "fallback")
        return None

    def _synth(self, key: str, text: str, lang: str, slow: bool,
               source: str) -> tuple[Clip, Heard]:
        said = normalise(text, lang)
        return self.espeak.clip(said, Voice(lang, slow), key), Heard(key, lang, source, said)
