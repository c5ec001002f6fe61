#!/usr/bin/env bash
# make pot: regenerate i18n/it_asset.pot from a database with it_asset installed
# (POT_DB, default it_asset_pot: created or updated first).
source "$(dirname "$0")/common.sh"
"$REPO/scripts/setup.sh"
DB="${POT_DB:-it_asset_pot}"
if psql_odoo -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1; then
    odoo_bin -d "$DB" -u "$ADDON" --stop-after-init --max-cron-threads=0 --log-level=warn
else
    odoo_bin -d "$DB" -i "$ADDON" --without-demo=all --stop-after-init --max-cron-threads=0 --log-level=warn
fi
mkdir -p "$REPO/i18n"
# The exporter walks the module folder; this checkout also holds .venv and .odoo
# (with a link back to itself), so export from a clean copy of the addon's files.
CLEAN="$STATE/pot-addons"
rm -rf "$CLEAN" && mkdir -p "$CLEAN/$ADDON"
(cd "$REPO" && git ls-files -co --exclude-standard -z | xargs -0 cp --parents -t "$CLEAN/$ADDON")
"$PY" "$ODOO_SRC/odoo-bin" --addons-path="$ODOO_SRC/addons,$CLEAN" --data-dir="$STATE/data" \
    --db_host=127.0.0.1 --db_port="$(pg_port)" --db_user=odoo --db_password=odoo \
    -d "$DB" --i18n-export="$REPO/i18n/$ADDON.pot" --modules="$ADDON" --log-level=warn
rm -rf "$CLEAN"
say "wrote i18n/$ADDON.pot ($(grep -c '^msgid' "$REPO/i18n/$ADDON.pot") messages)"
