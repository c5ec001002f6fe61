# it_asset: one-command set-up, demo, tests, lint and benchmarks.
# ODOO_SRC (default /opt/odoo-18.0) must hold the Odoo 18.0 source; the
# set-up fetches it when absent. All state lives in ./.venv and ./.odoo.
SHELL := /bin/bash
export ODOO_SRC ?= /opt/odoo-18.0

.PHONY: setup demo demo-reset test pytest neighbours lint bench pot stop clean help

help:
	@echo "make demo    serve Odoo with it_asset and demo data at http://localhost:8069 (admin/admin)"
	@echo "make test    fresh test database, the whole suite (tours included), 'N passed, M failed'"
	@echo "make pytest  fast path: pytest-odoo on an existing database (PYTEST_ARGS=..., PYTEST_DB=...)"
	@echo "make neighbours  Odoo's stock_account, maintenance and stock tests with and without it_asset"
	@echo "make lint    ruff check + format check, pylint-odoo (OCA 18.0 settings)"
	@echo "make bench   benchmarks (N=2000, SKIP_OCA=1), figures in bench-results/"
	@echo "make pot     regenerate i18n/it_asset.pot"
	@echo "make stop    stop the private PostgreSQL cluster"

setup:
	@scripts/setup.sh

demo:
	@scripts/demo.sh

demo-reset:
	@source scripts/common.sh && scripts/setup.sh && \
	  "$$PGBIN/dropdb" -h 127.0.0.1 -p "$$(pg_port)" -U odoo --if-exists --force "$$DEMO_DB"
	@scripts/demo.sh

test:
	@scripts/test.sh

pytest:
	@scripts/pytest.sh

neighbours:
	@scripts/neighbours.sh

lint:
	@scripts/lint.sh

bench:
	@scripts/bench.sh

pot:
	@scripts/pot.sh

stop:
	@source scripts/common.sh && runuser -u postgres -- "$$PGBIN/pg_ctl" -D "$$STATE/pg/data/" stop 2>/dev/null \
	  || "$$PGBIN/pg_ctl" -D "$$STATE/pg/data/" stop

clean: stop
	rm -rf .odoo .venv
