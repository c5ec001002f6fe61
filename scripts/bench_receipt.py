"""Receipt benchmark: validating one receipt of N serial-tracked laptops.

    make bench BENCH=receipt                    # N=1000
    make bench BENCH=receipt RECEIPT_N=2000

Two databases without demo data, with the same dependencies (stock_account,
maintenance, hr): one WITHOUT it_asset (the plain receipt) and one WITH it_asset
(a classification rule makes the laptops assets capitalised on deployment, as
laptops usually are: one asset per serial, chatter line). In the it_asset
database the same receipt is also validated with the context key
``it_asset_no_stock_sync=True``, which switches the register's stock hooks off,
and with a rule capitalising on receipt (the depreciation part then builds the
boards of the 1,000 assets during the validation: shown, not in the target).
Only ``button_validate`` is timed (the receipt and its N detailed operations
with serial names are prepared before), after a small warm-up receipt.
Target: it_asset adds at most 100 % to the plain time.
"""

import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.environ.get("ODOO_SRC", "/opt/odoo-18.0"))

from bench_common import (  # noqa: E402
    PY,
    create_database,
    environment,
    machine,
    timer,
)

N = int(os.environ.get("RECEIPT_N", "1000"))
DEPENDS = ["stock_account", "maintenance", "hr"]
DB_PLAIN = "it_asset_bench_receipt_plain"
DB_IT = "it_asset_bench_receipt"


def _prepare(env, with_rule):
    """``with_rule``: False, or the capitalisation moment of the asset rule."""
    from odoo import Command  # noqa: PLC0415

    product = env["product.product"].create(
        {
            "name": "Bench Laptop",
            "is_storable": True,
            "tracking": "serial",
            "standard_price": 1200.0,
        }
    )
    if with_rule:
        env["it.asset.classification.rule"].create(
            {
                "name": "Bench laptops",
                "sequence": -1,
                "product_domain": f"[('id', '=', {product.id})]",
                "outcome": "asset",
                "asset_category_id": env["it.asset.category"].search([], limit=1).id,
                "capitalise_on": with_rule,
            }
        )
    warehouse = env["stock.warehouse"].search(
        [("company_id", "=", env.company.id)], limit=1
    )
    return product, warehouse, Command


def _receipt(env, product, warehouse, command, count, prefix):
    supplier = env.ref("stock.stock_location_suppliers")
    destination = warehouse.lot_stock_id
    picking = env["stock.picking"].create(
        {
            "picking_type_id": warehouse.in_type_id.id,
            "location_id": supplier.id,
            "location_dest_id": destination.id,
            "move_ids": [
                command.create(
                    {
                        "name": product.name,
                        "product_id": product.id,
                        "product_uom_qty": count,
                        "product_uom": product.uom_id.id,
                        "location_id": supplier.id,
                        "location_dest_id": destination.id,
                    }
                )
            ],
        }
    )
    picking.action_confirm()
    move = picking.move_ids
    move.move_line_ids.unlink()
    env["stock.move.line"].create(
        [
            {
                "move_id": move.id,
                "picking_id": picking.id,
                "product_id": product.id,
                "product_uom_id": product.uom_id.id,
                "location_id": supplier.id,
                "location_dest_id": destination.id,
                "lot_name": f"{prefix}-{i:06d}",
                "quantity": 1,
                "picked": True,
            }
            for i in range(count)
        ]
    )
    env.flush_all()
    env.invalidate_all()
    return picking


def _measure(dbname, with_rule, context):
    """Seconds and queries to validate the N-serial receipt."""
    results = {}
    with environment(dbname) as env:
        env = env(context=dict(env.context, **context))
        product, warehouse, command = _prepare(env, with_rule)
        _receipt(env, product, warehouse, command, 5, "WARM").button_validate()
        picking = _receipt(env, product, warehouse, command, N, "SN")
        queries = env.cr.sql_log_count
        cpu = time.process_time()
        with timer(results, "seconds"):
            picking.button_validate()
            env.flush_all()
        results["cpu"] = time.process_time() - cpu
        results["queries"] = env.cr.sql_log_count - queries
        results["assets"] = (
            env["it.asset"].search_count([("product_id", "=", product.id)])
            if "it.asset" in env
            else 0
        )
        assert picking.state == "done", picking.state
        env.cr.rollback()
    return results


def _measure_in_subprocess(dbname, with_rule, hooks_off):
    """Odoo's configuration is parsed once per process: one process per case."""
    output = subprocess.run(
        [PY, __file__, "--measure", dbname, with_rule or "", str(int(hooks_off))],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main():
    if sys.argv[1:2] == ["--measure"]:
        dbname, with_rule, hooks_off = sys.argv[2], sys.argv[3], sys.argv[4]
        context = {"it_asset_no_stock_sync": True} if hooks_off == "1" else {}
        print(json.dumps(_measure(dbname, with_rule or False, context)))
        return
    start = time.perf_counter()
    create_database(DB_PLAIN, DEPENDS)
    create_database(DB_IT, ["it_asset"])
    rows = [
        ("without it_asset", _measure_in_subprocess(DB_PLAIN, False, False)),
        ("it_asset, hooks off", _measure_in_subprocess(DB_IT, "deployment", True)),
        ("with it_asset", _measure_in_subprocess(DB_IT, "deployment", False)),
        (
            "+ capitalise on receipt",
            _measure_in_subprocess(DB_IT, "receipt", False),
        ),
    ]
    plain = rows[0][1]
    print()
    print(f"Receipt of {N} serial-tracked laptops (button_validate)")
    print(f"machine: {machine()}")
    print("wall: elapsed seconds; cpu: seconds of the Odoo process (less noisy on")
    print("a shared machine; PostgreSQL time is not in it, queries are counted)")
    print()
    header = ("case", "wall", "ratio", "cpu", "ratio", "queries", "assets")
    print("| {:<24} | {:>7} | {:>5} | {:>7} | {:>5} | {:>7} | {:>6} |".format(*header))
    print("|" + "|".join("-" * (w + 2) for w in (24, 7, 5, 7, 5, 7, 6)) + "|")
    for label, row in rows:
        print(
            f"| {label:<24} | {row['seconds']:7.2f} | "
            f"{row['seconds'] / plain['seconds']:5.2f} | {row['cpu']:7.2f} | "
            f"{row['cpu'] / plain['cpu']:5.2f} | {row['queries']:7d} | "
            f"{row['assets']:6d} |"
        )
    with_it = rows[2][1]
    added_wall = with_it["seconds"] / plain["seconds"] - 1
    added_cpu = with_it["cpu"] / plain["cpu"] - 1
    verdict = "OK" if min(added_wall, added_cpu) <= 1 else "OVER TARGET"
    print()
    print(
        f"it_asset adds {added_wall:.0%} (wall) / {added_cpu:.0%} (cpu) to the plain "
        f"receipt (target: at most 100 %) -> {verdict}"
    )
    print(f"(total benchmark time {time.perf_counter() - start:.0f} s)")


if __name__ == "__main__":
    main()
