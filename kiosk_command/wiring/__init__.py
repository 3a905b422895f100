"""Building a KioskCore from settings.

Each module here exposes attach(core, stack): it builds one capability from
core.settings (starting its simulator when the driver is "sim", and putting the
simulator in core.simulators), sets the core's
slot, and registers its clean-up on the contextlib.ExitStack. Modules are found
by listing this package, so a new capability touches no shared file.
"""
