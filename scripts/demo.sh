#!/bin/sh
# Run the kiosk demo: the reference platform on 127.0.0.1 with demo data,
# simulated devices, and the kiosk in a window. --smoke: headless, render the
# home screen to PNG and exit 0.
set -eu
ROOT=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
. "$ROOT/scripts/bootstrap.sh"
exec "$ROOT/.venv/bin/kiosk" demo "$@"
