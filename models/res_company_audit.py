# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    it_asset_checkin_is_audit = fields.Boolean(
        string="Check-in Counts as Audit",
        help="An asset checked in has been seen by IT: its last audit date is "
        "the check-in date and its next one follows its category's interval.",
    )
