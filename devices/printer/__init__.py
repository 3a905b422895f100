"""The thermal receipt printer: documents, ESC/POS rendering, status, service, simulator.

A receipt is built as a device-neutral Document (document.py); escpos_render.py
turns it into the bytes one printer profile wants; service.py sends them on a
worker thread over a python-escpos connection; simulator.py and decoder.py take
those bytes back for tests, previews and the technicians' console.
"""
