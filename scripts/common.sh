# shellcheck shell=bash
# Shared settings and helpers for the make targets. Sourced, never run.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ADDON=it_asset
ODOO_SRC="${ODOO_SRC:-/opt/odoo-18.0}"
# The first commit of this public snapshot is a complete, official 18.0 tree.
ODOO_SNAPSHOT_GIT="${ODOO_SNAPSHOT_GIT:-/work/.mirror/hlaadhari+odoo-18.0/repo}"
ODOO_SNAPSHOT_COMMIT=1b5d1564
STATE="${IT_ASSET_STATE:-$REPO/.odoo}"
VENV="${VENV:-$REPO/.venv}"
PY="$VENV/bin/python"
PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"
HTTP_PORT="${HTTP_PORT:-8069}"
TEST_HTTP_PORT="${TEST_HTTP_PORT:-18069}"
DEMO_DB="${DEMO_DB:-it_asset_demo}"
TEST_DB="${TEST_DB:-it_asset_test}"

say() { printf '\033[1m[it_asset]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[it_asset] %s\033[0m\n' "$*" >&2; exit 1; }

# Folder holding a symlink named after the addon, so Odoo and pytest-odoo
# import it as odoo.addons.it_asset whatever the checkout folder is called.
addons_dir() {
    mkdir -p "$STATE/addons"
    ln -sfn "$REPO" "$STATE/addons/$ADDON"
    echo "$STATE/addons"
}

oca_addons_dir() {
    # OCA addons installed from PyPI wheels land in site-packages/odoo/addons.
    "$PY" - <<'PY' 2>/dev/null || true
import sysconfig, pathlib
p = pathlib.Path(sysconfig.get_paths()["purelib"]) / "odoo" / "addons"
print(p if p.is_dir() else "")
PY
}

addons_path() {
    local path="$ODOO_SRC/addons,$(addons_dir)"
    local oca
    oca="$(oca_addons_dir)"
    [ -n "$oca" ] && path="$path,$oca"
    echo "$path"
}

pg_port() { cat "$STATE/pg/port"; }
# write_odoo_conf FILE [DB] [EXTRA LINES]: an Odoo configuration for this
# checkout's addons, data and PostgreSQL (used by pytest-odoo and the benchmarks)
write_odoo_conf() {
    local file="$1" db="${2:-}" extra="${3:-}"
    {
        echo "[options]"
        echo "addons_path = $(addons_path)"
        echo "data_dir = $STATE/data"
        echo "db_host = 127.0.0.1"
        echo "db_port = $(pg_port)"
        echo "db_user = odoo"
        echo "db_password = odoo"
        if [ -n "$db" ]; then echo "db_name = $db"; fi
        echo "http_port = $TEST_HTTP_PORT"
        if [ -n "$extra" ]; then printf '%s\n' "$extra"; fi
    } >"$file"
}

odoo_bin() {
    # Run Odoo 18 from the source tree with our virtualenv and database cluster.
    "$PY" "$ODOO_SRC/odoo-bin" \
        --addons-path="$(addons_path)" \
        --data-dir="$STATE/data" \
        --db_host=127.0.0.1 --db_port="$(pg_port)" --db_user=odoo --db_password=odoo \
        "$@"
}

psql_odoo() { "$PGBIN/psql" -h 127.0.0.1 -p "$(pg_port)" -U odoo "$@"; }
