# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.it_asset.models.it_asset_custody import CONDITION_SELECTION


class ItAssetCheckin(models.TransientModel):
    """Check assets back in to a stock location."""

    _name = "it.asset.checkin"
    _inherit = ["it.asset.scan.to.add"]
    _description = "IT Asset Check-in"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    location_id = fields.Many2one(
        "stock.location",
        string="Return To",
        required=True,
        default=lambda self: self._default_location(),
        domain="[('usage', '=', 'internal'), "
        "('company_id', 'in', [company_id, False])]",
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    condition = fields.Selection(
        CONDITION_SELECTION, help="Leave empty to keep each asset's condition."
    )
    notes = fields.Text()

    @api.model
    def _default_location(self):
        company = self.env.company
        if "it_asset_stock_location_id" in company._fields:
            location = company.it_asset_stock_location_id
            if location:
                return location
        return self.env.ref(
            "it_asset.stock_location_it_store", raise_if_not_found=False
        )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if not values.get("asset_ids") and (
            self.env.context.get("active_model") == "it.asset"
        ):
            values["asset_ids"] = [(6, 0, self.env.context.get("active_ids", []))]
        return values

    def action_confirm(self):
        self.ensure_one()
        self.env["it.asset.custody"]._checkin(
            self.asset_ids, self.location_id, self.date, self.condition, self.notes
        )
        return {"type": "ir.actions.act_window_close"}
