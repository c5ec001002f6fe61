# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    it_asset_stock_location_id = fields.Many2one(
        related="company_id.it_asset_stock_location_id", readonly=False
    )
    it_asset_in_use_location_id = fields.Many2one(
        related="company_id.it_asset_in_use_location_id", readonly=False
    )
    it_asset_repair_location_id = fields.Many2one(
        related="company_id.it_asset_repair_location_id", readonly=False
    )
    it_asset_default_outcome = fields.Selection(
        related="company_id.it_asset_default_outcome", readonly=False
    )
    it_asset_default_category_id = fields.Many2one(
        related="company_id.it_asset_default_category_id", readonly=False
    )
    it_asset_default_capitalise_on = fields.Selection(
        related="company_id.it_asset_default_capitalise_on", readonly=False
    )
    it_asset_eol_notice_days = fields.Integer(
        related="company_id.it_asset_eol_notice_days", readonly=False
    )
    it_asset_stock_depreciation = fields.Selection(
        related="company_id.it_asset_stock_depreciation", readonly=False
    )
    it_asset_entry_copies = fields.Boolean(
        related="company_id.it_asset_entry_copies", readonly=False
    )

    def action_it_asset_create_locations(self):
        """Create the IT stock room, 'Assets in Use' and 'At Repair Vendor'
        locations missing for the current company."""
        self.company_id._it_asset_locations()
        return True
