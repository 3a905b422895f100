"""A terminal process that queues ratings PREFIX0, PREFIX1, ... while its sender delivers them.

Run by test_outbox as a child and killed with SIGKILL at a random moment;
it prints each marker only after enqueue() returned (the visitor was told).
"""

from __future__ import annotations

import sys
from pathlib import Path

from kiosk.clock import SystemClock
from kiosk.flows import outbox_kinds
from kiosk.platform.client import PlatformClient
from kiosk.platform.service import Options, PlatformService
from kiosk.platform.signing import load_key


def main(url: str, device: str, key_file: str, data_dir: str, prefix: str, count: int) -> None:
    clock = SystemClock()
    client = PlatformClient(url, device, load_key(key_file), clock=clock, attempts=1)
    service = PlatformService(Path(data_dir), client, clock, Options(retry_min_s=0.05),
                              outbox_kinds()).start()
    for n in range(count):
        service.outbox.enqueue("rating", {"service": "kiosk", "score": 1 + n % 5,
                                          "comment": f"{prefix}{n}"})
        service.sender.wake()
        print(f"{prefix}{n}", flush=True)
    service.sender.stop()


if __name__ == "__main__":
    main(*sys.argv[1:6], int(sys.argv[6]))
