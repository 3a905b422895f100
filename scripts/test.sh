#!/bin/sh
# Run the whole test suite headless (on a virtual X display), on all cores.
# Extra arguments go to pytest, e.g. scripts/test.sh tests/session -x
# --deploy: only the booted-system test (tests/deploy/: debootstrap + systemd-nspawn,
# as root, minutes), which the normal run skips.
set -eu
ROOT=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
if [ "${1:-}" = "--deploy" ]; then
    shift
    KIOSK_EXTRA_APT="debootstrap systemd-container"
    . "$ROOT/scripts/bootstrap.sh"
    cd "$ROOT"
    KIOSK_DEPLOY_TEST=1 exec "$ROOT/.venv/bin/python" -m pytest -n 0 -q -s tests/deploy "$@"
fi
. "$ROOT/scripts/bootstrap.sh"
cd "$ROOT"
"$ROOT/.venv/bin/ruff" check .
exec xvfb-run -a -s "-screen 0 1080x1920x24" \
    "$ROOT/.venv/bin/python" -m pytest -n auto -q "$@"
