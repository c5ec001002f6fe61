# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    it_asset_label_format = fields.Selection(
        related="company_id.it_asset_label_format", readonly=False
    )
    it_asset_label_qr_payload = fields.Selection(
        related="company_id.it_asset_label_qr_payload", readonly=False
    )
    it_asset_label_company = fields.Selection(
        related="company_id.it_asset_label_company", readonly=False
    )
    it_asset_label_show_name = fields.Boolean(
        related="company_id.it_asset_label_show_name", readonly=False
    )
    it_asset_label_show_tag = fields.Boolean(
        related="company_id.it_asset_label_show_tag", readonly=False
    )
    it_asset_label_show_serial = fields.Boolean(
        related="company_id.it_asset_label_show_serial", readonly=False
    )
    it_asset_label_contact = fields.Char(
        related="company_id.it_asset_label_contact", readonly=False
    )
