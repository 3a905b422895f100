"""Voice guidance: what a screen says, in the visitor's language, one voice at a time.

normalise.py turns numbers, money, dates and phone numbers into words; synth.py
makes speech with espeak-ng (Chinese through tone-numbered pinyin); pack.py reads
recorded prompt packs (Tibetan has no synthetic voice); plan.py resolves what a
screen declares into utterances, leaving private data out without a headset;
service.py plays them on its own worker thread through a devices.audio seam.
"""
