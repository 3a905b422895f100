#!/bin/sh
# Run the whole test suite headless (on a virtual X display), on all cores.
# Extra arguments go to pytest, e.g. scripts/test.sh tests/session -x
set -eu
ROOT=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
. "$ROOT/scripts/bootstrap.sh"
cd "$ROOT"
"$ROOT/.venv/bin/ruff" check .
exec xvfb-run -a -s "-screen 0 1080x1920x24" \
    "$ROOT/.venv/bin/python" -m pytest -n auto -q "$@"
