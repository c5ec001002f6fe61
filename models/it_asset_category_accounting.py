# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ItAssetCategory(models.Model):
    _inherit = "it.asset.category"

    # Accounts of the fixed assets of this category (the depreciation part of
    # the addon adds methods, periods and posting settings beside them).
    account_asset_id = fields.Many2one(
        "account.account",
        string="Fixed Asset Account",
        company_dependent=True,
        help="Gross value of the capitalised assets of this category.",
    )
    account_depreciation_id = fields.Many2one(
        "account.account",
        string="Accumulated Depreciation Account",
        company_dependent=True,
    )
    account_expense_id = fields.Many2one(
        "account.account",
        string="Depreciation Expense Account",
        company_dependent=True,
    )
    account_gain_id = fields.Many2one(
        "account.account",
        string="Gain on Disposal Account",
        company_dependent=True,
    )
    account_loss_id = fields.Many2one(
        "account.account",
        string="Loss on Disposal Account",
        company_dependent=True,
    )
    journal_id = fields.Many2one(
        "account.journal",
        string="Asset Journal",
        company_dependent=True,
        domain="[('type', '=', 'general')]",
    )
