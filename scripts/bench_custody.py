"""Custody benchmark: bulk check-out, handover and check-in of N assets.

    make bench BENCH=custody          # N=500
    make bench BENCH=custody N=2000

One database with it_asset (no demo data). Timed through the ORM, as an IT
user would run them from the register (chatter tracking on): check-out of N
assets to one employee in one call, handover of them to another employee,
check-in to the IT Stock Room; then the same check-out for N stock-tracked
assets (serials in stock: one internal picking validated for the batch).
For scale, Odoo's own internal transfer of N serials of a product that is not
an IT asset (picking confirmed, one operation line per serial, validated), in
the same database. Each line gives the wall time and the number of SQL queries
(chatter tracking, which Odoo writes at commit, included). Run as an IT user
(IT Assets / User only) and, for Odoo's transfer, a warehouse user.
"""

import datetime as dt
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.environ.get("ODOO_SRC", "/opt/odoo-18.0"))

from bench_common import create_database, environment, machine, timer  # noqa: E402

DB = "it_asset_bench_custody"
N = int(os.environ.get("N", "500"))
DAY = dt.date(2026, 3, 2)


def _assets(env, count, prefix, product=None):
    category = env["it.asset.category"].search([], limit=1)
    stock_room = env.company._it_asset_locations()[env.company][0]
    vals = []
    lots = env["stock.lot"]
    if product:
        lots = env["stock.lot"].create(
            [
                {"name": f"{prefix}-{i:06d}", "product_id": product.id}
                for i in range(count)
            ]
        )
        env["stock.quant"].create(
            [
                {
                    "product_id": product.id,
                    "location_id": stock_room.id,
                    "lot_id": lot.id,
                    "inventory_quantity": 1.0,
                }
                for lot in lots
            ]
        ).action_apply_inventory()
    for i in range(count):
        values = {
            "name": f"{prefix} laptop {i}",
            "category_id": category.id,
            "acquisition_date": dt.date(2026, 1, 5),
            "state": "in_stock",
            "location_id": stock_room.id,
        }
        if product:
            values["lot_id"] = lots[i].id
        vals.append(values)
    return env["it.asset"].create(vals)


def _odoo_transfer(env, lots, source, destination):
    """Odoo's own internal transfer of ``lots``, as the Transfers screen
    does it: confirm, one line per serial, validate."""
    product = lots.product_id
    picking = env["stock.picking"].create(
        {
            "picking_type_id": env.ref("stock.picking_type_internal").id,
            "location_id": source.id,
            "location_dest_id": destination.id,
            "move_ids": [
                (
                    0,
                    0,
                    {
                        "name": product.name,
                        "product_id": product.id,
                        "product_uom_qty": len(lots),
                        "product_uom": product.uom_id.id,
                        "location_id": source.id,
                        "location_dest_id": destination.id,
                    },
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
                "lot_id": lot.id,
                "quantity": 1.0,
                "picked": True,
                "location_id": source.id,
                "location_dest_id": destination.id,
            }
            for lot in lots
        ]
    )
    move.picked = True
    picking.button_validate()


def _step(env, results, queries, key, func):
    env.flush_all()
    env.invalidate_all()
    before = env.cr.sql_log_count
    with timer(results, key):
        func()
        env.flush_all()
        env.cr.precommit.run()  # chatter tracking is written at commit
    queries[key] = env.cr.sql_log_count - before


def main():
    create_database(DB, ["it_asset"])
    results, queries = {}, {}
    with environment(DB) as env:
        env = env(context={})
        Custody = env["it.asset.custody"]
        alice, bob = env["hr.employee"].create([{"name": "Alice"}, {"name": "Bob"}])
        env.company._it_asset_holder_locations(alice | bob)
        stock_room = env.company._it_asset_locations()[env.company][0]
        plain = _assets(env, N, "PLAIN")
        product = env["product.product"].create(
            {"name": "Bench Laptop", "is_storable": True, "tracking": "serial"}
        )
        tracked = _assets(env, N, "SN", product)
        # Odoo's own transfer, for scale: serials of a product with no asset
        plain_product = env["product.product"].create(
            {"name": "Bench Dock", "is_storable": True, "tracking": "serial"}
        )
        plain_lots = env["stock.lot"].create(
            [
                {"name": f"DOCK-{i:06d}", "product_id": plain_product.id}
                for i in range(N)
            ]
        )
        env["stock.quant"].create(
            [
                {
                    "product_id": plain_product.id,
                    "location_id": stock_room.id,
                    "lot_id": lot.id,
                    "inventory_quantity": 1.0,
                }
                for lot in plain_lots
            ]
        ).action_apply_inventory()
        shelf = env["stock.location"].create(
            {"name": "Bench Shelf", "usage": "internal", "location_id": stock_room.id}
        )
        it_user = env["res.users"].create(
            {
                "name": "Bench IT",
                "login": "bench_it",
                "groups_id": [(6, 0, [env.ref("it_asset.group_it_asset_user").id])],
            }
        )
        warehouse_user = env["res.users"].create(
            {
                "name": "Bench Warehouse",
                "login": "bench_warehouse",
                "groups_id": [(6, 0, [env.ref("stock.group_stock_user").id])],
            }
        )
        env.cr.commit()
        Custody = Custody.with_user(it_user)
        plain = plain.with_user(it_user)
        tracked = tracked.with_user(it_user)
        _step(
            env,
            results,
            queries,
            "check-out",
            lambda: Custody._checkout(plain, alice, DAY),
        )
        _step(
            env,
            results,
            queries,
            "handover",
            lambda: Custody._handover(plain, bob, DAY + dt.timedelta(days=30)),
        )
        _step(
            env,
            results,
            queries,
            "check-in",
            lambda: Custody._checkin(plain, stock_room, DAY + dt.timedelta(days=60)),
        )
        _step(
            env,
            results,
            queries,
            "check-out (stock serials)",
            lambda: Custody._checkout(tracked, alice, DAY),
        )
        _step(
            env,
            results,
            queries,
            "check-in (stock serials)",
            lambda: Custody._checkin(tracked, stock_room, DAY + dt.timedelta(days=1)),
        )
        _step(
            env,
            results,
            queries,
            "Odoo transfer (serials)",
            lambda: _odoo_transfer(
                env(user=warehouse_user), plain_lots, stock_room, shelf
            ),
        )
        env.cr.rollback()
    print()
    print(f"Custody benchmark, N={N} assets per call; {machine()}")
    print(
        f"{'operation':<28} {'assets':>7} {'seconds':>9} {'ms/asset':>9} "
        f"{'queries':>8} {'q/asset':>8}"
    )
    for key, seconds in results.items():
        print(
            f"{key:<28} {N:>7} {seconds:>9.2f} {seconds * 1000 / N:>9.2f} "
            f"{queries[key]:>8} {queries[key] / N:>8.2f}"
        )


if __name__ == "__main__":
    main()
