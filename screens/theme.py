"""The one place sizes and colours come from: normal and 长辈版 (elder) themes.

Sizes are chosen in design pixels of the 1080×1920 portrait layout and scaled
to the real window. The rules they must meet are physical (points and
millimetres at the configured DPI), so the theme also answers "how big is
this on the glass", and the tests measure the rendered widget tree with it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

DESIGN_WIDTH = 1080
DESIGN_HEIGHT = 1920

Colour = tuple[float, float, float, float]


@dataclass(frozen=True)
class Palette:
    """Colours; text/background pairs are picked to pass the contrast rules."""

    background: Colour
    surface: Colour
    text: Colour
    muted: Colour
    primary: Colour
    on_primary: Colour
    accent: Colour
    on_accent: Colour
    border: Colour
    disabled_text: Colour
    disabled: Colour           # the fill of an action that cannot be taken now
    warning: Colour            # notices that need attention but are not errors
    on_warning: Colour


NORMAL_PALETTE = Palette(
    background=(0.953, 0.961, 0.969, 1), surface=(1, 1, 1, 1), text=(0.11, 0.12, 0.14, 1),
    muted=(0.30, 0.32, 0.36, 1), primary=(0.03, 0.33, 0.62, 1), on_primary=(1, 1, 1, 1),
    accent=(0.70, 0.13, 0.09, 1), on_accent=(1, 1, 1, 1), border=(0.75, 0.78, 0.82, 1),
    disabled_text=(0.30, 0.31, 0.33, 1), disabled=(0.87, 0.88, 0.90, 1),
    warning=(0.55, 0.31, 0.0, 1), on_warning=(1, 1, 1, 1))

ELDER_PALETTE = Palette(
    background=(1, 1, 1, 1), surface=(1, 1, 1, 1), text=(0, 0, 0, 1),
    muted=(0.17, 0.17, 0.17, 1), primary=(0.0, 0.20, 0.45, 1), on_primary=(1, 1, 1, 1),
    accent=(0.55, 0.06, 0.03, 1), on_accent=(1, 1, 1, 1), border=(0.2, 0.2, 0.2, 1),
    disabled_text=(0.2, 0.2, 0.2, 1), disabled=(0.85, 0.85, 0.85, 1),
    warning=(0.42, 0.22, 0.0, 1), on_warning=(1, 1, 1, 1))


@dataclass(frozen=True)
class Theme:
    """Sizes in window pixels (design pixels × scale) and the palette."""

    elder: bool
    scale: float
    dpi: float
    physical_per_design: float
    palette: Palette
    small: float
    body: float
    heading: float
    title: float
    tile_title: float
    display: float            # one big figure: the time-out countdown
    target: float
    line_height: float
    pad: float
    gap: float
    radius: float

    def px(self, design: float) -> float:
        """Window pixels for a design-pixel length."""
        return design * self.scale

    def design(self, window_px: float) -> float:
        """Design pixels for a window-pixel length."""
        return window_px / self.scale

    def points(self, window_px: float) -> float:
        """Typographic points on the real screen for a font size in window pixels."""
        return self.design(window_px) * self.physical_per_design * 72.0 / self.dpi

    def millimetres(self, window_px: float) -> float:
        """Millimetres on the real screen for a window-pixel length."""
        return self.design(window_px) * self.physical_per_design * 25.4 / self.dpi

    def dp(self, window_px: float) -> float:
        """Density-independent pixels (1/160 inch) on the real screen."""
        return self.design(window_px) * self.physical_per_design * 160.0 / self.dpi


_NORMAL = dict(small=28, body=34, heading=50, title=60, tile_title=46, display=220, target=120,
               line_height=1.3, pad=36, gap=24, radius=18)
_ELDER = dict(small=40, body=46, heading=64, title=76, tile_title=58, display=260, target=170,
              line_height=1.45, pad=40, gap=28, radius=20)


def make_theme(elder: bool, window_width: float, display_width: int, dpi: float) -> Theme:
    """The theme for a mode, a window width and the terminal's real screen."""
    scale = window_width / DESIGN_WIDTH
    sizes = _ELDER if elder else _NORMAL
    base = Theme(elder=elder, scale=scale, dpi=dpi,
                 physical_per_design=display_width / DESIGN_WIDTH,
                 palette=ELDER_PALETTE if elder else NORMAL_PALETTE,
                 line_height=sizes["line_height"],
                 **{k: float(v) for k, v in sizes.items() if k != "line_height"})
    scaled = {k: getattr(base, k) * scale for k in sizes if k != "line_height"}
    return replace(base, **scaled)
