# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from types import SimpleNamespace

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common_depreciation import DepreciationCase


@tagged("post_install", "-at_install")
class TestDepreciationLifeEvents(DepreciationCase):
    """Disposal (sale, scrap), change of useful life, impairment."""

    def setUp(self):
        super().setUp()
        self.asset = self._capitalised_asset()
        self.env["it.asset"]._post_depreciation_up_to(fields.Date.to_date("2026-03-31"))

    def _unposted(self):
        return self.asset.depreciation_line_ids.filtered(lambda line: not line.move_id)

    def test_sale_with_loss(self):
        wizard_form = Form(
            self.env["it.asset.dispose"].with_context(
                active_model="it.asset", active_id=self.asset.id
            )
        )
        wizard_form.date = fields.Date.to_date("2026-04-15")
        wizard_form.disposal_type = "sale"
        wizard_form.proceeds = 3000.0
        wizard_form.proceeds_account_id = self.account_suspense
        wizard_form.save().action_dispose()
        # April: 15 days of 30 of 100.00
        partial = self.asset.depreciation_line_ids.filtered(
            lambda line: str(line.date) == "2026-04-15"
        )
        self.assertRecordValues(partial, [{"amount": 50.0}])
        self.assertTrue(partial.move_id)
        self.assertFalse(self._unposted())
        move = self.asset.disposal_move_id
        self.assertEqual(move.state, "posted")
        by_account = {
            line.account_id: (line.debit, line.credit) for line in move.line_ids
        }
        self.assertEqual(
            by_account,
            {
                self.account_depreciation: (350.0, 0.0),
                self.account_suspense: (3000.0, 0.0),
                self.account_loss: (250.0, 0.0),
                self.account_asset: (0.0, 3600.0),
            },
        )
        self.assertRecordValues(
            self.asset,
            [
                {
                    "depreciation_state": "disposed",
                    "disposal_date": fields.Date.to_date("2026-04-15"),
                    "book_value": 0.0,
                }
            ],
        )

    def test_sale_with_gain(self):
        self.asset._dispose(
            fields.Date.to_date("2026-03-31"),
            proceeds=3500.0,
            proceeds_account=self.account_suspense,
        )
        by_account = {
            line.account_id: (line.debit, line.credit)
            for line in self.asset.disposal_move_id.line_ids
        }
        self.assertEqual(by_account[self.account_gain], (0.0, 200.0))
        self.assertEqual(by_account[self.account_depreciation], (300.0, 0.0))

    def test_scrap_without_proceeds(self):
        self.asset._dispose(fields.Date.to_date("2026-05-31"))
        # April and May posted as planned, then the loss of the book value
        self.assertEqual(self.asset.accumulated_depreciation, 500.0)
        by_account = {
            line.account_id: (line.debit, line.credit)
            for line in self.asset.disposal_move_id.line_ids
        }
        self.assertEqual(by_account[self.account_loss], (3100.0, 0.0))

    def test_stock_scrap_disposes_of_the_asset(self):
        move_line = SimpleNamespace(
            date=fields.Datetime.to_datetime("2026-04-30 10:00")
        )
        self.asset._it_asset_after_stock_sync(
            [
                {
                    "asset": self.asset,
                    "move_line": move_line,
                    "location_from": self.env.ref("stock.stock_location_stock"),
                    "location_to": self.env["stock.location"].search(
                        [("scrap_location", "=", True)], limit=1
                    ),
                    "kind": "scrap",
                }
            ]
        )
        self.assertEqual(self.asset.depreciation_state, "disposed")
        self.assertEqual(str(self.asset.disposal_date), "2026-04-30")
        self.assertEqual(self.asset.accumulated_depreciation, 400.0)

    def test_disposal_before_last_posted_period_refused(self):
        with self.assertRaisesRegex(UserError, "before the last posted"):
            self.asset._dispose(fields.Date.to_date("2026-02-15"))
        self.assertEqual(self.asset.depreciation_state, "running")
        self.assertEqual(len(self._unposted()), 33)
        self.assertFalse(self.asset.disposal_move_id)

    def test_impairment_posts_and_recomputes(self):
        move = self.asset._revalue(fields.Date.to_date("2026-04-01"), impairment=500.0)
        self.assertEqual(move.state, "posted")
        self.assertEqual(
            {line.account_id: line.balance for line in move.line_ids},
            {self.account_loss: 500.0, self.account_depreciation: -500.0},
        )
        unposted = self._unposted()
        self.assertEqual(len(unposted), 33)
        self.assertAlmostEqual(sum(unposted.mapped("amount")), 2800.0, places=2)
        self.assertEqual(self.asset.book_value, 2800.0)
        self.assertEqual(unposted.sorted("date")[-1].remaining, 0.0)

    def test_change_of_useful_life(self):
        wizard_form = Form(
            self.env["it.asset.revalue"].with_context(
                active_model="it.asset", active_id=self.asset.id
            )
        )
        wizard_form.date = fields.Date.to_date("2026-04-01")
        wizard_form.useful_life_months = 24
        wizard_form.save().action_revalue()
        unposted = self._unposted().sorted("date")
        self.assertEqual(len(unposted), 21)
        self.assertEqual(str(unposted[-1].date), "2027-12-31")
        self.assertAlmostEqual(sum(unposted.mapped("amount")), 3300.0, places=2)
        self.assertEqual(unposted[0].amount, 157.14)
