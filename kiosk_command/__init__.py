"""The `kiosk` command: the composition root that wires the rooms together.

The only code allowed to import every room (kiosk, devices, screens, central).
Each sub-command is a module in kiosk_command.commands (and device tools in
kiosk_command.devices) with a register(subparsers) function; modules are found
by listing the package, so adding a command touches no shared file. Command
modules import heavy libraries inside their handlers, never at import time.
"""
