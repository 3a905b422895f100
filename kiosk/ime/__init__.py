"""Pinyin input method: an offline dictionary, ranked lookup and the composing state.

Typical use (the dictionary is built on first use if `kiosk ime build` has not run):

    engine = ImeEngine.load()            # ~50 ms from the cache
    engine.lookup("fwy", 5)[0].text      # '服务员'
    state = ImeState(engine)
"""

from kiosk.ime.engine import Candidate, ImeEngine
from kiosk.ime.errors import ImeError
from kiosk.ime.state import ImeState

__all__ = ["Candidate", "ImeEngine", "ImeError", "ImeState"]
