"""Which voice says an utterance: a recording, espeak-ng, the Chinese fallback, or none.

A pack's recording wins when it holds the exact text (that is how a centre
replaces the synthetic voice); Tibetan has only recordings, and a prompt with
none is said by the Chinese voice in a bilingual hall, or not at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
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
    part: int = 0         # a synthesised message is said sentence by sentence: 0 opens it


# a synthesised message is made and played one sentence at a time: the first sound
# comes after its first sentence is made, not the whole message
_SENTENCE = re.compile(r"(?<=[。！？!?])|(?<=\.)\s+")


def sentences(text: str) -> list[str]:
    """text cut after each sentence's end, empty pieces dropped."""
    return [part.strip() for part in _SENTENCE.split(text) if part and part.strip()]


class VoiceChooser:
    """Turns an utterance into a clip with the voice that should say it."""

    def __init__(self, espeak: Espeak, packs: Mapping[str, PromptPack], catalog: Catalog,
                 bilingual: bool) -> None:
        self.espeak, self.packs, self.catalog = espeak, dict(packs), catalog
        self.bilingual = bilingual

    def parts(self, u: Utterance, slow: bool) -> Iterator[tuple[Clip, Heard]] | None:
        """The clips that say u, made one by one as they are played; None when no voice
        can say it (Tibetan without a recording in a hall that is not bilingual)."""
        pack = self.packs.get(u.lang)
        recorded = pack.clip(u.key, u.text) if pack is not None and u.static else None
        if recorded is not None:
            return iter([(recorded, Heard(u.key, u.lang, "pack", u.text))])
        if self.espeak.speaks(u.lang):
            return self._synth(u.key, u.text, u.lang, slow, "espeak")
        if self.bilingual:
            zh = self.catalog.text(u.key, "zh", **dict(u.values))
            return self._synth(u.key, zh, "zh", slow, "fallback")
        return None

    def _synth(self, key: str, text: str, lang: str, slow: bool,
               source: str) -> Iterator[tuple[Clip, Heard]]:
        voice = Voice(lang, slow)
        for i, sentence in enumerate(sentences(normalise(text, lang))):
            yield self.espeak.clip(sentence, voice, key), Heard(key, lang, source, sentence, i)
