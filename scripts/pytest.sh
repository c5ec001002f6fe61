#!/usr/bin/env bash
# make pytest: the fast path while developing. pytest-odoo runs the tests on an
# existing database (default: the demo one, it_asset upgraded first only when
# UPGRADE=1), without reinstalling anything.
#   make pytest PYTEST_ARGS="tests/test_asset_register.py -k serial"
source "$(dirname "$0")/common.sh"
"$REPO/scripts/setup.sh"
DB="${PYTEST_DB:-$DEMO_DB}"
if ! psql_odoo -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1; then
    say "Creating $DB with $ADDON installed"
    odoo_bin -d "$DB" -i "$ADDON" --stop-after-init --max-cron-threads=0 --log-level=warn
elif [ "${UPGRADE:-0}" = 1 ]; then
    odoo_bin -d "$DB" -u "$ADDON" --stop-after-init --max-cron-threads=0 --log-level=warn
fi
CONF="$STATE/pytest-odoo.conf"
write_odoo_conf "$CONF" "$DB"
# pytest-odoo names test modules after their path: run from the folder holding
# the it_asset symlink, with test paths under it_asset/.
cd "$(addons_dir)"
args=()
for arg in ${PYTEST_ARGS:-tests}; do
    case "$arg" in tests*) args+=("$ADDON/$arg") ;; *) args+=("$arg") ;; esac
done
exec "$VENV/bin/pytest" --odoo-config="$CONF" --odoo-database="$DB" -p no:cacheprovider \
    -W ignore::DeprecationWarning "${args[@]}"
