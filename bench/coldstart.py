"""Cold start and memory: the kiosk against Chromium in kiosk mode.

Both start on the same private Xvfb display (1080×1920) and show the same
home screen (Chromium: an equivalent static page, bench/coldstart_page.html).
Start time is measured from just before the process is launched to the wall
clock time each reports for its first drawn frame (the kiosk: Kivy's first
buffer swap with the home screen; Chromium: the second requestAnimationFrame
callback). Memory is the PSS of the whole process tree 2 s after that frame.
Run: python -m bench.coldstart [--runs N]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.proctree import tree_memory_mib
from kiosk_command.display import virtual_display

PAGE = Path(__file__).with_name("coldstart_page.html")
FRAME = re.compile(r"first-frame (\d+\.\d+)")
SETTLE_S = 2.0


def _wait_frame(proc: subprocess.Popen[str], stream, timeout: float = 60) -> float:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = stream.readline()
        if not line:
            if proc.poll() is not None:
                raise RuntimeError("process exited before its first frame")
            continue
        match = FRAME.search(line)
        if match:
            return float(match.group(1))
    raise RuntimeError("no first frame reported")


def _measure(cmd: list[str], use_stderr: bool) -> tuple[float, float, str]:
    start = time.time()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE if not use_stderr else subprocess.DEVNULL,
                            stderr=subprocess.PIPE if use_stderr else subprocess.DEVNULL,
                            text=True, start_new_session=True)
    try:
        frame = _wait_frame(proc, proc.stderr if use_stderr else proc.stdout)
        time.sleep(SETTLE_S)
        mem, kind = tree_memory_mib(proc.pid)
        return frame - start, mem, kind
    finally:
        os.killpg(proc.pid, 9)
        proc.wait()


def kiosk_cmd() -> list[str]:
    return [sys.executable, "-m", "kiosk_command.main", "run", "--size", "1080x1920",
            "--report-first-frame"]


def chromium_cmd(profile: Path, gpu: bool = True) -> list[str]:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        raise SystemExit("chromium is not installed (apt-get install chromium)")
    flags = [] if gpu else ["--disable-gpu"]
    return [exe, "--kiosk", "--no-first-run", "--no-default-browser-check", "--no-sandbox",
            *flags, f"--user-data-dir={profile}", "--window-size=1080,1920",
            "--window-position=0,0", "--enable-logging=stderr", "--v=0",
            "--disable-features=Translate,MediaRouter", f"file://{PAGE}"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    env = {"KIOSK_DISPLAY__FULLSCREEN": "false", "KIOSK_IDCARD__DRIVER": '"none"',
           "KIOSK_PRINTER__DRIVER": '"none"', "KIOSK_CAMERA__DRIVER": '"none"'}
    os.environ.update(env)
    results: dict[str, list[tuple[float, float, str]]] = {
        "kiosk": [], "chromium": [], "chromium-nogpu": []}
    with virtual_display(1080, 1920):
        for _ in range(runs):
            results["kiosk"].append(_measure(kiosk_cmd(), use_stderr=False))
            for name, gpu in (("chromium", True), ("chromium-nogpu", False)):
                with tempfile.TemporaryDirectory() as profile:
                    results[name].append(_measure(chromium_cmd(Path(profile), gpu), True))
    report(results)


def report(results: dict[str, list[tuple[float, float, str]]]) -> None:
    med = {k: (statistics.median(r[0] for r in v), statistics.median(r[1] for r in v), v[0][2])
           for k, v in results.items()}
    print(f"{'':16} {'first frame (s)':>16} {'memory (MiB)':>14}")
    for name, (t, m, kind) in med.items():
        print(f"{name:16} {t:16.3f} {m:10.0f} {kind}")
    k = med["kiosk"]
    for name in ("chromium", "chromium-nogpu"):
        c = med[name]
        print(f"{'ratio':16} {k[0] / c[0]:16.2f} {k[1] / c[1]:14.2f}   (kiosk / {name})")
    print(f"runs: {len(results['kiosk'])} each, medians; target: kiosk ≤ 2 s and below "
          "chromium on both")


if __name__ == "__main__":
    main()
