# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.it_asset.lib import depreciation as dep

from .common_depreciation import DepreciationCase


@tagged("post_install", "-at_install")
class TestDepreciationBoard(DepreciationCase):
    """Settings from the category, boards built on capitalisation, the five
    reference cases to the cent, bad input."""

    def test_settings_come_from_category_and_can_be_overridden(self):
        self.category_laptop.write(
            {
                "depreciation_method": "degressive",
                "declining_rate": 0.4,
                "depreciation_period": "yearly",
                "salvage_type": "percent",
                "salvage_percent": 10,
                "posting_mode": "summary",
            }
        )
        asset = self._create_asset(acquisition_cost=1500.0)
        self.assertRecordValues(
            asset,
            [
                {
                    "depreciation_method": "degressive",
                    "declining_rate": 0.4,
                    "depreciation_period": "yearly",
                    "depreciation_life_months": 36,
                    "salvage_value": 150.0,
                    "posting_mode": "summary",
                    "depreciation_state": "draft",
                }
            ],
        )
        asset.write({"depreciation_method": "linear", "salvage_value": 0.0})
        self.assertEqual(asset.depreciation_method, "linear")
        self.assertEqual(self.category_laptop.depreciation_method, "degressive")

    def test_case_1_linear_monthly(self):
        asset = self._capitalised_asset(acquisition_cost=3600.0)
        board = self._board(asset)
        self.assertEqual(len(board), 36)
        self.assertEqual({amount for _date, amount in board}, {100.0})
        self.assertEqual(board[0][0], "2026-01-31")
        self.assertEqual(board[-1][0], "2028-12-31")
        self.assertEqual(asset.depreciation_state, "running")
        self.assertEqual(str(asset.in_service_date), "2026-01-01")
        last = asset.depreciation_line_ids.sorted("date")[-1]
        self.assertRecordValues(last, [{"accumulated": 3600.0, "remaining": 0.0}])

    def test_case_2_linear_yearly_salvage(self):
        asset = self._capitalised_asset(
            acquisition_cost=12000.0,
            salvage_value=2000.0,
            depreciation_life_months=60,
            depreciation_period="yearly",
        )
        self.assertEqual(
            self._board(asset), [(f"{y}-12-31", 2000.0) for y in range(2026, 2031)]
        )
        self.assertEqual(asset.depreciation_line_ids.sorted("date")[-1].remaining, 2000)

    def test_case_3_daily_prorata(self):
        asset = self._capitalised_asset(
            "2026-01-16",
            acquisition_cost=1200.0,
            depreciation_life_months=12,
            depreciation_prorata="daily",
        )
        board = self._board(asset)
        self.assertEqual(board[0], ("2026-01-31", 51.61))
        self.assertEqual([amount for _d, amount in board[1:12]], [100.0] * 11)
        self.assertEqual(board[12], ("2027-01-31", 48.39))
        self.assertEqual(len(board), 13)

    def test_case_4_degressive_then_linear(self):
        asset = self._capitalised_asset(
            acquisition_cost=1000.0,
            depreciation_method="degressive_then_linear",
            declining_rate=0.4,
            depreciation_life_months=60,
            depreciation_period="yearly",
        )
        self.assertEqual(
            [amount for _d, amount in self._board(asset)], [400.0, 240.0, 200.0, 160.0]
        )

    def test_case_5_degressive_to_salvage(self):
        asset = self._capitalised_asset(
            acquisition_cost=1000.0,
            salvage_value=100.0,
            depreciation_method="degressive",
            declining_rate=0.4,
            depreciation_life_months=60,
            depreciation_period="yearly",
        )
        self.assertEqual(
            [amount for _d, amount in self._board(asset)],
            [400.0, 240.0, 144.0, 86.4, 29.6],
        )

    def test_boards_build_in_bulk(self):
        assets = self.env["it.asset"].create(
            [
                {
                    "name": f"Bulk {i}",
                    "category_id": self.category_laptop.id,
                    "acquisition_cost": 1200.0 + (i % 7) * 100,
                }
                for i in range(50)
            ]
        )
        assets._it_asset_on_capitalised("2026-01-01")
        counts = dict(
            self.env["it.asset.depreciation.line"]._read_group(
                [("asset_id", "in", assets.ids)], ["asset_id"], ["__count"]
            )
        )
        self.assertEqual(set(counts.values()), {36})
        # rebuilding keeps one board per asset (no duplicate periods)
        assets._build_depreciation_boards()
        self.assertEqual(
            self.env["it.asset.depreciation.line"].search_count(
                [("asset_id", "in", assets.ids)]
            ),
            50 * 36,
        )

    def test_identical_boards_are_computed_once_per_build(self):
        """Assets capitalised together with the same settings share one
        computation of their board; each still gets its own lines."""
        assets = self.env["it.asset"].create(
            [
                {
                    "name": f"Same {i}",
                    "category_id": self.category_laptop.id,
                    "acquisition_cost": cost,
                }
                for i, cost in enumerate([3600.0, 3600.0, 1800.0, 3600.0])
            ]
        )
        with patch.object(
            dep, "compute_board", wraps=dep.compute_board
        ) as compute_board:
            assets._it_asset_on_capitalised("2026-01-01")
        self.assertEqual(compute_board.call_count, 2)
        for asset, amount in zip(assets, [100.0, 100.0, 50.0, 100.0], strict=True):
            board = self._board(asset)
            self.assertEqual(len(board), 36)
            self.assertEqual({a for _date, a in board}, {amount})
            self.assertEqual(
                asset.depreciation_line_ids.sorted("date")[-1].accumulated,
                asset.acquisition_cost,
            )

    def test_migrated_asset_continues_from_opening_depreciation(self):
        asset = self._capitalised_asset(
            acquisition_cost=3600.0,
            opening_accumulated_depreciation=1200.0,
            depreciation_life_months=24,
        )
        board = self._board(asset)
        self.assertEqual(len(board), 24)
        self.assertEqual({amount for _d, amount in board}, {100.0})
        first = asset.depreciation_line_ids.sorted("date")[0]
        self.assertRecordValues(first, [{"accumulated": 1300.0, "remaining": 2300.0}])
        self.assertEqual(asset.book_value, 2400.0)

    def test_method_none_has_no_board(self):
        asset = self._capitalised_asset(depreciation_method="none")
        self.assertFalse(asset.depreciation_line_ids)
        self.assertEqual(asset.book_value, 3600.0)

    # bad input ---------------------------------------------------------
    def test_salvage_above_cost_refused(self):
        with self.assertRaisesRegex(ValidationError, "salvage value.*above the cost"):
            self._create_asset(acquisition_cost=100.0, salvage_value=200.0)

    def test_zero_useful_life_refused(self):
        with self.assertRaisesRegex(ValidationError, "useful life"):
            self._create_asset(acquisition_cost=100.0, depreciation_life_months=0)

    def test_declining_rate_outside_range_refused(self):
        for rate in (0.0, 1.5, -0.2):
            with self.assertRaisesRegex(ValidationError, "declining rate"):
                self._create_asset(
                    acquisition_cost=100.0,
                    depreciation_method="degressive",
                    declining_rate=rate,
                )
        with self.assertRaisesRegex(ValidationError, "declining rate"):
            self.category_laptop.write(
                {"depreciation_method": "degressive", "declining_rate": 2.0}
            )

    def test_posted_lines_never_change(self):
        asset = self._capitalised_asset()
        line = asset.depreciation_line_ids.sorted("date")[0]
        self.env["it.asset"]._post_depreciation_up_to(line.date)
        self.assertTrue(line.move_id)
        with self.assertRaisesRegex(UserError, "only be changed through the actions"):
            line.amount = 1.0
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            line.unlink()
        # rebuilding the board keeps the posted line
        asset._build_depreciation_boards()
        self.assertTrue(line.exists())
        self.assertEqual(len(asset.depreciation_line_ids), 36)
