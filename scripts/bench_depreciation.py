"""Depreciation benchmark: it_asset against OCA account_asset_management.

    make bench BENCH=depreciation              # N=2000, with OCA
    make bench BENCH=depreciation N=2000
    make bench BENCH=depreciation SKIP_OCA=1 N=100000

One database holds both modules (OCA's wheels are installed into the virtualenv
on demand, not from requirements). N assets with the same parameters in both:
cost 1200 + (i mod 7) x 100, 36 months, linear, monthly, in service 2026-01-01.
Timed: building the boards (it_asset: capitalisation; OCA: validate), then
posting January 2026 through each module's scheduled-job path (it_asset:
``_post_depreciation_up_to``, what ``_cron_post_depreciation`` runs, with its
batches and commits; OCA: the ``account.asset.compute`` wizard its cron runs),
it_asset in per-asset mode (the default: every entry written by the
accounting engine, its checks on), in summary mode and, up to N=20000 or with
BULK=1, in per-asset mode with the opt-in bulk entries. PROFILE=1 prints a
cProfile of the per-asset posting. DISTINCT_COSTS=1 gives every asset its own
cost (1200 + i x 0.01), so that no two boards are alike: it_asset computes a
board once per distinct set of settings in a build, as assets received
together mostly share them. it_asset's steps run REPEAT times (default 3 up
to N=20000, each on N new assets) and the median is compared with OCA's
single run, whose steps last minutes each.
"""

import configparser
import cProfile
import datetime as dt
import os
import pstats
import statistics
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.environ.get("ODOO_SRC", "/opt/odoo-18.0"))

from bench_common import (  # noqa: E402
    ODOO_RC,
    PY,
    create_database,
    environment,
    install_modules,
    machine,
    timer,
)

N = int(os.environ.get("N", "2000"))
SKIP_OCA = os.environ.get("SKIP_OCA", "0") not in ("", "0")
PROFILE = os.environ.get("PROFILE", "0") not in ("", "0")
DISTINCT_COSTS = os.environ.get("DISTINCT_COSTS", "0") not in ("", "0")
# it_asset's steps are timed REPEAT times (the median is kept); by default 3
# times up to N=20000, once above
REPEAT = int(os.environ.get("REPEAT", "3" if N <= 20000 else "1"))
# per-asset posting with the opt-in bulk entries: BULK=1 / BULK=0 to force;
# by default only up to 20000 assets
BULK = os.environ.get("BULK", "1" if N <= 20000 else "0") not in ("", "0")
DB = "it_asset_bench_depreciation"
START = dt.date(2026, 1, 1)
JANUARY_END = dt.date(2026, 1, 31)
OCA_WHEELS = [
    "odoo-addon-account-asset-management==18.0.1.1.12.2",
    "odoo-addon-report-xlsx-helper==18.0.*",
    "odoo-addon-report-xlsx==18.0.*",
]
OCA_ADDONS = Path(sysconfig.get_paths()["purelib"]) / "odoo" / "addons"


def install_oca():
    """Install OCA's wheels into the venv (if missing) and put them on the
    addons path of the benchmark configuration."""
    if not (OCA_ADDONS / "account_asset_management").is_dir():
        pip = [PY, "-m", "pip", "install", "--no-deps", "--quiet", *OCA_WHEELS]
        if subprocess.run(pip, check=False).returncode:
            sys.exit("could not install OCA account_asset_management from PyPI")
    parser = configparser.ConfigParser()
    parser.read(ODOO_RC)
    paths = parser["options"]["addons_path"].split(",")
    if str(OCA_ADDONS) not in paths:
        parser["options"]["addons_path"] = ",".join([*paths, str(OCA_ADDONS)])
        with open(ODOO_RC, "w") as f:
            parser.write(f)


def costs():
    if DISTINCT_COSTS:
        return [1200.0 + i * 0.01 for i in range(N)]
    return [1200.0 + (i % 7) * 100 for i in range(N)]


def setup_accounts(env):
    Account = env["account.account"]
    accounts = {
        key: Account.create({"name": name, "code": code, "account_type": kind})
        for key, name, code, kind in [
            ("asset", "IT equipment", "218100", "asset_fixed"),
            ("depreciation", "Accumulated depreciation", "281800", "asset_fixed"),
            ("expense", "Depreciation expense", "681100", "expense_depreciation"),
            ("gain", "Gain on disposal", "775000", "income_other"),
            ("loss", "Loss on disposal", "675000", "expense"),
        ]
    }
    journal = env["account.journal"].create(
        {"name": "Assets", "code": "ASST", "type": "general"}
    )
    return accounts, journal


