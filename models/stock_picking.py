# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    it_asset_count = fields.Integer(
        string="IT Assets",
        compute="_compute_it_asset_count",
        help="IT assets received or moved by this transfer.",
    )

    def _it_asset_domain(self):
        return [
            "|",
            ("stock_move_id.picking_id", "in", self.ids),
            ("lot_id", "in", self.move_line_ids.lot_id.ids),
        ]

    def _compute_it_asset_count(self):
        if not self.ids:
            self.it_asset_count = 0
            return
        Asset = self.env["it.asset"].with_context(active_test=False)
        for picking in self:
            picking.it_asset_count = Asset.search_count(picking._it_asset_domain())

    def action_view_it_assets(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id("it_asset.it_asset_action")
        action["domain"] = self._it_asset_domain()
        action["context"] = {"active_test": False, "create": False}
        return action
