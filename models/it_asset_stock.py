# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models

from odoo.addons.it_asset.lib import lifecycle

from .it_asset_classification_rule import CAPITALISE_ON_SELECTION


class ItAsset(models.Model):
    _inherit = "it.asset"

    stock_move_id = fields.Many2one(
        "stock.move",
        string="Receipt Move",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The stock move that received this asset.",
    )
    picking_id = fields.Many2one(
        related="stock_move_id.picking_id", string="Receipt", store=True
    )
    purchase_order_ref = fields.Char(
        string="Purchase Order",
        readonly=True,
        copy=False,
        help="Purchase order (or source document) of the receipt.",
    )
    classification_rule_id = fields.Many2one(
        "it.asset.classification.rule",
        string="Classified by",
        readonly=True,
        copy=False,
        help="The classification rule that made this received unit an asset "
        "(empty: the company default).",
    )
    capitalise_on = fields.Selection(
        CAPITALISE_ON_SELECTION,
        string="Capitalised",
        help="When the asset's value leaves the inventory for the fixed-asset "
        "account of its category.",
    )

    def action_view_stock_moves(self):
        """Stock moves of this asset's serial (or its receipt move)."""
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "stock.stock_move_line_action"
        )
        if self.lot_id:
            action["domain"] = [("lot_id", "=", self.lot_id.id)]
        else:
            action["domain"] = [("move_id", "=", self.stock_move_id.id)]
        action["context"] = {"create": False}
        return action

    def _it_asset_move_to_state(self, target):
        """Bring every asset of ``self`` to ``target``, through In Stock or
        Retired when the lifecycle has no direct way (e.g. In Use -> Retired ->
        Disposed for a scrapped laptop)."""
        rest = self.filtered(lambda a: a.state != target)
        direct = rest.filtered(lambda a: lifecycle.is_allowed(a.state, target))
        rest -= direct
        for via in (lifecycle.IN_STOCK, lifecycle.RETIRED):
            step = rest.filtered(
                lambda a, v=via: lifecycle.is_allowed(a.state, v)
                and lifecycle.is_allowed(v, target)
            )
            if step:
                step._change_state(via)
                direct |= step
                rest -= step
        # what is left cannot get there: _change_state explains why
        (direct | rest)._change_state(target)

    def _it_asset_cancel(self):
        """The goods went back to the vendor before deployment: the asset is
        reset to draft and archived (its chatter keeps the trace)."""
        self._it_asset_move_to_state(lifecycle.DRAFT)
        self.write({"active": False})
