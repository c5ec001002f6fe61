#!/usr/bin/env bash
# make bench: run every scripts/bench_*.py (or BENCH=name for one), each on its
# own database; figures are printed and kept in bench-results/<name>.txt.
#   make bench                 all benchmarks, default sizes
#   make bench BENCH=depreciation N=2000
#   make bench BENCH=depreciation SKIP_OCA=1 N=100000
source "$(dirname "$0")/common.sh"
"$REPO/scripts/setup.sh"
mkdir -p "$REPO/bench-results"
export ODOO_RC="$STATE/bench-odoo.conf"
write_odoo_conf "$ODOO_RC" "" "max_cron_threads = 0
log_level = warn"
export IT_ASSET_REPO="$REPO" IT_ASSET_PY="$PY" ODOO_SRC
status=0
for script in "$REPO"/scripts/bench_*.py; do
    name="$(basename "$script" .py)"
    name="${name#bench_}"
    [ "$name" = common ] && continue
    [ -n "${BENCH:-}" ] && [ "$BENCH" != "$name" ] && continue
    say "benchmark: $name"
    if ! "$PY" "$script" 2>&1 | tee "$REPO/bench-results/$name.txt"; then status=1; fi
done
exit $status
