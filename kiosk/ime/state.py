"""What the on-screen keyboard is composing: letters typed, candidates, picks.

The keyboard widget is a thin view over this: it forwards key presses, shows
`composing` and `candidates`, and inserts whatever text a call returns into the
field being edited. Keeping the rules here lets them be tested without a screen.
"""

from __future__ import annotations

from typing import Protocol

from kiosk.ime.engine import Candidate


class Lookup(Protocol):
    def lookup(self, typed: str, limit: int = 10) -> list[Candidate]: ...


class ImeState:
    """Composition of one text field: type letters, pick words, commit text."""

    def __init__(self, engine: Lookup, limit: int = 30) -> None:
        self.engine = engine
        self.limit = limit
        self.composing = ""
        self._cached: tuple[str, list[Candidate]] | None = None

    @property
    def candidates(self) -> list[Candidate]:
        """Ranked candidates for what is being composed (empty when nothing is)."""
        if not self.composing:
            return []
        if self._cached is None or self._cached[0] != self.composing:
            self._cached = (self.composing, self.engine.lookup(self.composing, self.limit))
        return self._cached[1]

    def type(self, key: str) -> str:
        """Add a key; returns text to commit at once (a digit typed with nothing composing)."""
        if not key:
            return ""
        if self.composing or key.isascii() and key.isalpha():
            self.composing += key
            return ""
        return key

    def backspace(self) -> bool:
        """Remove the last composed key; False when there was none (delete in the field)."""
        if not self.composing:
            return False
        self.composing = self.composing[:-1]
        return True

    def pick(self, index: int) -> str:
        """Commit candidate `index`; the letters it covers leave the composition."""
        candidates = self.candidates
        if not 0 <= index < len(candidates):
            return ""
        chosen = candidates[index]
        self.composing = self.composing[chosen.consumed:].lstrip("'")
        return chosen.text

    def commit_raw(self) -> str:
        """Commit the composed keys as typed (the Enter key): Latin text, codes, numbers."""
        text, self.composing = self.composing, ""
        return text

    def clear(self) -> None:
        """Drop the composition (the field lost focus or the visitor's session ended)."""
        self.composing = ""
        self._cached = None
