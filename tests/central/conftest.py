"""One reference platform (with demo data) per test module, and a signed client for it."""

from __future__ import annotations

import pytest

from kiosk_command.platform_proc import PlatformProcess
from tests.central.signed import SignedApi


@pytest.fixture(scope="module")
def platform(tmp_path_factory):
    with PlatformProcess(tmp_path_factory.mktemp("central")) as proc:
        yield proc


@pytest.fixture
def api(platform) -> SignedApi:
    return SignedApi(platform.url, platform.device_id,
                     platform.key_file.read_text().strip())
