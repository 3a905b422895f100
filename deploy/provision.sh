#!/bin/sh
# Turn a bare Debian 12 box into a terminal (docs/deploy.md walks through it).
# Idempotent: a second run changes nothing that the first set up, never overwrites
# /etc/kiosk/kiosk.toml or the key, and installs a release only when it is new.
#
#   deploy/provision.sh [--terminal-id ID] [--hall-name NAME] [--platform-url URL]
#       [--key-file FILE] [--simulated] [--headless] [--platform]
#       [--nightly-restart HH:MM] [--wheels DIR] [--no-start]
#
#   --simulated     the simulated reader, printer and camera (a lab box, the tests)
#   --headless      a virtual display (Xvfb) instead of the screen (labs, the tests)
#   --platform      also run the reference platform here, on 127.0.0.1:8780
#   --wheels DIR    install Python packages from DIR only (no package index)
set -eu

SRC=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
BASE=/opt/employment-kiosk
LIBEXEC=/usr/local/lib/employment-kiosk
TERMINAL_ID=demo-001
HALL_NAME=示范公共就业服务中心
PLATFORM_URL=http://127.0.0.1:8780
KEY_FILE=
SIMULATED=no
HEADLESS=no
PLATFORM=no
NIGHTLY=
WHEELS=
START=yes

usage() { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

while [ $# -gt 0 ]; do
    case "$1" in
        --terminal-id) TERMINAL_ID=$2; shift 2 ;;
        --hall-name) HALL_NAME=$2; shift 2 ;;
        --platform-url) PLATFORM_URL=$2; shift 2 ;;
        --key-file) KEY_FILE=$2; shift 2 ;;
        --simulated) SIMULATED=yes; shift ;;
        --headless) HEADLESS=yes; shift ;;
        --platform) PLATFORM=yes; shift ;;
        --nightly-restart) NIGHTLY=$2; shift 2 ;;
        --wheels) WHEELS=$2; shift 2 ;;
        --no-start) START=no; shift ;;
        *) usage ;;
    esac
done

say() { printf 'provision: %s\n' "$*" >&2; }
[ "$(id -u)" -eq 0 ] || { say "run as root"; exit 1; }
case "$NIGHTLY" in
    ''|[01][0-9]:[0-5][0-9]|2[0-3]:[0-5][0-9]) ;;
    *) say "--nightly-restart wants HH:MM, got $NIGHTLY"; exit 2 ;;
esac

# -- Debian packages ----------------------------------------------------------
PACKAGES="python3 python3-venv libmtdev1 libgl1 libegl1 libgles2 libgl1-mesa-dri \
fonts-noto-cjk fonts-ddc-uchen fonts-material-design-icons-iconfont libraqm0 espeak-ng \
alsa-utils systemd-timesyncd \
unattended-upgrades nftables util-linux"
if [ "$HEADLESS" = yes ]; then
    PACKAGES="$PACKAGES xvfb"
else
    PACKAGES="$PACKAGES xserver-xorg-core xserver-xorg-input-libinput"
fi
missing=
for pkg in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
        || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
    say "installing Debian packages:$missing"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
fi

# -- users and groups ---------------------------------------------------------
if ! id kiosk >/dev/null 2>&1; then
    say "creating the user kiosk"
    useradd --system --user-group --home-dir /nonexistent --no-create-home \
        --shell /usr/sbin/nologin kiosk
fi
for group in dialout lp video audio; do
    getent group "$group" >/dev/null || groupadd --system "$group"
    id -nG kiosk | tr ' ' '\n' | grep -qx "$group" || usermod -aG "$group" kiosk
done
if [ "$PLATFORM" = yes ] && ! id kiosk-platform >/dev/null 2>&1; then
    useradd --system --user-group --home-dir /nonexistent --no-create-home \
        --shell /usr/sbin/nologin kiosk-platform
fi

# -- programs and the first release -------------------------------------------
install -d -m 0755 "$BASE" "$BASE/releases" "$LIBEXEC"
install -m 0755 "$SRC/deploy/bin/kiosk-wait-display" "$LIBEXEC/kiosk-wait-display"
install -m 0755 "$SRC/deploy/bin/kiosk-update" /usr/local/sbin/kiosk-update
if [ -n "$WHEELS" ]; then
    version=$(kiosk-update install --wheels "$WHEELS" "$SRC")
else
    version=$(kiosk-update install "$SRC")
fi
[ -L "$BASE/current" ] || kiosk-update switch "$version"

