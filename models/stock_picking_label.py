# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class StockPicking(models.Model):
    _inherit = "stock.picking"

    it_asset_label_count = fields.Integer(
        string="Asset Labels",
        compute="_compute_it_asset_label_count",
        help="IT assets this receipt created: the labels to print.",
    )

    def _compute_it_asset_label_count(self):
        by_picking = self._it_asset_received().grouped("picking_id") if self.ids else {}
        for picking in self:
            picking.it_asset_label_count = len(by_picking.get(picking, ()))

    def action_it_asset_print_labels(self):
        """Asset Labels of a receipt: the wizard, for warehouse staff too."""
        return self.env["ir.actions.actions"]._for_xml_id(
            "it_asset.it_asset_label_print_action_picking"
        ) | {"context": {"active_model": self._name, "active_ids": self.ids}}

    def _it_asset_received(self):
        """The assets these receipts created.

        The one elevation of label printing: warehouse staff (Inventory
        rights, no IT group) print the labels of what they received right
        after validating, without read access to the register. The user must
        be able to read the receipts; their assets are then read as superuser,
        for the label's tag, name and serial only (the report's values) and
        the receipt's count of labels."""
        self.check_access("read")
        return (
            self.env["it.asset"]
            .sudo()
            .with_context(active_test=False)
            .search([("picking_id", "in", self.ids)], order="picking_id, id")
        )

    def _it_asset_label_assets(self):
        """The assets to label for these receipts; refused when none."""
        assets = self._it_asset_received()
        if not assets:
            raise UserError(
                self.env._(
                    "%(pickings)s created no IT asset: there is no asset label "
                    "to print.",
                    pickings=", ".join(self.mapped("name")),
                )
            )
        return assets
