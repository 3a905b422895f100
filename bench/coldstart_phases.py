"""Where `kiosk run` spends its time before the first frame.

Starts the kiosk as bench/coldstart.py does (simulated devices, reference
platform, private Xvfb display) under `python -X importtime`, with stamps
around each step of the start: the command tree, building the core (each
wiring module's import and attach), Kivy's window and the screens module,
the app's build, the deferred screens and the first buffer swap. The run
stops at the first swapped frame. Prints per step the best and the median of
N runs in ms, whether the deferred screens were built before the first frame,
and each heavy library loaded by then: its import time and who imported it.
Run: python -m bench.coldstart_phases [--runs N]
"""

from __future__ import annotations

import argparse
import builtins
import importlib
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

HEAVY = ("numpy", "cv2", "qrcode", "PIL", "escpos", "yaml", "requests", "urllib3",
         "cryptography", "sqlite_utils", "serial", "fastapi", "uvicorn", "jieba", "pypinyin")
ROOT = Path(__file__).resolve().parents[1]
IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")
STEPS = (
    ("interpreter up", None, "child starts"),
    ("command tree and `run` imported", "child starts", "main imported"),
    ("arguments, settings, logging, Kivy config", "main imported", "build_core start"),
    ("build_core", "build_core start", "build_core end"),
    ("import screens.app (Kivy, window, GL context)", "make_app start", "screens imported"),
    ("KioskApp() (catalogs, fonts)", "screens imported", "make_app end"),
    ("App.build (kv rules, first screen)", "App.build start", "App.build end"),
    ("on_start to the first swap", "on_start", "swap start"),
    ("  of it: the deferred screens and overlays", "remaining start", "remaining end"),
    ("first buffer swap", "swap start", "swap end"),
    ("launch to the first swapped frame", None, "swap end"),
)


# -- the child: the kiosk with stamps ---------------------------------------------------
class _Stamps:
    def __init__(self, launch: float) -> None:
        self.launch = launch
        self.at: dict[str, float] = {"child starts": time.time()}
        self.importers: dict[str, str] = {}

    def mark(self, what: str) -> None:
        self.at.setdefault(what, time.time())

    def around(self, owner: Any, name: str, label: str) -> None:
        """Stamp `label start` / `label end` around owner.name, if it is there."""
        inner: Callable[..., Any] | None = getattr(owner, name, None)
        if inner is None:
            return

        def stamped(*args: Any, **kwargs: Any) -> Any:
            self.mark(f"{label} start")
            try:
                return inner(*args, **kwargs)
            finally:
                self.mark(f"{label} end")

        setattr(owner, name, stamped)

    def watch_heavy_imports(self) -> None:
        """Remember where each heavy library is first imported from in our code."""
        original = builtins.__import__

        def hook(name: str, globals: Any = None, locals: Any = None, fromlist: Any = (),
                 level: int = 0) -> Any:
            top = name.partition(".")[0]
            if level == 0 and top in HEAVY and top not in sys.modules \
                    and top not in self.importers:
                self.importers[top] = _importer(traceback.extract_stack()[:-1])
            return original(name, globals, locals, fromlist, level)

        builtins.__import__ = hook

    def report(self) -> None:
        print(json.dumps({"launch": self.launch, "at": self.at, "importers": self.importers,
                          "loaded": [m for m in HEAVY if m in sys.modules]}), flush=True)


def _importer(stack: traceback.StackSummary) -> str:
    """Our last three frames on the stack; "via a library" when one of those imports it."""
    def ours(frame: traceback.FrameSummary) -> bool:
        path = Path(frame.filename)
        return ROOT in path.parents and path != Path(__file__).resolve()

    frames = [f for f in stack if ours(f)]
    chain = " <- ".join(f"{Path(f.filename).relative_to(ROOT)}:{f.lineno}"
                        for f in reversed(frames[-3:]))
    direct = next((f for f in reversed(stack) if Path(f.filename) != Path(__file__).resolve()
                   and "<frozen" not in f.filename), None)
    return chain if direct is not None and ours(direct) else f"via a library, from {chain}"


