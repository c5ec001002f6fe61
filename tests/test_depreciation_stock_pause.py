# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An asset capitalised on deployment that goes back to stock: the company
keeps depreciating it (the default) or pauses until it is deployed again.
The transfers are validated by the warehouse user."""

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_stock import ItAssetStockCase


@tagged("post_install", "-at_install")
class TestDepreciationStockPause(ItAssetStockCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.category_laptop.write(
            {"depreciation_method": "linear", "depreciation_period": "monthly"}
        )
        with freeze_time("2026-01-05"):
            receipt = cls._receive(cls.product_laptop, serials=["SN-P-1"], price=3600)
        cls.asset = cls._assets_of(receipt)

    def _deploy(self, day):
        with freeze_time(day):
            self._transfer(self.asset.lot_id, self.employee_location)

    def _back_to_stock(self, day):
        with freeze_time(day):
            self._transfer(
                self.asset.lot_id, self.stock_room, source=self.employee_location
            )

    def _board(self):
        return [
            (str(line.date), line.amount)
            for line in self.asset.depreciation_line_ids.sorted("date")
        ]

    def test_default_keeps_depreciating_in_stock(self):
        self.assertEqual(self.company.it_asset_stock_depreciation, "keep")
        self._deploy("2026-01-10")
        self.assertEqual(self.asset.in_service_date, date(2026, 1, 10))
        board = self._board()
        self._back_to_stock("2026-03-10")
        self.assertEqual(self._board(), board)
        self.assertFalse(self.asset.depreciation_paused_since)

    def test_pause_until_redeployed(self):
        self.company.it_asset_stock_depreciation = "pause"
        self._deploy("2026-01-10")
        self.assertEqual(len(self._board()), 36)
        self.env["it.asset"]._post_depreciation_up_to(date(2026, 2, 28))
        self._back_to_stock("2026-03-10")
        # the period it came back in stays; the later ones wait
        self.assertEqual(self.asset.depreciation_paused_since, date(2026, 3, 10))
        self.assertEqual(
            self._board(),
            [("2026-01-31", 100.0), ("2026-02-28", 100.0), ("2026-03-31", 100.0)],
        )
        self.assertIn("paused", self.asset.message_ids[:1].body)
        # a run while paused posts March, and never marks it fully depreciated
        self.env["it.asset"]._post_depreciation_up_to(date(2026, 6, 30))
        self.assertEqual(self.asset.depreciation_state, "running")
        self.assertEqual(len(self.asset.depreciation_line_ids), 3)
        # deployed again three months later: the rest goes on from there, the
        # life lengthened by the days in stock
        self._deploy("2026-06-10")
        self.assertFalse(self.asset.depreciation_paused_since)
        self.assertEqual(self.asset.depreciation_resumed_on, date(2026, 6, 10))
        self.assertEqual(self.asset.depreciation_pause_days, 92)
        board = self._board()
        self.assertEqual(board[3][0], "2026-06-30")
        self.assertFalse(
            [day for day, _amount in board if "2026-04" <= day < "2026-06"],
            "nothing is depreciated while in stock",
        )
        self.assertAlmostEqual(sum(amount for _day, amount in board), 3600.0)
        self.assertGreater(board[-1][0], "2028-12-31")
        self.assertIn("resumed", self.asset.message_ids[:1].body)

    def test_pause_fields_set_by_the_flow_only(self):
        self.company.it_asset_stock_depreciation = "pause"
        self._deploy("2026-01-10")
        for user in (self.it_manager, self.warehouse_user):
            with self.assertRaises(UserError):
                self.asset.with_user(user).write(
                    {"depreciation_paused_since": "2026-02-01"}
                )
        self.assertFalse(self.asset.depreciation_paused_since)
