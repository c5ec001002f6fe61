# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestDepreciationTour(HttpCase):
    def test_capitalise_post_and_scrap_from_the_screens(self):
        """A finance user capitalises a laptop, posts January and scraps it,
        all from the screens."""
        Account = self.env["account.account"]
        accounts = {
            key: Account.create({"name": name, "code": code, "account_type": kind})
            for key, name, code, kind in [
                ("asset", "Tour IT Equipment", "218950", "asset_fixed"),
                ("depreciation", "Tour Accumulated", "281950", "asset_fixed"),
                ("expense", "Tour Depreciation", "681950", "expense_depreciation"),
                ("gain", "Tour Gain", "775950", "income_other"),
                ("loss", "Tour Loss", "675950", "expense"),
                ("suspense", "Tour Suspense", "471950", "liability_current"),
            ]
        }
        journal = self.env["account.journal"].create(
            {"name": "Tour Assets", "code": "TOUR", "type": "general"}
        )
        category = self.env["it.asset.category"].create(
            {
                "name": "Tour Depreciated Laptops",
                "account_asset_id": accounts["asset"].id,
                "account_depreciation_id": accounts["depreciation"].id,
                "account_expense_id": accounts["expense"].id,
                "account_gain_id": accounts["gain"].id,
                "account_loss_id": accounts["loss"].id,
                "journal_id": journal.id,
                "depreciation_method": "linear",
                "depreciation_period": "monthly",
                "useful_life_months": 36,
            }
        )
        asset = self.env["it.asset"].create(
            {
                "name": "Tour Depreciation Laptop",
                "category_id": category.id,
                "acquisition_cost": 3600.0,
            }
        )
        asset.action_confirm()
        employee = self.env["hr.employee"].create({"name": "Tour Finance Holder"})
        self.env["it.asset.custody"]._checkout(asset, employee)
        self.assertEqual(asset.state, "in_use")
        finance = new_test_user(
            self.env,
            login="tour_finance",
            groups="base.group_user,account.group_account_user,"
            "it_asset.group_it_asset_user",
        )
        self.start_tour(
            f"/odoo/it-assets/{asset.id}",
            "it_asset_depreciation_tour",
            login=finance.login,
            timeout=180,
        )
        self.assertEqual(asset.depreciation_state, "disposed")
        self.assertEqual(str(asset.in_service_date), "2026-01-01")
        capitalisation = asset.capitalisation_move_id
        self.assertEqual(capitalisation.state, "posted")
        self.assertEqual(
            capitalisation.line_ids.filtered("credit").account_id, accounts["suspense"]
        )
        posted = asset.depreciation_line_ids.filtered("move_id").sorted("date")
        self.assertEqual(
            [str(line.date) for line in posted],
            ["2026-01-31", "2026-02-28", "2026-03-31"],
        )
        self.assertEqual(posted[0].move_id.create_uid, finance)
        self.assertEqual(asset.disposal_date, fields.Date.to_date("2026-03-31"))
        disposal = asset.disposal_move_id
        self.assertEqual(disposal.state, "posted")
        # gross 3600, three months depreciated (300): loss of 3300
        loss = disposal.line_ids.filtered(lambda ml: ml.account_id == accounts["loss"])
        self.assertEqual(loss.debit, 3300.0)
