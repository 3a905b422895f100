"""Kivy screens: show what the core says, hold no business rules."""
