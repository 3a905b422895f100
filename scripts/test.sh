#!/bin/sh
# Run the whole test suite headless (on a virtual X display), on all cores, then the
# platform's tests again on PostgreSQL. Extra arguments run only pytest with them, e.g.
# scripts/test.sh tests/session -x (KIOSK_TEST_STORE=postgresql: on PostgreSQL).
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
run_pytest() {
    xvfb-run -a -s "-screen 0 1080x1920x24" "$ROOT/.venv/bin/python" -m pytest -n auto --dist worksteal -q "$@"
}
if [ "$#" -gt 0 ]; then
    run_pytest "$@"
    exit 0
fi
run_pytest
# the platform's tests once more with PostgreSQL as its store (a throwaway cluster per
# test process, tests/conftest.py): its own, and the terminal-side tests that submit to it,
# sync from it, kill it or read what it stored; SQLite's own file stays SQLite's, and tests
# with a cluster of their own have covered PostgreSQL already
KIOSK_TEST_STORE=postgresql run_pytest -m "not sqlite_only and not own_cluster" \
    tests/central tests/guidance tests/console tests/feedback tests/policies/test_platform.py \
    tests/fleet tests/notice/test_contract.py tests/registration/test_submit.py \
    tests/assessment/test_platform.py tests/platform/test_catalog_sync.py \
    tests/platform/test_link.py tests/platform/test_outbox.py tests/platform/test_parking.py \
    tests/platform/test_signing.py tests/platform/test_contract.py \
    tests/reliability/test_faults.py tests/reliability/test_known_bugs.py \
    tests/reliability/test_fuzz_platform.py
