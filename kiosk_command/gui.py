"""Starting Kivy for the kiosk: window configuration and the app instance.

Kivy reads its configuration when its window module is first imported, so
everything here happens before screens/ is imported.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from kiosk.config import Settings
from kiosk.core import KioskCore
from kiosk.fonts import cache_dir, prepare_fonts
from kiosk.i18n import Translator
from kiosk_command.kivy_data import prepare_data_dir

if TYPE_CHECKING:
    from screens.app import KioskApp


def prepare_kivy(settings: Settings, size: tuple[int, int] | None = None,
                 fullscreen: bool | None = None, paced: bool = True) -> None:
    """Configure Kivy's window before it exists (size, full screen, cursor, logs).

    paced=False lifts the frame-rate cap, for a scripted run that nobody watches
    (kiosk_command/script/pacing.py).
    """
    os.environ.setdefault("KIVY_NO_ARGS", "1")
    os.environ.setdefault("KIVY_NO_CONSOLELOG", "1")
    os.environ.setdefault("KIVY_LOG_MODE", "PYTHON")
    os.environ.setdefault("KIVY_NO_FILELOG", "1")
    os.environ.setdefault("KIVY_NO_CONFIG", "1")      # our configuration is config/*.toml
    os.environ.setdefault("KIVY_HOME", str(cache_dir() / "kivy"))
    # SDL2 decodes every image the screens show; Kivy's other loaders (PIL among
    # them) would only add to the start
    os.environ.setdefault("KIVY_IMAGE", "sdl2")
    os.environ.setdefault("KIVY_DATA_DIR", str(prepare_data_dir(cache_dir())))
    # made here: Kivy's own mkdir races when several kiosks start at once (tests)
    os.makedirs(os.environ["KIVY_HOME"], exist_ok=True)
    from kivy.config import Config

    d = settings.display
    width, height = size or (d.width, d.height)
    full = d.fullscreen if fullscreen is None else fullscreen
    Config.set("graphics", "width", str(width))
    Config.set("graphics", "height", str(height))
    Config.set("graphics", "fullscreen", "auto" if full else "0")
    Config.set("graphics", "borderless", "1" if full else "0")
    Config.set("graphics", "resizable", "0")
    Config.set("graphics", "show_cursor", "1" if d.show_cursor else "0")
    Config.set("kivy", "exit_on_escape", "0")
    Config.set("graphics", "maxfps", "60" if paced else "0")
    # no multisampled framebuffer: edges are smoothed by the Smooth* instructions
    # of the kv rules instead; with software GL (llvmpipe) 4x samples doubled the
    # cost of every frame, the first one included
    Config.set("graphics", "multisamples", "0")
    Config.set("input", "mouse", "mouse,disable_multitouch")
    # one finger, one touch: the X server already turns a touch into the pointer the
    # mouse provider reads; Kivy's Linux default would add the touch screen's own
    # device again (probesysfs → mtdev) wherever /dev/input is readable
    Config.remove_option("input", "%(name)s")


def make_app(core: KioskCore,
             after_first_frame: Callable[[], None] | None = None) -> KioskApp:
    """The KioskApp for core (screens are imported only now).

    after_first_frame runs on the UI thread once the first frame is on the glass:
    `kiosk run` wires the devices and the platform there, so the terminal shows
    its first screen before any port is opened.
    """
    from screens.app import KioskApp

    return KioskApp(core, Translator.load(), prepare_fonts(), after_first_frame)
