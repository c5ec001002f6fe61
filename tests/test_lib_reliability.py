# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import BaseCase, tagged

from odoo.addons.it_asset.lib.reliability import (
    AssetRecord,
    GroupStats,
    failure_rate_per_asset_year,
    group_stats,
    mtbf_days,
    mttr_days,
    underperformers,
)


@tagged("post_install", "-at_install")
class TestReliabilityFigures(BaseCase):
    def test_mtbf(self):
        # 730.5 days in service / 3 failures = 243.5 days.
        self.assertEqual(mtbf_days(730.5, 3), 243.5)
        self.assertEqual(mtbf_days(0, 2), 0.0)
        self.assertIsNone(mtbf_days(400, 0))

    def test_mttr(self):
        # (1 + 2 + 3) / 3 = 2 days.
        self.assertEqual(mttr_days([1, 2, 3]), 2.0)
        # (0.5 + 1.25) / 2 = 0.875 days.
        self.assertEqual(mttr_days((0.5, 1.25)), 0.875)
        self.assertIsNone(mttr_days([]))

    def test_failure_rate_per_asset_year(self):
        # 730.5 days = 2 asset-years: 2 failures / 2 = 1 per asset-year.
        self.assertEqual(failure_rate_per_asset_year(2, 730.5), 1.0)
        # 182.625 days = half an asset-year: 3 / 0.5 = 6.
        self.assertEqual(failure_rate_per_asset_year(3, 182.625), 6.0)
        # 1 failure in 100 days: 1 / (100 / 365.25) = 3.6525.
        self.assertAlmostEqual(failure_rate_per_asset_year(1, 100), 3.6525, places=12)
        # No exposure: no rate.
        self.assertEqual(failure_rate_per_asset_year(1, 0), 0.0)
        self.assertEqual(failure_rate_per_asset_year(0, 365.25), 0.0)

    def test_bad_inputs(self):
        with self.assertRaisesRegex(ValueError, "failures"):
            mtbf_days(10, -1)
        with self.assertRaisesRegex(ValueError, "days in service"):
            mtbf_days(-1, 1)
        with self.assertRaisesRegex(ValueError, "repair duration"):
            mttr_days([1, -2])
        with self.assertRaisesRegex(ValueError, "asset days"):
            failure_rate_per_asset_year(1, -365)
        with self.assertRaisesRegex(ValueError, "failures"):
            failure_rate_per_asset_year(1.5, 365)


@tagged("post_install", "-at_install")
class TestReliabilityGroups(BaseCase):
    def test_group_stats(self):
        records = [
            # Laptop A: 2 asset-years, 3 failures costing 450, repairs 1+2+3 days.
            AssetRecord("laptop", 730.5, 3, 450.0, (1.0, 2.0, 3.0)),
            # Laptop B: 1 asset-year, no failure (tuple without cost/durations).
            ("laptop", 365.25, 0),
            # Printer C: 1 asset-year, 4 failures costing 200 (mapping input).
            {
                "group": "printer",
                "asset_days": 365.25,
                "failures": 4,
                "repair_cost": 200.0,
                "repair_durations": [0.5, 0.5, 1.5, 1.5],
            },
        ]
        stats = group_stats(records)
        # Laptops: 730.5 + 365.25 = 1095.75 days = 3 asset-years; 3 failures
        # -> 1 per asset-year; 450 / 3 = 150 per failure; MTBF 1095.75 / 3 =
        # 365.25 days; MTTR (1 + 2 + 3) / 3 = 2 days.
        self.assertEqual(
            stats["laptop"],
            GroupStats(
                assets=2,
                asset_days=1095.75,
                asset_years=3.0,
                failures=3,
                failure_rate=1.0,
                repair_cost=450.0,
                avg_repair_cost=150.0,
                mtbf_days=365.25,
                mttr_days=2.0,
            ),
        )
        # Printers: 1 asset-year, 4 failures -> 4 per asset-year; 200 / 4 = 50;
        # MTBF 365.25 / 4 = 91.3125 days; MTTR 4 / 4 = 1 day.
        self.assertEqual(
            stats["printer"],
            GroupStats(
                assets=1,
                asset_days=365.25,
                asset_years=1.0,
                failures=4,
                failure_rate=4.0,
                repair_cost=200.0,
                avg_repair_cost=50.0,
                mtbf_days=91.3125,
                mttr_days=1.0,
            ),
        )
        self.assertEqual(set(stats), {"laptop", "printer"})

    def test_group_without_failure(self):
        stats = group_stats([("phone", 365.25, 0, 0.0, ())])["phone"]
        self.assertEqual(stats.failure_rate, 0.0)
        self.assertIsNone(stats.avg_repair_cost)
        self.assertIsNone(stats.mtbf_days)
        self.assertIsNone(stats.mttr_days)

    def test_group_stats_bad_records(self):
        with self.assertRaisesRegex(ValueError, "failures"):
            group_stats([("laptop", 10, -1)])
        with self.assertRaisesRegex(ValueError, "3 to 5 items"):
            group_stats([("laptop", 10)])
        with self.assertRaisesRegex(ValueError, "unknown record keys: days"):
            group_stats([{"group": "laptop", "days": 10, "failures": 1}])
        with self.assertRaisesRegex(ValueError, "incomplete record"):
            group_stats([{"group": "laptop", "failures": 1}])

    def test_underperformers(self):
        group_avg = {"laptop": 1.0, "printer": 4.0, "phone": 0.0}
        asset_rates = {
            "A": ("laptop", 1.5),  # 1.5 < 2 x 1.0
            "B": ("laptop", 0.0),
            "C": ("printer", 4.0),  # 4.0 < 2 x 4.0
            "D": ("laptop", 2.0),  # 2.0 >= 2 x 1.0 (boundary is included)
            "E": ("unknown", 9.0),  # no group average
            "F": ("phone", 3.0),  # group average 0: nobody flagged
        }
        self.assertEqual(underperformers(asset_rates, group_avg), {"D"})
        # Factor 1.5: A 1.5 >= 1.5 x 1.0 joins D; C 4.0 < 6.0 still fine.
        self.assertEqual(underperformers(asset_rates, group_avg, 1.5), {"A", "D"})
        with self.assertRaisesRegex(ValueError, "factor"):
            underperformers(asset_rates, group_avg, 0)

    def test_underperformers_need_a_minimum_exposure(self):
        """One failure is no verdict: D (1 failure) is not compared until it
        has 2; nor is anybody in a group observed for under one asset-year."""
        group_avg = {"laptop": 1.0, "dock": 0.5}
        asset_rates = {"D": ("laptop", 2.0), "G": ("laptop", 3.0), "H": ("dock", 9.0)}
        failures = {"D": 1, "G": 3, "H": 5}
        years = {"laptop": 2.6, "dock": 0.4}
        self.assertEqual(
            underperformers(
                asset_rates,
                group_avg,
                asset_failures=failures,
                min_failures=2,
                group_years=years,
                min_group_years=1.0,
            ),
            {"G"},
        )
        # without minimums, every rate counts
        self.assertEqual(underperformers(asset_rates, group_avg), {"D", "G", "H"})
        with self.assertRaisesRegex(ValueError, "needs asset_failures"):
            underperformers(asset_rates, group_avg, min_failures=2)
        with self.assertRaisesRegex(ValueError, "min_group_years"):
            underperformers(
                asset_rates, group_avg, group_years=years, min_group_years=-1
            )
