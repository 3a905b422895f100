#!/bin/sh
# Prepare this machine to run the kiosk: Debian packages, a virtual
# environment with the project installed, fonts and catalogs. Sourced by
# demo.sh and test.sh. A second run only checks stamps and takes seconds.
set -eu

ROOT=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
VENV="$ROOT/.venv"
APT_PACKAGES="python3-venv python3-pip libmtdev1 libgl1 libegl1 libgles2 libgl1-mesa-dri \
xvfb xauth fonts-noto-cjk fonts-ddc-uchen fonts-material-design-icons-iconfont libraqm0 \
espeak-ng alsa-utils chromium"
# devices/camera/zbar.py: zbar reads check-in QR codes before OpenCV does
APT_PACKAGES="$APT_PACKAGES libzbar0"
# tests/pg.py: a throwaway PostgreSQL cluster for the platform's tests on PostgreSQL
APT_PACKAGES="$APT_PACKAGES postgresql"
# scripts/lint-deploy.sh: shellcheck and systemd-analyze; the booted-system test
# (scripts/test.sh --deploy) adds debootstrap and systemd-nspawn through KIOSK_EXTRA_APT
APT_PACKAGES="$APT_PACKAGES shellcheck systemd ${KIOSK_EXTRA_APT:-}"

missing_packages() {
    for pkg in $APT_PACKAGES; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || printf '%s ' "$pkg"
    done
}

install_packages() {
    missing=$(missing_packages)
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "These Debian packages are missing. Install them, then run this again:" >&2
        echo "  sudo apt-get install -y --no-install-recommends $missing" >&2
        exit 1
    fi
    echo "Installing Debian packages: $missing" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >&2
}

install_project() {
    stamp="$VENV/.installed-$(sha256sum < "$ROOT/pyproject.toml" | cut -c1-16)"
    [ -f "$stamp" ] && return 0
    if [ ! -x "$VENV/bin/python" ]; then
        python3 -m venv "$VENV"
    fi
    "$VENV/bin/python" -m pip install -q --upgrade pip >&2
    "$VENV/bin/python" -m pip install -q -e "${ROOT}[test]" >&2
    "$VENV/bin/kiosk" setup >&2
    rm -f "$VENV"/.installed-*
    touch "$stamp"
}

install_packages
install_project
