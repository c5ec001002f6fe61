#!/usr/bin/env bash
# make demo: a database with demo data and it_asset installed, served on
# http://localhost:$HTTP_PORT (admin / admin). A second run reuses everything.
source "$(dirname "$0")/common.sh"
"$REPO/scripts/setup.sh"

if ! psql_odoo -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DEMO_DB'" | grep -q 1; then
    say "Creating the demo database $DEMO_DB (a minute or two the first time)"
    odoo_bin -d "$DEMO_DB" -i "$ADDON" --stop-after-init --http-port="$HTTP_PORT" \
        --max-cron-threads=0 --log-level=warn
else
    say "Reusing the demo database $DEMO_DB (DEMO_DB=other to start another; make demo-reset to rebuild)"
fi
say "Serving Odoo at http://localhost:$HTTP_PORT  (login admin / admin; Ctrl-C stops it)"
exec "$PY" "$ODOO_SRC/odoo-bin" --addons-path="$(addons_path)" --data-dir="$STATE/data" \
    --db_host=127.0.0.1 --db_port="$(pg_port)" --db_user=odoo --db_password=odoo \
    -d "$DEMO_DB" --db-filter="^$DEMO_DB\$" --http-port="$HTTP_PORT" \
    --gevent-port=$((HTTP_PORT + 3)) ${ODOO_DEMO_ARGS:-}
