#!/usr/bin/env bash
# make neighbours: Odoo's own tests of the modules it_asset builds on, run by
# pytest-odoo on two fresh databases: one with it_asset's dependencies only
# (the baseline: what Odoo does without the addon) and one with it_asset
# installed. Installing the addon must change nothing: the command fails when
# a test that passes on the baseline fails with it_asset.
#   make neighbours                                  stock_account, maintenance, stock
#   make neighbours NEIGHBOURS="stock_account maintenance"
#   make neighbours KEEP_BASELINE=1                  reuse the last baseline report
source "$(dirname "$0")/common.sh"
"$REPO/scripts/setup.sh"
MODULES="${NEIGHBOURS:-stock_account maintenance stock}"
OUT="$STATE/neighbours"
mkdir -p "$OUT"
paths=()
for module in $MODULES; do paths+=("$ODOO_SRC/addons/$module/tests"); done
CONF="$STATE/neighbours-odoo.conf"

run_on() {
    local db="$1" install="$2" report="$3"
    if [ "${KEEP_BASELINE:-0}" = 1 ] && [ "$db" = it_asset_neighbours_base ] && [ -s "$report" ]; then
        say "$db: keeping the baseline of the last run ($report)"
        return
    fi
    say "$db: installing $install"
    "$PGBIN/dropdb" -h 127.0.0.1 -p "$(pg_port)" -U odoo --if-exists --force "$db"
    odoo_bin -d "$db" -i "$install" --stop-after-init --max-cron-threads=0 --log-level=warn
    write_odoo_conf "$CONF" "$db"
    say "$db: Odoo's tests of $MODULES"
    # HttpCase tours need Odoo's HTTP server, which pytest-odoo does not start:
    # they are left out on both databases alike
    (cd "$ODOO_SRC/addons" && "$VENV/bin/pytest" --odoo-config="$CONF" --odoo-database="$db" \
        -p no:cacheprovider -p no:randomly -q -rfE -W ignore::DeprecationWarning \
        -k "not tour and not Tour and not test_ui" "${paths[@]}") >"$report" 2>&1 || true
    tail -1 "$report" >&2
}

# the baseline has what it_asset depends on (and what Odoo auto-installs with it)
run_on it_asset_neighbours_base "stock_account,maintenance,hr" "$OUT/base.txt"
run_on it_asset_neighbours "$ADDON" "$OUT/it_asset.txt"

failed() { grep -E '^(FAILED|ERROR) ' "$1" | sed -E 's/^(FAILED|ERROR) ([^ ]+).*/\2/' | sort -u; }
failed "$OUT/base.txt" >"$OUT/base.failed"
failed "$OUT/it_asset.txt" >"$OUT/it_asset.failed"
new="$(comm -13 "$OUT/base.failed" "$OUT/it_asset.failed")"
say "baseline: $(tail -1 "$OUT/base.txt")"
say "with it_asset: $(tail -1 "$OUT/it_asset.txt")"
if [ -s "$OUT/base.failed" ]; then
    say "failing without it_asset too (Odoo's own, not the addon's):"
    sed 's/^/    /' "$OUT/base.failed" >&2
fi
if [ -n "$new" ]; then
    say "failing only with it_asset:"
    echo "$new" | sed 's/^/    /' >&2
    exit 1
fi
say "good neighbour: no test of $MODULES fails because of it_asset"
