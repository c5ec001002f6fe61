# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A cost paid in another currency, on a fresh company with its chart of
accounts (Odoo's AccountTestInvoicingCommon), as the accountant does it."""

from datetime import date

from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon


@tagged("post_install", "-at_install")
class TestDepreciationForeignCurrency(AccountTestInvoicingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.company_data["company"]
        code = "EUR" if company.currency_id.name != "EUR" else "CHF"
        # units of the purchase currency for one unit of the company's
        cls.foreign = cls.setup_other_currency(
            code, rates=[("2026-01-01", 0.8), ("2026-03-01", 0.9)]
        )
        Account = cls.env["account.account"]

        def account(code, name, kind):
            return Account.create({"code": code, "name": name, "account_type": kind})

        cls.account_asset = account("218300", "IT equipment", "asset_fixed")
        cls.account_depreciation = account(
            "281830", "Accumulated depreciation IT", "asset_fixed"
        )
        cls.account_expense = account(
            "681130", "Depreciation IT", "expense_depreciation"
        )
        cls.account_gain = account("775030", "Gain on disposal", "income_other")
        cls.account_loss = account("675030", "Loss on disposal", "expense")
        cls.account_vendor = account("471030", "Vendor suspense", "liability_current")
        # fixtures as the administrator (the flows below run as the roles)
        cls.category = (
            cls.env["it.asset.category"]
            .sudo()
            .create(
                {
                    "name": "Imported laptops",
                    "kind": "hardware",
                    "useful_life_months": 12,
                    "depreciation_method": "linear",
                    "depreciation_period": "monthly",
                    "account_asset_id": cls.account_asset.id,
                    "account_depreciation_id": cls.account_depreciation.id,
                    "account_expense_id": cls.account_expense.id,
                    "account_gain_id": cls.account_gain.id,
                    "account_loss_id": cls.account_loss.id,
                    "journal_id": cls.company_data["default_journal_misc"].id,
                }
            )
        )
        cls.accountant = new_test_user(
            cls.env,
            login="fx_accountant",
            # finance doing the register's accounting (the wizards)
            groups="base.group_user,account.group_account_user,"
            "it_asset.group_it_asset_user",
            company_id=company.id,
        )
        cls.it_manager = new_test_user(
            cls.env,
            login="fx_it_manager",
            groups="base.group_user,it_asset.group_it_asset_manager",
            company_id=company.id,
        )
        cls.asset = (
            cls.env["it.asset"]
            .with_user(cls.it_manager)
            .create(
                {
                    "name": "Laptop bought abroad",
                    "category_id": cls.category.id,
                    "acquisition_date": date(2026, 1, 10),
                    "purchase_currency_id": cls.foreign.id,
                    "purchase_cost": 1200.0,
                }
            )
            # the results are read back as the superuser; every flow below
            # runs with_user the role that does it
            .sudo()
        )

    def _capitalise(self, day=date(2026, 3, 15)):
        wizard = Form(
            self.env["it.asset.capitalise"]
            .with_user(self.accountant)
            .with_context(active_model="it.asset", active_ids=self.asset.ids)
        )
        wizard.in_service_date = day
        wizard.account_id = self.account_vendor
        wizard.save().action_capitalise()
        return self.asset.capitalisation_move_id

    def test_cost_in_company_currency_follows_the_rate_of_its_date(self):
        company_currency = self.asset.company_id.currency_id
        self.assertEqual(self.asset.currency_id, company_currency)
        # before capitalisation: at the rate of the acquisition date
        self.assertAlmostEqual(
            self.asset.acquisition_cost, company_currency.round(1200 / 0.8)
        )

    def test_capitalised_at_the_rate_of_the_in_service_date(self):
        move = self._capitalise()
        company_currency = self.asset.company_id.currency_id
        expected = company_currency.round(1200 / 0.9)
        self.assertAlmostEqual(self.asset.acquisition_cost, expected)
        self.assertEqual(move.state, "posted")
        self.assertRecordValues(
            move.line_ids.sorted("balance"),
            [
                {
                    "account_id": self.account_vendor.id,
                    "balance": -expected,
                    "currency_id": self.foreign.id,
                    "amount_currency": -1200.0,
                },
                {
                    "account_id": self.account_asset.id,
                    "balance": expected,
                    "currency_id": self.foreign.id,
                    "amount_currency": 1200.0,
                },
            ],
        )
        # the board is in company currency and adds up to the converted cost
        lines = self.asset.depreciation_line_ids
        self.assertEqual(len(lines), 12)
        self.assertAlmostEqual(sum(lines.mapped("amount")), expected)
        # a rate entered later changes nothing booked or planned
        self.env["res.currency.rate"].create(
            {
                "name": "2026-03-15",
                "rate": 0.5,
                "currency_id": self.foreign.id,
                "company_id": self.asset.company_id.id,
            }
        )
        self.asset.invalidate_recordset()
        self.assertAlmostEqual(self.asset.acquisition_cost, expected)

    def test_posted_depreciation_in_company_currency(self):
        self._capitalise()
        self.env["it.asset"].with_user(self.accountant)._post_depreciation_up_to(
            date(2026, 3, 31), asset_ids=self.asset.ids
        )
        entry = self.asset.depreciation_line_ids.filtered("move_id").move_id
        self.assertEqual(len(entry), 1)
        self.assertEqual(
            set(entry.line_ids.currency_id.ids), {self.asset.company_id.currency_id.id}
        )

    def test_purchase_cost_fixed_once_capitalised(self):
        self._capitalise()
        for user in (self.it_manager, self.accountant):
            with self.assertRaises(UserError) as caught:
                self.asset.with_user(user).write({"purchase_cost": 900.0})
            self.assertIn("Change Depreciation", str(caught.exception))
        self.assertEqual(self.asset.purchase_cost, 1200.0)

    def test_disposal_releases_the_foreign_amount(self):
        move = self._capitalise()
        gross = move.line_ids.filtered(lambda ml: ml.account_id == self.account_asset)
        disposal = self.asset.with_user(self.accountant)._dispose(date(2026, 3, 31))
        released = disposal.line_ids.filtered(
            lambda ml: ml.account_id == self.account_asset
        )
        self.assertRecordValues(
            released,
            [
                {
                    "balance": -gross.balance,
                    "currency_id": self.foreign.id,
                    "amount_currency": -1200.0,
                }
            ],
        )
        self.assertFalse(
            self.account_asset.current_balance,
            "the gross value leaves the fixed-asset account whole",
        )

    def test_register_shows_both_amounts(self):
        arch = (
            self.env["it.asset"]
            .with_user(self.it_manager)
            .get_view(view_type="list")["arch"]
        )
        self.assertIn('name="acquisition_cost"', arch)
        self.assertIn('name="purchase_cost"', arch)
