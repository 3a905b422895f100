"""The terminal's icons: one Material Icons glyph per meaning.

An icon beside a word helps a visitor who reads slowly, or reads neither script on
the glass, find the same action on every screen: the house is always "home", the
door always "finish". The glyphs come from Debian's fonts-material-design-icons-
iconfont (Apache-2.0): one font file, drawn like text, so an icon takes the label's
colour and size and needs no picture per theme. Only meanings are named here; which
widget shows which icon is said in the screens' rules.
"""

from __future__ import annotations

ICON_FONT = "KioskIcons"
ICON_FONT_IN_TIBETAN = "KioskIconsTibt"     # the same glyphs on a Tibetan line's baseline

# meaning -> code point in MaterialIcons-Regular.ttf (the font's own codepoints list)
_CODES: dict[str, int] = {
    "home": 0xE88A,
    "back": 0xE5C4,
    "end": 0xE9BA,            # logout: a door with an arrow out
    "staff": 0xF0E2,          # support_agent
    "phone": 0xE0CD,
    "time_left": 0xE88B,      # hourglass
    "clock": 0xE8B5,
    "print": 0xE8AD,
    "qr": 0xEF6B,
    "voice": 0xE91F,
    "voice_missing": 0xE94A,  # voice_over_off: this language has no voice here
    "repeat": 0xE042,         # replay
    "search": 0xE8B6,
    "check": 0xE5CA,
    "text_size": 0xEAE2,      # text_increase: the large-text 长辈版 and back
    "tile.registration": 0xEA67,   # badge
    "tile.jobs": 0xE8F9,           # work
    "tile.guidance": 0xEA4A,       # psychology
    "tile.assessment": 0xF04C,     # quiz
    "tile.policies": 0xEA19,       # menu_book
    "tile.complaints": 0xE87F,     # feedback
    "tile.notice": 0xEF49,         # campaign
    "tile.fairs": 0xEA12,          # storefront
}


def glyph(name: str) -> str:
    """The character that draws the icon for name; "" for a meaning without one
    (a flow added later shows its tile without an icon rather than a wrong one)."""
    code = _CODES.get(name)
    return chr(code) if code is not None else ""


def is_icon(ch: str) -> bool:
    """Whether ch is one of the font's glyphs (Unicode's private use area)."""
    return "\ue000" <= ch <= "\uf8ff"
