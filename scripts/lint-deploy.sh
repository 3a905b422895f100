#!/bin/sh
# Lint what goes onto a terminal: shellcheck on every shell script of the repository,
# `systemd-analyze verify` on every unit in deploy/systemd/, failing on any line it
# prints. The units name programs that only exist on a provisioned box (the release's
# kiosk command, Xorg), so they are verified in a scratch root that holds the host's
# own units and an empty executable at each path an Exec line names.
set -eu
ROOT=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
cd "$ROOT"

scripts=$(git ls-files --cached --others --exclude-standard | while read -r f; do
    case "$f" in
        *.sh) echo "$f" ;;
        *) if [ -f "$f" ] && head -n 1 "$f" | grep -q '^#!.*[/ ]\(ba\)\?sh$'; then echo "$f"; fi ;;
    esac
done)
# shellcheck disable=SC2086
shellcheck -x $scripts
echo "shellcheck: $(echo "$scripts" | wc -l) scripts clean"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/usr/lib/systemd" "$scratch/etc/systemd/system"
cp -r /lib/systemd/system "$scratch/usr/lib/systemd/system"
cp deploy/systemd/* "$scratch/etc/systemd/system/"
mkdir -p "$scratch/etc/systemd/system/kiosk-display.service.d"
cp deploy/dropins/kiosk-display-headless.conf "$scratch/etc/systemd/system/kiosk-display.service.d/"
grep -ho '^Exec[A-Za-z]*=[-@:+!]*/[^ ]*' deploy/systemd/* deploy/dropins/* | sed 's/^[^=]*=[-@:+!]*//' | sort -u |
    while read -r exe; do
        mkdir -p "$scratch$(dirname "$exe")"
        printf '#!/bin/sh\n' > "$scratch$exe"
        chmod +x "$scratch$exe"
    done
units=$(cd deploy/systemd && ls)
# shellcheck disable=SC2086
out=$(cd "$scratch/etc/systemd/system" && systemd-analyze verify --root="$scratch" $units 2>&1) || {
    echo "$out"; echo "systemd-analyze verify failed" >&2; exit 1; }
if [ -n "$out" ]; then
    echo "$out"; echo "systemd-analyze verify printed warnings (treated as failures)" >&2; exit 1
fi
echo "systemd-analyze verify: $(echo "$units" | wc -l) units clean"

# the updater is Python without a .py name, which `ruff check .` does not pick up
if [ -x .venv/bin/ruff ]; then
    .venv/bin/ruff check deploy/bin/kiosk-update
fi