def it_asset_category(env, accounts, journal, mode):
    return env["it.asset.category"].create(
        {
            "name": f"Bench laptops ({mode})",
            "useful_life_months": 36,
            "depreciation_method": "linear",
            "depreciation_period": "monthly",
            "posting_mode": mode,
            "account_asset_id": accounts["asset"].id,
            "account_depreciation_id": accounts["depreciation"].id,
            "account_expense_id": accounts["expense"].id,
            "account_gain_id": accounts["gain"].id,
            "account_loss_id": accounts["loss"].id,
            "journal_id": journal.id,
        }
    )


CHUNK = 5000


def create_it_assets(env, category):
    """Create the N assets in chunks (committed), return them."""
    values = [
        {"name": f"Laptop {i}", "category_id": category.id, "acquisition_cost": c}
        for i, c in enumerate(costs())
    ]
    assets = env["it.asset"]
    for start in range(0, N, CHUNK):
        assets |= env["it.asset"].create(values[start : start + CHUNK])
        env.cr.commit()
        env.invalidate_all()
    return assets


def capitalise(env, assets):
    """Capitalise ``assets`` in chunks, as stock receipts would."""
    for start in range(0, len(assets), CHUNK):
        assets[start : start + CHUNK]._it_asset_on_capitalised(START)
        env.cr.commit()
        env.invalidate_all()


def bench_it_asset(env, accounts, journal, runs):
    """Time it_asset's steps ``REPEAT`` times, each on N assets of their own;
    ``runs``: {step: [seconds of each repetition]}."""
    for repetition in range(REPEAT):
        results = {}
        bench_it_asset_once(env, accounts, journal, results, repetition)
        for key, value in results.items():
            runs.setdefault(key, []).append(value)


def bench_it_asset_once(env, accounts, journal, results, repetition):
    cr = env.cr
    per_asset = it_asset_category(env, accounts, journal, "per_asset")
    summary = it_asset_category(env, accounts, journal, "summary")
    assets = create_it_assets(env, per_asset)
    cr.commit()
    env.invalidate_all()
    with timer(results, "it_asset boards"):
        capitalise(env, assets)
    lines = env["it.asset.depreciation.line"].search_count(
        [("asset_id", "in", assets.ids)]
    )
    if not repetition:
        warm_up(env, accounts, journal)
    env.invalidate_all()
    profiler = cProfile.Profile() if PROFILE and not repetition else None
    if profiler:
        profiler.enable()
    with timer(results, "it_asset posting (per asset)"):
        posted = env["it.asset"]._post_depreciation_up_to(
            JANUARY_END, batch_size=500, commit=True
        )
    if profiler:
        profiler.disable()
        profiler.dump_stats(
            str(Path(__file__).resolve().parents[1] / "bench-results" / "posting.prof")
        )
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
    check(posted, N, N, "per asset")
    assets = create_it_assets(env, summary)
    capitalise(env, assets)
    env.invalidate_all()
    with timer(results, "it_asset posting (summary)"):
        posted = env["it.asset"]._post_depreciation_up_to(
            JANUARY_END, batch_size=5000, commit=True
        )
    check(posted, N, None, "summary")
    results["summary entries"] = posted["moves"]
    if BULK:
        bulk = it_asset_category(env, accounts, journal, "per_asset")
        assets = create_it_assets(env, bulk)
        capitalise(env, assets)
        env.company.it_asset_entry_copies = True
        cr.commit()
        env.invalidate_all()
        with timer(results, "it_asset per asset, bulk"):
            posted = env["it.asset"]._post_depreciation_up_to(
                JANUARY_END, batch_size=500, commit=True
            )
        check(posted, N, N, "per asset, bulk")
        env.company.it_asset_entry_copies = False
        cr.commit()
    results["lines per board"] = lines / N


def warm_up(env, accounts, journal):
    """Post January of 3 assets of their own (untimed): the ORM's first
    create and post in a process builds registry caches (field trigger
    trees) for about a second, once; the timings are of the steady state."""
    category = it_asset_category(env, accounts, journal, "per_asset")
    assets = env["it.asset"].create(
        [
            {
                "name": f"Warm-up {i}",
                "category_id": category.id,
                "acquisition_cost": 900,
            }
            for i in range(3)
        ]
    )
    capitalise(env, assets)
    posted = env["it.asset"]._post_depreciation_up_to(
        JANUARY_END, commit=True, asset_ids=assets.ids
    )
    check(posted, 3, 3, "warm-up")


