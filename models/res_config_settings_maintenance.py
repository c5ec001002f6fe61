# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    it_asset_expiry_alert_days = fields.Integer(
        string="Expiry Alert (days)",
        config_parameter="it_asset.expiry_alert_days",
        default=30,
        help="Warranties, support contracts and licences ending within this many "
        "days get an activity on their asset.",
    )
    it_asset_idle_days = fields.Integer(
        string="Idle After (days)",
        config_parameter="it_asset.idle_days",
        default=90,
        help="An asset in stock, unassigned, for longer than this is idle.",
    )
    it_asset_underperforming_factor = fields.Float(
        string="Underperforming Factor",
        config_parameter="it_asset.underperforming_factor",
        default=2.0,
        help="An asset failing at least this many times as often as its model "
        "(or category) is flagged as underperforming.",
    )

    @api.constrains(
        "it_asset_expiry_alert_days",
        "it_asset_idle_days",
        "it_asset_underperforming_factor",
    )
    def _check_it_asset_maintenance_settings(self):
        for settings in self:
            if (
                settings.it_asset_expiry_alert_days <= 0
                or settings.it_asset_idle_days <= 0
                or settings.it_asset_underperforming_factor <= 0
            ):
                raise ValidationError(
                    self.env._(
                        "IT Assets: the expiry alert days, idle days and "
                        "underperforming factor must be positive."
                    )
                )
