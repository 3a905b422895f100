"""Cold start and memory: the kiosk against Chromium in kiosk mode.

Both start on the same private Xvfb display (1080×1920) and show the same
home screen. The kiosk starts as `kiosk demo` runs it: the ID-card reader,
printer and camera simulators, and the reference platform with demo data
(started once before the runs, outside the timing, as the city's platform is
already up when a terminal boots); a kiosk run that logs a capability as
unavailable stops the bench, since a terminal starts with its devices.
Chromium shows bench/coldstart_page.html, today's home screen box for box
in the same faces of the same fonts.

Start time runs from just before the process is launched to the wall-clock
time each reports for its first frame with all of the screen in it: the kiosk
when Kivy's first buffer swap has returned (`kiosk run --report-first-frame`),
Chromium its own presentation time of the first contentful paint, taken when
its compositor has swapped that frame (the page says how it makes sure the
fonts were in). Every run is its own process (Chromium
with a fresh profile); the three contenders take turns, after one warm-up run
each that is not counted. Memory is the PSS of the process tree 2 s after the
first frame. Best and median of N are printed, with ratios.
Run: python -m bench.coldstart [--runs N]
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from string import Template
from typing import IO

from bench.proctree import tree_memory_mib
from kiosk.fonts import prepare_fonts
from kiosk_command.display import virtual_display
from kiosk_command.platform_proc import PlatformProcess

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("kiosk", "devices", "screens", "kiosk_command", "central")
PAGE = Path(__file__).with_name("coldstart_page.html")
FRAME = re.compile(r"first-frame (\d+\.\d+)")
SETTLE_S = 2.0
WIDTH, HEIGHT = 1080, 1920


@dataclass(frozen=True)
class Sample:
    """One start: seconds to the first frame, memory after settling."""

    first_frame_s: float
    memory_mib: float
    memory_kind: str


@dataclass(frozen=True)
class Contender:
    """A way of starting one process that reports its first frame."""

    name: str
    cmd: list[str]
    env: dict[str, str]
    reports_on_stderr: bool
    fresh_profile: bool = False
    broken_if_logged: str = ""         # a run whose log says this does not count


def _wait_frame(proc: subprocess.Popen[str], stream: IO[str], timeout: float = 60) -> float:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = stream.readline()
        if not line:
            if proc.poll() is not None:
                raise RuntimeError(f"process exited ({proc.returncode}) before its first frame")
            continue
        match = FRAME.search(line)
        if match:
            return float(match.group(1))
    raise RuntimeError("no first frame reported")


def measure(who: Contender, log: Path) -> Sample:
    """Start who once, wait for its first frame, settle, read its memory, kill it."""
    sample = _start_and_kill(who, log)
    broken = [line for line in log.read_text(errors="replace").splitlines()
              if who.broken_if_logged and who.broken_if_logged in line]
    if broken:
        raise RuntimeError(f"{who.name} did not start whole: {broken[0]}")
    return sample


def _start_and_kill(who: Contender, log: Path) -> Sample:
    with tempfile.TemporaryDirectory(prefix="coldstart-profile-") as profile, \
            log.open("w") as log_file:
        cmd = [*who.cmd, f"--user-data-dir={profile}"] if who.fresh_profile else who.cmd
        pipe, other = subprocess.PIPE, log_file
        start = time.time()
        proc = subprocess.Popen(cmd, env=who.env, text=True, start_new_session=True,
                                stdin=subprocess.DEVNULL,
                                stdout=other if who.reports_on_stderr else pipe,
                                stderr=pipe if who.reports_on_stderr else other)
        try:
            stream = proc.stderr if who.reports_on_stderr else proc.stdout
            assert stream is not None
            try:
                frame = _wait_frame(proc, stream)
            except RuntimeError as exc:
                raise RuntimeError(f"{who.name}: {exc}; its log: {log}") from exc
            time.sleep(SETTLE_S)
            memory, kind = tree_memory_mib(proc.pid)
            return Sample(frame - start, memory, kind)
        finally:
            os.killpg(proc.pid, 9)
            proc.wait()


def kiosk(platform: PlatformProcess, data_dir: Path) -> Contender:
    """`kiosk run` with the demo's simulated devices and the reference platform."""
    def toml(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

    env = dict(os.environ)
    env.update({
        "KIOSK_PLATFORM__URL": toml(platform.url),
        "KIOSK_PLATFORM__KEY_FILE": toml(str(platform.key_file)),
        "KIOSK_PLATFORM__DEVICE_ID": toml(platform.device_id),
        "KIOSK_PATHS__DATA_DIR": toml(str(data_dir)),
        "KIOSK_IDCARD__DRIVER": '"sim"', "KIOSK_PRINTER__DRIVER": '"sim"',
        "KIOSK_CAMERA__DRIVER": '"sim"', "KIOSK_DISPLAY__FULLSCREEN": "false",
    })
    cmd = [sys.executable, "-m", "kiosk_command.main", "run", "--size", f"{WIDTH}x{HEIGHT}",
           "--report-first-frame"]
    return Contender("kiosk", cmd, env, reports_on_stderr=False,
                     broken_if_logged="capability unavailable")


def home_page(directory: Path) -> Path:
    """The home-screen page with the kiosk's font files filled in."""
    fonts = prepare_fonts()
    text = Template(PAGE.read_text(encoding="utf-8")).substitute(
        cjk_regular=fonts.cjk_regular.as_uri(), cjk_bold=fonts.cjk_bold.as_uri(),
        tibetan=fonts.tibetan.as_uri())
    out = directory / PAGE.name
    out.write_text(text, encoding="utf-8")
    return out


def chromium(page: Path, gpu: bool = True) -> Contender:
    """Chromium --kiosk on page, quiet: no network, no sync, no updates, no first-run UI."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        raise SystemExit("chromium is not installed (apt-get install chromium)")
    flags = [] if gpu else ["--disable-gpu"]
    cmd = [exe, "--kiosk", "--no-sandbox", "--no-first-run", "--no-default-browser-check",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--disable-features=Translate,MediaRouter", *flags,
           f"--window-size={WIDTH},{HEIGHT}", "--window-position=0,0",
           "--enable-logging=stderr", "--v=0", page.as_uri()]
    return Contender("chromium" if gpu else "chromium-nogpu", cmd, dict(os.environ),
                     reports_on_stderr=True, fresh_profile=True)


def compile_sources() -> None:
    """Byte-compile the project as an install does.

    An editable install leaves that to the first import, and with
    PYTHONDONTWRITEBYTECODE set every start would compile each module again
    (about 0.1 s of the parser alone): that is not what a terminal does.
    """
    for package in PACKAGES:
        if not compileall.compile_dir(ROOT / package, quiet=1):
            raise SystemExit(f"{package}: does not compile")


def run_all(runs: int, workdir: Path) -> dict[str, list[Sample]]:
    """Warm-up plus runs rounds, contenders in turn, on one private display."""
    compile_sources()
    with virtual_display(WIDTH, HEIGHT), PlatformProcess(workdir / "central") as platform:
        page = home_page(workdir)
        contenders = [kiosk(platform, workdir / "kiosk"), chromium(page, gpu=True),
                      chromium(page, gpu=False)]
        for who in contenders:           # caches warm, catalog synced: not counted
            measure(who, workdir / f"{who.name}-warmup.log")
        results: dict[str, list[Sample]] = {who.name: [] for who in contenders}
        for run in range(runs):
            for who in contenders:
                results[who.name].append(measure(who, workdir / f"{who.name}-{run}.log"))
    return results


def report(results: dict[str, list[Sample]]) -> None:
    """Best and median first frame, median memory, and the kiosk's ratios."""
    rows = {name: (min(s.first_frame_s for s in samples),
                   statistics.median(s.first_frame_s for s in samples),
                   statistics.median(s.memory_mib for s in samples), samples[0].memory_kind)
            for name, samples in results.items()}
    print(f"{'':16} {'best (s)':>9} {'median (s)':>11} {'memory (MiB)':>13}")
    for name, (best, med, mem, kind) in rows.items():
        print(f"{name:16} {best:9.3f} {med:11.3f} {mem:9.0f} {kind}")
    k = rows["kiosk"]
    for name in ("chromium", "chromium-nogpu"):
        c = rows[name]
        print(f"{'ratio':16} {k[0] / c[0]:9.2f} {k[1] / c[1]:11.2f} {k[2] / c[2]:13.2f}"
              f"   (kiosk / {name})")
    runs = len(results["kiosk"])
    load = " ".join(f"{v:.2f}" for v in os.getloadavg())
    print(f"runs: {runs} each after one warm-up; load average at the end: {load}; "
          "target: kiosk ≤ 2 s and below chromium on both")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", type=Path,
                        help="work directory to keep (platform data, kiosk data, logs)")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        report(run_all(args.runs, args.keep.resolve()))
        return
    with tempfile.TemporaryDirectory(prefix="coldstart-") as workdir:
        report(run_all(args.runs, Path(workdir)))


if __name__ == "__main__":
    main()
