"""Audit benchmark: a campaign over N assets, scanned one by one.

    make bench BENCH=audit            # N=10000
    make bench BENCH=audit N=2000

One database with it_asset (no demo data), N assets in one room. Timed
through the ORM as an IT user (IT Assets / User only): start (the snapshot
of the N expected assets), N scans through ``it.asset.audit.record_scan``,
the RPC the Scan screen calls (each scan in its own transaction, committed,
as the web client's calls are; median and 95th percentile per scan, and the
queries of each), then the close (the 5 % not scanned become Missing, with
an activity each; the found ones get their audit dates and chatter line).
"""

import datetime as dt
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.environ.get("ODOO_SRC", "/opt/odoo-18.0"))

from bench_common import create_database, environment, machine, timer  # noqa: E402

DB = "it_asset_bench_audit"
N = int(os.environ.get("N", "10000"))
# the share of the expected assets that are not scanned (found missing)
NOT_SCANNED = 0.05


def _percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main():
    create_database(DB, ["it_asset"])
    results, queries = {}, {}
    with environment(DB) as env:
        env = env(context={"tracking_disable": True})
        category = env["it.asset.category"].search([], limit=1)
        room = env["stock.location"].create(
            {
                "name": "Bench Audit Room",
                "usage": "internal",
                "location_id": env.company._it_asset_locations()[env.company][
                    0
                ].location_id.id,
            }
        )
        it_user = env["res.users"].create(
            {
                "name": "Bench Auditor",
                "login": "bench_auditor",
                "groups_id": [(6, 0, [env.ref("it_asset.group_it_asset_user").id])],
            }
        )
        assets = env["it.asset"].create(
            [
                {
                    "name": f"Audit laptop {i}",
                    "category_id": category.id,
                    "acquisition_date": dt.date(2026, 1, 5),
                    "state": "in_stock",
                    "location_id": room.id,
                    "serial_number": f"AUD-SN-{i:06d}",
                    "user_id": it_user.id,
                }
                for i in range(N)
            ]
        )
        tags = assets.mapped("tag")
        env.cr.commit()
        env = env(user=it_user, context={})
        audit = env["it.asset.audit"].create(
            {"name": "Bench audit", "location_ids": [(6, 0, room.ids)]}
        )
        env.cr.commit()
        before = env.cr.sql_log_count
        with timer(results, "start"):
            audit.action_start()
            env.flush_all()
            env.cr.commit()
        queries["start"] = env.cr.sql_log_count - before
        scanned = tags[: int(N * (1 - NOT_SCANNED))]
        durations, scan_queries = [], []
        kinds = {}
        for i, tag in enumerate(scanned):
            # half by tag, half by serial number
            code = tag if i % 2 else f"AUD-SN-{i:06d}"
            env.invalidate_all()
            before = env.cr.sql_log_count
            start = time.perf_counter()
            reply = audit.record_scan(code, room.id)
            env.cr.commit()
            durations.append(time.perf_counter() - start)
            scan_queries.append(env.cr.sql_log_count - before)
            kinds[reply["kind"]] = kinds.get(reply["kind"], 0) + 1
        env.invalidate_all()
        before = env.cr.sql_log_count
        with timer(results, "close"):
            audit.action_close()
            env.flush_all()
            env.cr.precommit.run()
            env.cr.commit()
        queries["close"] = env.cr.sql_log_count - before
        audit.invalidate_recordset()
        summary = (
            audit.expected_count,
            audit.found_count,
            audit.missing_count,
        )
    print(f"machine: {machine()}")
    print(f"audit campaign over {N} assets (IT user, one room)")
    print(
        f"start (snapshot of {N} lines): {results['start']:.2f} s, "
        f"{queries['start']} queries"
    )
    print(
        f"{len(scanned)} scans through record_scan, each committed: "
        f"median {statistics.median(durations) * 1000:.1f} ms, "
        f"p95 {_percentile(durations, 0.95) * 1000:.1f} ms, "
        f"max {max(durations) * 1000:.1f} ms, "
        f"total {sum(durations):.1f} s; "
        f"queries per scan: median {statistics.median(scan_queries):.0f}, "
        f"max {max(scan_queries)} (first {scan_queries[0]}, last {scan_queries[-1]})"
    )
    print(f"scan results: {kinds}")
    print(
        f"close ({N - len(scanned)} missing with activities, {len(scanned)} audit "
        f"dates and chatter lines): {results['close']:.2f} s, "
        f"{queries['close']} queries"
    )
    print(f"expected / found / missing: {summary[0]} / {summary[1]} / {summary[2]}")


if __name__ == "__main__":
    main()
