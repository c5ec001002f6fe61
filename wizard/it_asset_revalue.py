# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ItAssetRevalue(models.TransientModel):
    _name = "it.asset.revalue"
    _description = "Change the Depreciation of an IT Asset"
    _check_company_auto = True

    asset_id = fields.Many2one("it.asset", required=True, check_company=True)
    company_id = fields.Many2one(related="asset_id.company_id")
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(required=True, default=fields.Date.context_today)
    useful_life_months = fields.Integer(
        string="New Useful Life (months)",
        help="Total useful life from the in-service date; leave unchanged to keep it.",
    )
    salvage_value = fields.Monetary(string="New Salvage Value")
    impairment = fields.Monetary(
        help="Loss of value posted now (Dr loss on disposal, Cr accumulated "
        "depreciation)."
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        asset_id = self.env.context.get("active_id")
        if self.env.context.get("active_model") == "it.asset" and asset_id:
            asset = self.env["it.asset"].browse(asset_id)
            values.update(
                asset_id=asset.id,
                useful_life_months=asset.depreciation_life_months,
                salvage_value=asset.salvage_value,
            )
        return values

    def action_revalue(self):
        self.ensure_one()
        asset = self.asset_id
        self.asset_id._revalue(
            self.date,
            useful_life_months=self.useful_life_months
            if self.useful_life_months != asset.depreciation_life_months
            else None,
            salvage_value=self.salvage_value
            if self.salvage_value != asset.salvage_value
            else None,
            impairment=self.impairment,
        )
        return {"type": "ir.actions.act_window_close"}