def _child(size: str) -> None:
    stamps = _Stamps(float(os.environ["COLDSTART_LAUNCH"]))
    stamps.watch_heavy_imports()
    import kiosk_command.commands.run as run_command
    import kiosk_command.corebuild as corebuild
    import kiosk_command.gui as gui
    from kiosk_command.main import main

    stamps.mark("main imported")
    stamps.around(corebuild, "build_core", "build_core")
    import_module = importlib.import_module

    def stamped_import(name: str, package: str | None = None) -> Any:
        module = import_module(name, package)
        if name.startswith("kiosk_command.wiring.") and not hasattr(module, "_stamped"):
            module._stamped = True
            stamps.around(module, "attach", f"attach {name.rpartition('.')[2]}")
        return module

    importlib.import_module = stamped_import
    make_app = gui.make_app

    def stamped_make_app(core: Any, **kwargs: Any) -> Any:
        stamps.mark("make_app start")
        import screens.app as app_module  # Kivy is configured by now

        stamps.mark("screens imported")
        stamps.around(app_module.KioskApp, "build", "App.build")
        stamps.around(app_module.KioskApp, "_build_remaining", "remaining")
        app = make_app(core, **kwargs)
        stamps.mark("make_app end")
        return app

    gui.make_app = stamped_make_app

    def stop_at_first_swap() -> None:
        from kivy.core.window import Window

        stamps.mark("on_start")
        swap = Window.flip

        def swap_and_stop() -> None:
            stamps.mark("swap start")
            swap()
            stamps.mark("swap end")
            stamps.report()
            os._exit(0)

        Window.flip = swap_and_stop

    run_command._report_first_frame = stop_at_first_swap
    main(["run", "--size", size, "--report-first-frame"])


# -- the parent: runs, then the table ---------------------------------------------------
def _import_ms(stderr: str) -> dict[str, float]:
    """Import ms of each HEAVY library in a -X importtime log.

    A library's time is the cumulative time of its outermost imports, those not
    inside another import of the same library (numpy inside cv2 counts for cv2
    too, since it is what cv2 needed).
    """
    lines = [(len(m[3]), m[4].partition(".")[0], int(m[2]) / 1000)
             for m in map(IMPORT_LINE.match, stderr.splitlines()) if m]
    out: dict[str, float] = {}
    ancestors: list[tuple[int, str]] = []
    for depth, top, ms in reversed(lines):      # reversed post-order: parents first
        while ancestors and ancestors[-1][0] >= depth:
            ancestors.pop()
        if top in HEAVY and all(a[1] != top for a in ancestors):
            out[top] = out.get(top, 0.0) + ms
        ancestors.append((depth, top))
    return out


def _one_run(env: dict[str, str], size: str) -> tuple[dict[str, Any], dict[str, float]]:
    env = dict(env, COLDSTART_LAUNCH=repr(time.time()))
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "bench.coldstart_phases",
                           "--child", size], env=env, capture_output=True, text=True,
                          timeout=120)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"kiosk did not reach its first frame:\n{done.stderr[-3000:]}")
    return json.loads(lines[-1]), _import_ms(done.stderr)


def _spans(run: dict[str, Any]) -> dict[str, float]:
    at, launch = run["at"], run["launch"]
    spans = {}
    for label, start, end in STEPS:
        if end in at and (start is None or start in at):
            spans[label] = (at[end] - (launch if start is None else at[start])) * 1000
    for name in sorted(k[len("attach "):-len(" end")] for k in at
                       if k.startswith("attach ") and k.endswith(" end")):
        spans[f"  build_core: attach {name}"] = (at[f"attach {name} end"]
                                                 - at[f"attach {name} start"]) * 1000
    return spans


def _row(label: str, values: list[float]) -> str:
    return f"{label:52} {min(values):8.0f} {statistics.median(values):8.0f}"


def report(runs: list[tuple[dict[str, Any], dict[str, float]]]) -> None:
    spans = [_spans(run) for run, _ in runs]
    labels = list(dict.fromkeys(k for s in spans for k in s))
    print(f"{'step (ms)':52} {'best':>8} {'median':>8}")
    for label in labels:
        print(_row(label, [s[label] for s in spans if label in s]))
    early = sum(1 for run, _ in runs if "remaining start" in run["at"]
                and run["at"]["remaining start"] < run["at"]["swap start"])
    print(f"deferred screens built before the first frame: {early} of {len(runs)} runs")
    print(f"\n{'heavy library loaded by the first frame (ms)':52} {'best':>8} {'median':>8}"
          "  first imported by")
    first = runs[0][0]
    for module in HEAVY:
        values = [ms[module] for run, ms in runs if module in run["loaded"] and module in ms]
        if values:
            print(f"{_row(module, values)}  {first['importers'].get(module, '(by a library)')}")
    load = " ".join(f"{v:.2f}" for v in os.getloadavg())
    print(f"runs: {len(runs)}; load average at the end: {load}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", metavar="WxH", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child)
        return
    from bench.coldstart import HEIGHT, WIDTH, compile_sources, kiosk
    from kiosk_command.display import virtual_display
    from kiosk_command.platform_proc import PlatformProcess

    compile_sources()
    size = f"{WIDTH}x{HEIGHT}"
    with tempfile.TemporaryDirectory(prefix="coldstart-phases-") as tmp, \
            virtual_display(WIDTH, HEIGHT), PlatformProcess(Path(tmp) / "central") as platform:
        env = kiosk(platform, Path(tmp) / "kiosk").env
        _one_run(env, size)                  # warm-up: caches, catalog synced
        report([_one_run(env, size) for _ in range(args.runs)])


if __name__ == "__main__":
    main()
