# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import UserError


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def action_it_asset_print_labels(self):
        """Asset Labels of a receipt: the wizard, for warehouse staff too."""
        return self.env["ir.actions.actions"]._for_xml_id(
            "it_asset.it_asset_label_print_action_picking"
        ) | {"context": {"active_model": self._name, "active_ids": self.ids}}

    def _it_asset_label_assets(self):
        """The assets these receipts created, to print their labels.

        The one elevation of label printing: warehouse staff (Inventory
        rights, no IT group) print the labels of what they received right
        after validating, without read access to the register. The user must
        be able to read the receipts; their assets are then read as superuser,
        for the label's tag, name and serial only (the report's values)."""
        self.check_access("read")
        assets = (
            self.env["it.asset"]
            .sudo()
            .with_context(active_test=False)
            .search([("picking_id", "in", self.ids)], order="picking_id, id")
        )
        if not assets:
            raise UserError(
                self.env._(
                    "%(pickings)s created no IT asset: there is no asset label "
                    "to print.",
                    pickings=", ".join(self.mapped("name")),
                )
            )
        return assets