# -- site configuration and key -----------------------------------------------
install -d -m 0750 -o root -g kiosk /etc/kiosk
if [ ! -f /etc/kiosk/kiosk.toml ]; then
    if [ "$SIMULATED" = yes ]; then
        idcard=sim; printer=sim; camera=sim; voice=sim
    else
        idcard=serial; printer="file"; camera=opencv; voice=alsa
    fi
    say "writing /etc/kiosk/kiosk.toml for $TERMINAL_ID"
    sed -e "s|@TERMINAL_ID@|$TERMINAL_ID|g" -e "s|@HALL_NAME@|$HALL_NAME|g" \
        -e "s|@PLATFORM_URL@|$PLATFORM_URL|g" -e "s|@IDCARD_DRIVER@|$idcard|g" \
        -e "s|@PRINTER_DRIVER@|$printer|g" -e "s|@CAMERA_DRIVER@|$camera|g" \
        -e "s|@VOICE_DRIVER@|$voice|g" \
        "$SRC/deploy/kiosk.toml.in" > /etc/kiosk/kiosk.toml.new
    chmod 0640 /etc/kiosk/kiosk.toml.new
    chgrp kiosk /etc/kiosk/kiosk.toml.new
    mv /etc/kiosk/kiosk.toml.new /etc/kiosk/kiosk.toml
fi
if [ -n "$KEY_FILE" ] && [ ! -f /etc/kiosk/terminal.key ]; then
    install -m 0640 -o root -g kiosk "$KEY_FILE" /etc/kiosk/terminal.key
fi
[ ! -f /etc/kiosk/terminal.key ] || { chmod 0640 /etc/kiosk/terminal.key; chgrp kiosk /etc/kiosk/terminal.key; }

# -- the system: journald, time, updates, power, udev, X, firewall ------------
install -d /etc/systemd/journald.conf.d /etc/systemd/logind.conf.d /etc/X11/xorg.conf.d \
    /etc/udev/rules.d
install -m 0644 "$SRC/deploy/journald/kiosk.conf" /etc/systemd/journald.conf.d/kiosk.conf
install -m 0644 "$SRC/deploy/udev/70-employment-kiosk.rules" /etc/udev/rules.d/
install -m 0644 "$SRC/deploy/xorg/10-kiosk.conf" /etc/X11/xorg.conf.d/10-kiosk.conf
install -m 0644 "$SRC/deploy/system/logind-kiosk.conf" /etc/systemd/logind.conf.d/kiosk.conf
install -m 0644 "$SRC/deploy/system/20auto-upgrades" /etc/apt/apt.conf.d/20auto-upgrades
install -m 0644 "$SRC/deploy/system/nftables.conf" /etc/nftables.conf
systemctl mask --quiet sleep.target suspend.target hibernate.target hybrid-sleep.target
systemctl enable --quiet systemd-timesyncd.service nftables.service
if command -v udevadm >/dev/null && [ -d /run/udev/control ]; then
    udevadm control --reload
fi

# -- units ----------------------------------------------------------------------
for unit in employment-kiosk.service kiosk-display.service employment-kiosk-restart.service \
        employment-kiosk-restart.timer employment-platform.service kiosk-requests.path \
        kiosk-requests.service; do
    install -m 0644 "$SRC/deploy/systemd/$unit" "/etc/systemd/system/$unit"
done
if [ "$HEADLESS" = yes ]; then
    install -d /etc/systemd/system/kiosk-display.service.d
    install -m 0644 "$SRC/deploy/dropins/kiosk-display-headless.conf" \
        /etc/systemd/system/kiosk-display.service.d/headless.conf
fi
if [ -n "$NIGHTLY" ]; then
    install -d /etc/systemd/system/employment-kiosk-restart.timer.d
    printf '[Timer]\nOnCalendar=\nOnCalendar=*-*-* %s:00\n' "$NIGHTLY" \
        > /etc/systemd/system/employment-kiosk-restart.timer.d/hour.conf
fi
systemctl daemon-reload
systemctl set-default --quiet graphical.target
systemctl disable --quiet getty@tty1.service 2>/dev/null || true
systemctl enable --quiet kiosk-display.service employment-kiosk.service kiosk-requests.path
if [ -n "$WHEELS" ]; then     # releases from the fleet install from the same folder
    printf 'KIOSK_WHEELS=%s\n' "$WHEELS" > /etc/kiosk/update.env
fi
if [ -n "$NIGHTLY" ]; then
    systemctl enable --quiet employment-kiosk-restart.timer
else
    systemctl disable --quiet employment-kiosk-restart.timer
fi
if [ "$PLATFORM" = yes ]; then
    systemctl enable --quiet employment-platform.service
fi

if [ "$START" = yes ]; then
    systemctl restart systemd-journald.service
    systemctl start nftables.service systemd-timesyncd.service || true
    [ "$PLATFORM" = no ] || systemctl start employment-platform.service
    [ -z "$NIGHTLY" ] || systemctl start employment-kiosk-restart.timer
    systemctl start kiosk-display.service employment-kiosk.service kiosk-requests.path
fi
say "done: release $(basename "$(readlink "$BASE/current")") is current"
