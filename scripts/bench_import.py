"""Migration import benchmark: N rows with holders, dry run and real run.

    make bench BENCH=import            # N=10000
    make bench BENCH=import N=1000

One database with it_asset (no demo data). A CSV like a register exported
from another system: N assets, 60 % held by employees (found by work email,
about three assets each), 30 % in stock at a location, 10 % in repair,
retired or missing; half of them serials of a serial-tracked product (stock
serials are created). Run as an IT manager through IT Assets ▸ Configuration
▸ Import Assets (Odoo's import reads the file): the dry run (nothing written)
then the real run. Each line gives the wall time and the SQL queries.
"""

import base64
import io
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.environ.get("ODOO_SRC", "/opt/odoo-18.0"))

from bench_common import create_database, environment, machine, timer  # noqa: E402

DB = "it_asset_bench_import"
N = int(os.environ.get("N", "10000"))
HEADER = [
    "Asset Tag",
    "Name",
    "Category",
    "Product",
    "Serial Number",
    "Model",
    "Status (import)",
    "Location",
    "Holder (import)",
    "Checked Out On (import)",
    "Acquisition Date",
    "Acquisition Cost",
]


def _csv(rows):
    import csv  # noqa: PLC0415

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return buffer.getvalue()


def _rows(employees, location, product):
    others = ["In Repair", "Retired", "Missing"]
    rows = []
    for i in range(N):
        kind = i % 10
        holder = status = place = checkout = ""
        if kind < 6:
            holder = employees[i % len(employees)].work_email
            status = "In Use"
            checkout = "2025-09-01"
        elif kind < 9:
            status = "In Stock"
            place = location.complete_name
        else:
            status = others[i % 3]
        rows.append(
            [
                f"MIG-{i:06d}",
                f"Migrated laptop {i}",
                "Laptops",
                product.name if i % 2 else "",
                f"SN-MIG-{i:06d}",
                "ThinkPad T14",
                status,
                place,
                holder,
                checkout,
                "2025-03-01",
                "1100",
            ]
        )
    return rows


def _step(env, results, queries, key, func):
    env.flush_all()
    env.invalidate_all()
    before = env.cr.sql_log_count
    with timer(results, key):
        value = func()
        env.flush_all()
        env.cr.precommit.run()
    queries[key] = env.cr.sql_log_count - before
    return value


def main():
    create_database(DB, ["it_asset"])
    results, queries = {}, {}
    with environment(DB) as env:
        env = env(context={})
        employees = env["hr.employee"].create(
            [
                {"name": f"Employee {i}", "work_email": f"employee{i}@example.com"}
                for i in range(max(1, N * 6 // 10 // 3))
            ]
        )
        location = env.company._it_asset_locations()[env.company][0]
        product = env["product.product"].create(
            {"name": "Bench Migrated Laptop", "is_storable": True, "tracking": "serial"}
        )
        manager = env["res.users"].create(
            {
                "name": "Bench IT Manager",
                "login": "bench_it_manager",
                "groups_id": [(6, 0, [env.ref("it_asset.group_it_asset_manager").id])],
            }
        )
        text = _csv(_rows(employees, location, product))
        env.cr.commit()
        Wizard = env["it.asset.import"].with_user(manager)
        wizard = Wizard.create(
            {"file": base64.b64encode(text.encode()), "file_name": "register.csv"}
        )
        _step(env, results, queries, "dry run", wizard.action_dry_run)
        assert wizard.state == "checked", wizard.line_ids.filtered(
            lambda line: line.result == "error"
        )[:5].mapped("message")
        action = _step(env, results, queries, "import", wizard.action_import)
        imported = env["it.asset"].browse(action["domain"][0][2])
        held = imported.filtered("custody_id")
        assert len(imported) == N, len(imported)
        assert len(held) == N * 6 // 10 + (1 if N % 10 > 6 else 0) or held, len(held)
        env.cr.rollback()
    print()
    print(
        f"Import benchmark, N={N} rows ({len(held)} held by {len(employees)} "
        f"employees); {machine()}"
    )
    print(
        f"{'operation':<12} {'rows':>7} {'seconds':>9} {'ms/row':>8} "
        f"{'queries':>8} {'q/row':>7}"
    )
    for key, seconds in results.items():
        print(
            f"{key:<12} {N:>7} {seconds:>9.2f} {seconds * 1000 / N:>8.2f} "
            f"{queries[key]:>8} {queries[key] / N:>7.2f}"
        )


if __name__ == "__main__":
    main()
