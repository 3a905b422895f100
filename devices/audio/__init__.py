"""Audio out: one narrow seam (play 16-bit mono PCM), the ALSA driver, a simulator.

The speech service in kiosk/ hands a whole clip to `AudioOut.play` and a stop
event that a new screen or tap sets; nothing else crosses the seam, so the
simulator that writes each clip to a WAV file sees exactly what a speaker would.
"""
