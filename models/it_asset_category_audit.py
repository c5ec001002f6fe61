# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ItAssetCategory(models.Model):
    """How often the assets of a category are audited: closing a campaign
    (or a check-in, where the company counts it as an audit) sets each found
    asset's next audit date from it."""

    _inherit = "it.asset.category"

    audit_interval_months = fields.Integer(
        string="Audit Interval (months)",
        default=12,
        help="Months between two audits of the assets of this category "
        "(0: no next audit is planned).",
    )

    _sql_constraints = [
        (
            "audit_interval_positive",
            "CHECK(audit_interval_months >= 0)",
            "The audit interval of a category cannot be negative.",
        ),
    ]