def check(result, lines, moves, label):
    if (
        result["failed"]
        or result["posted"] != lines
        or (moves is not None and result["moves"] != moves)
    ):
        sys.exit(f"it_asset {label} posting went wrong: {result}")


def bench_oca(env, accounts, journal, results):
    cr = env.cr
    profile = env["account.asset.profile"].create(
        {
            "name": "Bench laptops",
            "account_asset_id": accounts["asset"].id,
            "account_depreciation_id": accounts["depreciation"].id,
            "account_expense_depreciation_id": accounts["expense"].id,
            "account_plus_value_id": accounts["gain"].id,
            "account_min_value_id": accounts["loss"].id,
            "journal_id": journal.id,
            "method": "linear",
            "method_time": "year",
            "method_number": 3,
            "method_period": "month",
        }
    )
    assets = env["account.asset"].create(
        [
            {
                "name": f"OCA laptop {i}",
                "profile_id": profile.id,
                "purchase_value": c,
                "date_start": START,
            }
            for i, c in enumerate(costs())
        ]
    )
    cr.commit()
    env.invalidate_all()
    with timer(results, "OCA boards (validate)"):
        assets.validate()
        cr.commit()
    env.invalidate_all()
    with timer(results, "OCA posting (compute wizard)"):
        env["account.asset.compute"].create({"date_end": JANUARY_END}).asset_compute()
        cr.commit()
    posted = env["account.asset.line"].search_count(
        [("asset_id", "in", assets.ids), ("move_check", "=", True)]
    )
    if posted != N:
        sys.exit(f"OCA posted {posted} lines instead of {N}")


def main():
    if not SKIP_OCA:
        install_oca()
    kind = ", every cost distinct" if DISTINCT_COSTS else ""
    print(f"depreciation benchmark, N={N}{kind}, {machine()}", flush=True)
    started = time.perf_counter()
    create_database(DB, ["it_asset"])
    print(f"database created in {time.perf_counter() - started:.0f} s", flush=True)
    runs = {}
    with environment(DB) as env:
        env = env(context={"tracking_disable": True})
        accounts, journal = setup_accounts(env)
        env.cr.commit()
        bench_it_asset(env, accounts, journal, runs)
        account_ids = {key: account.id for key, account in accounts.items()}
        journal_id = journal.id
    # the median of the repetitions: OCA's steps last minutes each, and so
    # average out the machine's moments; one run of a few seconds does not
    results = {key: statistics.median(values) for key, values in runs.items()}
    if not SKIP_OCA:
        # OCA is installed after it_asset ran: OCA's module overrides the
        # creation and posting of journal entries, so with it installed the
        # bulk copies' fence would send every it_asset entry to the engine
        install_modules(DB, ["account_asset_management"])
        with environment(DB, reload=True) as env:
            env = env(context={"tracking_disable": True})
            accounts = {
                key: env["account.account"].browse(account_id)
                for key, account_id in account_ids.items()
            }
            journal = env["account.journal"].browse(journal_id)
            bench_oca(env, accounts, journal, results)
    print()
    print(
        f"{'step':<32} {'seconds':>9} {'assets/s':>10} {'us/asset':>10}"
        + ("   each run (s)" if REPEAT > 1 else "")
    )
    for key in (
        "it_asset boards",
        "it_asset posting (per asset)",
        "it_asset posting (summary)",
        "it_asset per asset, bulk",
        "OCA boards (validate)",
        "OCA posting (compute wizard)",
    ):
        if key in results:
            seconds = results[key]
            each = runs.get(key, []) if REPEAT > 1 else []
            print(
                f"{key:<32} {seconds:>9.2f} {N / seconds:>10.0f} "
                f"{seconds / N * 1e6:>10.0f}"
                + (f"   {' '.join(f'{value:.2f}' for value in each)}" if each else "")
            )
    print(
        f"(it_asset: {results['lines per board']:.0f} lines per board, summary "
        f"mode: {results['summary entries']} entries for {N} assets)"
    )
    if not SKIP_OCA:
        board = results["OCA boards (validate)"] / results["it_asset boards"]
        oca_post = results["OCA posting (compute wizard)"]
        print(f"board speedup vs OCA: {board:.1f}x")
        print(
            "posting speedup vs OCA: "
            f"{oca_post / results['it_asset posting (per asset)']:.1f}x"
        )
        print(
            "summary posting speedup vs OCA: "
            f"{oca_post / results['it_asset posting (summary)']:.1f}x"
        )
        if BULK:
            print(
                "bulk posting speedup vs OCA: "
                f"{oca_post / results['it_asset per asset, bulk']:.1f}x"
            )


if __name__ == "__main__":
    main()
