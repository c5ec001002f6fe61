# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.it_asset.models.it_asset_kit import (
    COMPONENT_POLICIES,
    KIT_CONTEXT_KEY,
)


class ItAssetKitDispose(models.TransientModel):
    """Dispose of kits: say what becomes of their components."""

    _name = "it.asset.kit.dispose"
    _description = "Dispose of a Kit"

    asset_ids = fields.Many2many("it.asset", string="Kits", required=True)
    component_ids = fields.Many2many(
        "it.asset", string="Components", compute="_compute_component_ids"
    )
    component_policy = fields.Selection(
        COMPONENT_POLICIES,
        string="What Becomes of the Components",
        required=True,
        default="detach",
    )

    @api.depends("asset_ids")
    def _compute_component_ids(self):
        for wizard in self:
            wizard.component_ids = wizard.asset_ids.child_ids - wizard.asset_ids

    def action_confirm(self):
        self.ensure_one()
        self.asset_ids.with_context(
            **{KIT_CONTEXT_KEY: self.component_policy}
        ).action_dispose()
        return {"type": "ir.actions.act_window_close"}
