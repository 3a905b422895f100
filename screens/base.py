"""The base of every screen: a name, a kv file, and a reset for session end."""

from __future__ import annotations

from kivy.uix.screenmanager import Screen


class KioskScreen(Screen):
    """A screen that forgets everything about the visitor on reset()."""

    def reset(self) -> None:
        """Drop visitor data (form fields, search text, scroll positions)."""
        for child in self.walk(restrict=True):
            if child is self:
                continue
            if hasattr(child, "scroll_y"):
                child.scroll_y = 1
            forget = getattr(child, "forget", None)
            if callable(forget):
                forget()          # a KeyField: text, composition and input state
