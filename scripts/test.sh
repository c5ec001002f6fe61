#!/usr/bin/env bash
# make test: fresh database, it_asset installed with demo data, the whole suite
# through Odoo's own runner (browser tours included). Prints "N passed, M failed"
# and exits non-zero on any failed test or any logged ERROR/CRITICAL line.
source "$(dirname "$0")/common.sh"
"$REPO/scripts/setup.sh"

TAGS="${TEST_TAGS:-/$ADDON}"
LOG="$STATE/test-$TEST_DB.log"
mkdir -p "$STATE"
say "Dropping and recreating the test database $TEST_DB"
"$PGBIN/dropdb" -h 127.0.0.1 -p "$(pg_port)" -U odoo --if-exists --force "$TEST_DB"

say "Installing $ADDON and running tests (tags: $TAGS); log: $LOG"
set +e
odoo_bin -d "$TEST_DB" -i "$ADDON" --test-enable --test-tags "$TAGS" \
    --http-port="$TEST_HTTP_PORT" --gevent-port=$((TEST_HTTP_PORT + 1)) --workers=0 \
    --max-cron-threads=0 --stop-after-init --log-level=test ${ODOO_TEST_ARGS:-} 2>&1 | tee "$LOG"
rc=${PIPESTATUS[0]}
set -e

"$PY" "$REPO/scripts/test_summary.py" "$LOG" "$rc"
