"""The link to the employment platform: signed client, offline outbox, catalog cache.

PlatformService (service.py) bundles them for the screens; nothing here opens
a file, a database or a socket at import time.
"""
