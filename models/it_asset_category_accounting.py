# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

DEPRECIATION_METHODS = [
    ("linear", "Linear"),
    ("degressive", "Declining Balance"),
    ("degressive_then_linear", "Declining then Linear"),
    ("none", "No Depreciation"),
]
DEPRECIATION_PERIODS = [
    ("monthly", "Monthly"),
    ("quarterly", "Quarterly"),
    ("yearly", "Yearly"),
]
PRORATA_MODES = [("none", "None (full first period)"), ("daily", "Daily")]
SALVAGE_TYPES = [("amount", "Amount"), ("percent", "Percentage of cost")]
POSTING_MODES = [
    ("per_asset", "One entry per asset"),
    ("summary", "One entry per category and period"),
]


class ItAssetCategory(models.Model):
    _inherit = "it.asset.category"

    # Accounts of the fixed assets of this category.
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
    # Depreciation settings (defaults of the assets of this category).
    depreciation_method = fields.Selection(
        DEPRECIATION_METHODS, required=True, default="linear"
    )
    depreciation_period = fields.Selection(
        DEPRECIATION_PERIODS, required=True, default="monthly"
    )
    depreciation_prorata = fields.Selection(
        PRORATA_MODES,
        string="Prorata",
        required=True,
        default="none",
        help="Daily: the first period only depreciates the days from the "
        "in-service date and one extra period at the end takes what remains.",
    )
    salvage_type = fields.Selection(SALVAGE_TYPES, required=True, default="amount")
    salvage_value = fields.Float(
        digits="Account", help="Value kept at the end of the useful life."
    )
    salvage_percent = fields.Float(
        help="Salvage value as a percentage of the cost (0 to 100)."
    )
    declining_rate = fields.Float(
        digits=(16, 4),
        help="Yearly rate of the declining methods, as a fraction in (0, 1] "
        "(0.4 = 40 %).",
    )
    posting_mode = fields.Selection(
        POSTING_MODES,
        required=True,
        default="per_asset",
        help="Per asset: one journal entry per asset and period. Summary: one "
        "entry per category, company and period, one expense line per analytic "
        "distribution.",
    )

    depreciation_responsible_id = fields.Many2one(
        "res.users",
        string="Accounting Responsible",
        domain="[('share', '=', False)]",
        help="Gets an activity when the depreciation of an asset of this category "
        "cannot be posted (the asset's IT responsible otherwise).",
    )

    _sql_constraints = [
        (
            "salvage_value_positive",
            "CHECK(salvage_value >= 0)",
            "The salvage value of a category cannot be negative.",
        ),
        (
            "salvage_percent_range",
            "CHECK(salvage_percent >= 0 AND salvage_percent <= 100)",
            "The salvage percentage of a category must be between 0 and 100.",
        ),
    ]

    @api.constrains("depreciation_method", "declining_rate", "useful_life_months")
    def _check_depreciation_settings(self):
        for category in self:
            if (
                category.depreciation_method in ("degressive", "degressive_then_linear")
                and not 0 < category.declining_rate <= 1
            ):
                raise ValidationError(
                    self.env._(
                        "Category %(category)s: the declining rate must be in "
                        "(0, 1], not %(rate)s.",
                        category=category.display_name,
                        rate=category.declining_rate,
                    )
                )
            if (
                category.depreciation_method != "none"
                and category.useful_life_months <= 0
            ):
                raise ValidationError(
                    self.env._(
                        "Category %(category)s: a depreciated category needs a "
                        "useful life of at least one month.",
                        category=category.display_name,
                    )
                )
