"""A booted Debian 12 system in a container, for the deployment test.

The root file system is built once by debootstrap with every Debian package that
deploy/provision.sh asks for (so provisioning needs no network: the container has a
private network namespace, where only its own loopback exists and its firewall
cannot touch the host's) and kept under CACHE, keyed by the package list; each run
boots a fresh copy with `systemd-nspawn --boot`. Commands run inside through
nsenter into the container's init (the host has no machined to ask). Python
packages come from a wheel folder built on the host from the tree under test and
bound read-only into the container.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

CACHE = Path(os.environ.get("KIOSK_DEPLOY_CACHE", "/var/tmp/employment-kiosk-deploy"))
SUITE, MIRROR = "bookworm", "http://deb.debian.org/debian"
PACKAGES = [
    "systemd", "systemd-sysv", "dbus", "python3", "python3-venv", "libmtdev1", "libgl1",
    "libegl1", "libgles2", "libgl1-mesa-dri", "fonts-noto-cjk", "fonts-ddc-uchen",
    "fonts-material-design-icons-iconfont",
    "libraqm0", "espeak-ng", "alsa-utils", "systemd-timesyncd", "unattended-upgrades",
    "nftables",
    "util-linux", "xvfb", "xauth", "procps",
]
BOOT_S = 60.0
WHEELS_IN = "/var/cache/kiosk-wheels"


class MachineError(RuntimeError):
    """The container could not be built, booted or driven."""


def base_root() -> Path:
    """The cached root file system for this package list (debootstrap once)."""
    key = hashlib.sha256(" ".join([SUITE, *PACKAGES]).encode()).hexdigest()[:12]
    root = CACHE / f"rootfs-{key}"
    if (root / ".complete").exists():
        return root
    shutil.rmtree(root, ignore_errors=True)
    root.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    subprocess.run(["debootstrap", "--variant=minbase", f"--include={','.join(PACKAGES)}",
                    SUITE, str(root), MIRROR], check=True, stdout=subprocess.DEVNULL)
    (root / "etc" / "hostname").write_text("kiosk-test\n")
    (root / ".complete").write_text(f"{time.monotonic() - started:.0f} s\n")
    return root


def wheels(source: Path) -> Path:
    """Every wheel the project needs, built on the host from source (pip's own cache)."""
    out = CACHE / "wheels"
    out.mkdir(parents=True, exist_ok=True)
    pip = [sys.executable, "-m", "pip", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, "wheel", "-w", str(out), str(source)], check=True)
    subprocess.run([*pip, "download", "-d", str(out), "setuptools>=77", "wheel"], check=True)
    return out


class Machine:
    """One booted container; run() executes a command in it as root."""

    def __init__(self, workdir: Path, wheel_dir: Path) -> None:
        self.root = workdir / "root"
        self.console = workdir / "console.log"
        subprocess.run(["cp", "-a", "--reflink=auto", str(base_root()), str(self.root)],
                       check=True)
        self.proc = subprocess.Popen(
            ["systemd-nspawn", "--quiet", "--boot", "--register=no", "--keep-unit",
             "--private-network", f"--directory={self.root}",
             f"--bind-ro={wheel_dir}:{WHEELS_IN}", "--console=pipe",
             "--machine=kiosk-deploy-test"],
            stdin=subprocess.DEVNULL, stdout=self.console.open("wb"), stderr=subprocess.STDOUT)
        try:
            self.leader = self._find_init()
            self._wait_booted()
        except BaseException:
            self.close()
            raise

    def _wait_booted(self) -> None:
        """Until systemd in the container says the boot has finished (its bus comes
        up a moment after its process does)."""
        deadline = time.monotonic() + BOOT_S
        done = None
        while time.monotonic() < deadline:
            done = self.run("systemctl", "is-system-running", "--wait", check=False,
                            timeout=BOOT_S)
            if done.stdout.strip() in ("running", "degraded"):
                return
            time.sleep(0.5)
        raise MachineError(f"container did not boot: {done.stdout if done else ''} "
                           f"{done.stderr if done else ''}")

    def _find_init(self) -> int:
        """The container's PID 1 as the host sees it (a child of nspawn)."""
        deadline = time.monotonic() + BOOT_S
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise MachineError(f"nspawn ended: {self.console.read_text()[-2000:]}")
            children = _children(self.proc.pid)
            for pid in children + [g for c in children for g in _children(c)]:
                try:
                    comm = Path(f"/proc/{pid}/comm").read_text().strip()
                except OSError:
                    continue
                if comm == "systemd":
                    return pid
            time.sleep(0.1)
        raise MachineError("no init in the container")

    def run(self, *cmd: str, check: bool = True, timeout: float = 300.0,
            input: str | None = None) -> subprocess.CompletedProcess[str]:
        env = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
               "LANG": "C.UTF-8", "TERM": "dumb"}
        done = subprocess.run(["nsenter", f"--target={self.leader}", "--all",
                               "env", "-i", *(f"{k}={v}" for k, v in env.items()), *cmd],
                              capture_output=True, text=True, timeout=timeout, input=input)
        if check and done.returncode != 0:
            raise MachineError(f"{' '.join(cmd)} exited {done.returncode}:\n"
                               f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
        return done

    def unit(self, name: str) -> dict[str, str]:
        out = self.run("systemctl", "show", name, "-p",
                       "ActiveState,SubState,Result,MainPID,NRestarts,StatusText,"
                       "ExecMainStatus,ExecMainCode").stdout
        return dict(line.split("=", 1) for line in out.splitlines() if "=" in line)

    def journal(self, unit: str, since: str = "") -> str:
        args = ["journalctl", "-u", unit, "--no-pager", "-o", "cat"]
        return self.run(*args, *(["--since", since] if since else [])).stdout

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()             # nspawn: halt the container in order
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        shutil.rmtree(self.root, ignore_errors=True)


def _children(pid: int) -> list[int]:
    """Processes whose parent is pid (from /proc: the kernel may lack .../children)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found
