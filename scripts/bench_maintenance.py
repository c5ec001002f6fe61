"""Maintenance benchmark: plan generation, reliability figures, expiry alerts.

    make bench BENCH=maintenance          # N=1000
    make bench BENCH=maintenance N=5000

One database with it_asset (no demo data), N assets in one category covered
by one quarterly plan, a corrective history of 0 to 3 failures per asset and
warranties ending within the alert window. Timed through the ORM as the
daily jobs and the register run them: the first generation (N preventive
requests), the re-run (nothing to create), the reliability figures of the N
assets (list view columns: counts, cost, MTBF, MTTR, underperforming), the
Underperforming filter, the reliability analysis grouped by manufacturer and
the expiry alerts (N activities). Each line gives the wall time and the number
of SQL queries.
"""

import datetime as dt
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.environ.get("ODOO_SRC", "/opt/odoo-18.0"))

from bench_common import create_database, environment, machine, timer  # noqa: E402

DB = "it_asset_bench_maintenance"
N = int(os.environ.get("N", "1000"))


def _fixtures(env):
    today = dt.date.today()
    category = env["it.asset.category"].create({"name": "Bench servers"})
    brands = env["res.partner"].create(
        [{"name": f"Bench brand {i}", "is_company": True} for i in range(5)]
    )
    assets = env["it.asset"].create(
        [
            {
                "name": f"Bench server {i}",
                "category_id": category.id,
                "manufacturer_id": brands[i % 5].id,
                "model_name": f"Model {i % 10}",
                "acquisition_date": today - dt.timedelta(days=400 + i % 300),
                "warranty_end_date": today + dt.timedelta(days=1 + i % 25),
                "state": "in_use",
            }
            for i in range(N)
        ]
    )
    done = env.ref("maintenance.stage_3")
    env["maintenance.request"].create(
        [
            {
                "name": f"Failure {i}",
                "it_asset_id": asset.id,
                "maintenance_type": "corrective",
                "request_date": today - dt.timedelta(days=30 * (k + 1)),
                "close_date": today - dt.timedelta(days=30 * (k + 1) - 2),
                "stage_id": done.id,
                "labour_cost": 50.0,
            }
            for i, asset in enumerate(assets)
            for k in range(i % 4)
        ]
    )
    env["it.asset.maintenance.plan"].create(
        {
            "name": "Bench quarterly check",
            "target": "category",
            "category_id": category.id,
            "interval_number": 3,
            "interval_unit": "month",
            "lead_days": 14,
            "start_date": today - dt.timedelta(days=85),
        }
    )
    return assets


def _step(env, results, queries, key, func):
    env.flush_all()
    env.invalidate_all()
    before = env.cr.sql_log_count
    with timer(results, key):
        func()
        env.flush_all()
        env.cr.precommit.run()
    queries[key] = env.cr.sql_log_count - before


def main():
    create_database(DB, ["it_asset"])
    results, queries = {}, {}
    with environment(DB) as env:
        env = env(context={"tracking_disable": True})
        assets = _fixtures(env)
        env.cr.commit()
        Plan = env["it.asset.maintenance.plan"]
        Asset = env["it.asset"]
        created = {}

        def generate():
            created["first"] = Plan._cron_generate_requests(batch_size=N)

        _step(env, results, queries, "plan generation (first run)", generate)
        count = env["maintenance.request"].search_count(
            [("it_asset_plan_id", "!=", False)]
        )
        assert count == N, count
        _step(
            env,
            results,
            queries,
            "plan generation (re-run)",
            lambda: Plan._cron_generate_requests(batch_size=N),
        )
        assert (
            env["maintenance.request"].search_count([("it_asset_plan_id", "!=", False)])
            == N
        )
        _step(
            env,
            results,
            queries,
            "reliability figures",
            lambda: assets.read(
                [
                    "maintenance_count",
                    "maintenance_cost",
                    "failure_count",
                    "mtbf_days",
                    "mttr_days",
                    "underperforming",
                    "next_maintenance_date",
                ]
            ),
        )
        _step(
            env,
            results,
            queries,
            "filter underperforming",
            lambda: Asset.search([("underperforming", "=", True)]),
        )
        _step(
            env,
            results,
            queries,
            "analysis by manufacturer",
            lambda: env["it.asset.reliability.report"]._read_group(
                [],
                ["manufacturer_id"],
                ["failure_rate:sum", "mtbf_days:sum", "avg_repair_cost:sum"],
            ),
        )
        _step(env, results, queries, "expiry alerts", Asset._cron_expiry_alerts)
        alerted = env["mail.activity"].search_count([("res_model", "=", "it.asset")])
        assert alerted == N, alerted
        env.cr.rollback()
    print()
    print(f"Maintenance benchmark, N={N} assets; {machine()}")
    print(
        f"{'operation':<30} {'assets':>7} {'seconds':>9} {'ms/asset':>9} {'queries':>8}"
    )
    for key, seconds in results.items():
        print(
            f"{key:<30} {N:>7} {seconds:>9.2f} {seconds * 1000 / N:>9.2f} "
            f"{queries[key]:>8}"
        )


if __name__ == "__main__":
    main()
