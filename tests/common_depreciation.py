# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.it_asset.tests.common import ItAssetCase


class DepreciationCase(ItAssetCase, AccountTestInvoicingCommon):
    """Accounts, a journal and a depreciated category for the depreciation
    tests, on a fresh company with its chart of accounts (Odoo's
    AccountTestInvoicingCommon), never on demo data."""

    @classmethod
    def default_env_context(cls):
        # the chatter is part of what these tests check (ItAssetCase turns
        # tracking off where it does not matter)
        return {}

    @classmethod
    def setup_independent_user(cls):
        # the fixtures are the administrator's; every flow under test runs
        # with_user the role that does it
        return None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Account = cls.env["account.account"]
        cls.account_asset = Account.create(
            {"name": "IT Equipment", "code": "218100", "account_type": "asset_fixed"}
        )
        cls.account_depreciation = Account.create(
            {
                "name": "Accumulated Depreciation IT",
                "code": "281800",
                "account_type": "asset_fixed",
            }
        )
        cls.account_expense = Account.create(
            {
                "name": "Depreciation Expense IT",
                "code": "681100",
                "account_type": "expense_depreciation",
            }
        )
        cls.account_gain = Account.create(
            {
                "name": "Gain on Disposal",
                "code": "775000",
                "account_type": "income_other",
            }
        )
        cls.account_loss = Account.create(
            {"name": "Loss on Disposal", "code": "675000", "account_type": "expense"}
        )
        cls.account_suspense = Account.create(
            {
                "name": "Asset Suspense",
                "code": "471000",
                "account_type": "liability_current",
            }
        )
        cls.journal = cls.env["account.journal"].create(
            {"name": "IT Assets", "code": "ITAS", "type": "general"}
        )
        cls.company.write({"fiscalyear_last_month": "12", "fiscalyear_last_day": 31})
        cls.category_laptop.write(cls._accounting_vals())

    @classmethod
    def _accounting_vals(cls):
        return {
            "account_asset_id": cls.account_asset.id,
            "account_depreciation_id": cls.account_depreciation.id,
            "account_expense_id": cls.account_expense.id,
            "account_gain_id": cls.account_gain.id,
            "account_loss_id": cls.account_loss.id,
            "journal_id": cls.journal.id,
            "depreciation_method": "linear",
            "depreciation_period": "monthly",
        }

    @classmethod
    def _capitalised_asset(cls, date="2026-01-01", **vals):
        values = {
            "name": "Laptop",
            "category_id": cls.category_laptop.id,
            "acquisition_cost": 3600.0,
        }
        values.update(vals)
        asset = cls.env["it.asset"].create(values)
        asset._it_asset_on_capitalised(date)
        return asset

    def _board(self, asset):
        lines = asset.depreciation_line_ids.sorted("date")
        return [(str(line.date), line.amount) for line in lines]
