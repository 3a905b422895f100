"""The platform load generator's parts (`python -m bench.load` is the command).

Simulated terminals are real enrolled devices that sign every request with the
kiosk's own signing code and talk HTTP over loopback to a real `kiosk central
serve` process; nothing of the platform is stood in for.
"""

import importlib.util
import sys

# httpcore asks for sniffio on every request and, without it installed, searches the
# import path each time (a failed import is not cached): a quarter of the generator's
# CPU at a few hundred requests a second. Recording the absence once keeps exactly the
# same behaviour (asyncio is assumed) without the search.
if "sniffio" not in sys.modules and importlib.util.find_spec("sniffio") is None:
    sys.modules["sniffio"] = None  # type: ignore[assignment]
