"""`kiosk udev-rules`: udev rules giving the terminal's devices stable names.

The USB ids are data (config/usb-devices.toml); the rules follow from them, one per
model, so a hall adds a reader model without writing udev syntax. The card reader is
a USB-serial tty, the printer a USB printer-class device (usblp, /dev/usb/lp*), the
camera a video4linux capture node (index 0: the picture, not the metadata node).
"""

from __future__ import annotations

import argparse
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from kiosk.errors import KioskError

DEVICES_FILE = Path(__file__).resolve().parents[2] / "config" / "usb-devices.toml"
_HEX4 = re.compile(r"^[0-9a-f]{4}$")


@dataclass(frozen=True)
class Role:
    """What a kind of device is called and who may open it."""

    name: str            # the stable name under /dev
    match: str           # udev keys selecting the device node
    group: str


ROLES = {
    "idcard": Role("kiosk-idcard", 'SUBSYSTEM=="tty"', "dialout"),
    "printer": Role("kiosk-printer", 'SUBSYSTEM=="usbmisc", KERNEL=="lp[0-9]*"', "lp"),
    "camera": Role("kiosk-camera", 'SUBSYSTEM=="video4linux", ATTR{index}=="0"', "video"),
}


class UsbDevicesError(KioskError):
    """config/usb-devices.toml names an unknown role or a malformed id."""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("udev-rules", help="print udev rules naming the reader, printer and "
                                          "camera by USB id (config/usb-devices.toml)")
    p.add_argument("--devices", type=Path, default=DEVICES_FILE, help="USB ids (TOML)")
    p.set_defaults(handler=run)


def rules(devices_file: Path = DEVICES_FILE) -> str:
    """The rules file's text."""
    with devices_file.open("rb") as fh:
        entries = tomllib.load(fh).get("device", [])
    lines = ["# Stable names for the kiosk's devices, made by `kiosk udev-rules` from",
             "# config/usb-devices.toml: edit that file, not this one.", ""]
    for entry in entries:
        role = ROLES.get(entry.get("role", ""))
        vendor = str(entry.get("vendor", "")).lower()
        product = str(entry.get("product", "")).lower()
        if role is None:
            raise UsbDevicesError(f"usb-devices: unknown role {entry.get('role')!r}; "
                                  f"allowed: {', '.join(ROLES)}")
        if not (_HEX4.match(vendor) and _HEX4.match(product)):
            raise UsbDevicesError(f"usb-devices: {entry.get('model', '?')}: vendor and "
                                  "product must be 4 hex digits")
        lines.append(f"# {entry.get('model', '')}".rstrip())
        lines.append(f'{role.match}, ATTRS{{idVendor}}=="{vendor}", '
                     f'ATTRS{{idProduct}}=="{product}", SYMLINK+="{role.name}", '
                     f'GROUP="{role.group}", MODE="0660"')
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    print(rules(args.devices), end="")
    return 0
