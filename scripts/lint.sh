#!/usr/bin/env bash
# make lint: ruff (check + format check) and pylint-odoo with OCA 18.0 settings.
source "$(dirname "$0")/common.sh"
cd "$REPO"
if [ ! -x "$VENV/bin/ruff" ] || [ ! -x "$VENV/bin/pylint" ]; then
    "$REPO/scripts/setup.sh"
fi
say "ruff check"
"$VENV/bin/ruff" check .
say "ruff format --check"
"$VENV/bin/ruff" format --check .
say "pylint-odoo (OCA 18.0 mandatory checks: blocking)"
"$VENV/bin/pylint" --rcfile=.pylintrc-mandatory "$(addons_dir)/$ADDON"
say "pylint-odoo (OCA 18.0 optional checks: reported)"
"$VENV/bin/pylint" --rcfile=.pylintrc --exit-zero "$(addons_dir)/$ADDON" || true
say "lint passed"
