"""What deploy/ installs is consistent with the data it is made from."""

from __future__ import annotations

from kiosk_command.commands.udev import rules
from tests.conftest import ROOT


def test_udev_rules_are_made_from_the_usb_ids() -> None:
    """Edit config/usb-devices.toml, then `kiosk udev-rules > deploy/udev/...`."""
    committed = (ROOT / "deploy" / "udev" / "70-employment-kiosk.rules").read_text()
    assert committed == rules()
    for name in ("kiosk-idcard", "kiosk-printer", "kiosk-camera"):
        assert f'SYMLINK+="{name}"' in committed


def test_the_site_template_uses_the_stable_names() -> None:
    template = (ROOT / "deploy" / "kiosk.toml.in").read_text()
    for name in ("/dev/kiosk-idcard", "/dev/kiosk-printer", "/dev/kiosk-camera"):
        assert name in template
