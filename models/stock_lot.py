# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StockLot(models.Model):
    _inherit = "stock.lot"

    it_asset_id = fields.Many2one(
        "it.asset",
        string="IT Asset",
        compute="_compute_it_asset_id",
        help="The IT asset of this serial number.",
    )

    def _compute_it_asset_id(self):
        assets = (
            self.env["it.asset"]
            .with_context(active_test=False)
            .search([("lot_id", "in", self.ids)])
        )
        by_lot = {asset.lot_id.id: asset for asset in assets}
        for lot in self:
            lot.it_asset_id = by_lot.get(lot.id, False)

    def action_view_it_asset(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "it.asset",
            "res_id": self.it_asset_id.id,
            "view_mode": "form",
        }
