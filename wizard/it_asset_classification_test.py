# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models

from odoo.addons.it_asset.models.it_asset_classification_rule import (
    CAPITALISE_ON_SELECTION,
    OUTCOME_SELECTION,
)


class ItAssetClassificationTest(models.TransientModel):
    """Show how the classification rules treat chosen products, changing
    nothing."""

    _name = "it.asset.classification.test"
    _description = "Test IT Asset Classification Rules"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    product_ids = fields.Many2many("product.product", string="Products")
    line_ids = fields.One2many(
        "it.asset.classification.test.line", "wizard_id", string="Results"
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        active_model = self.env.context.get("active_model")
        active_ids = self.env.context.get("active_ids") or []
        if "product_ids" in fields_list and active_ids:
            if active_model == "product.template":
                products = (
                    self.env["product.template"].browse(active_ids).product_variant_ids
                )
                values["product_ids"] = [Command.set(products.ids)]
            elif active_model == "product.product":
                values["product_ids"] = [Command.set(active_ids)]
        return values

    def _prepare_lines(self):
        self.ensure_one()
        decisions = self.env["it.asset.classification.rule"]._classify_products(
            self.product_ids, company=self.company_id
        )
        return [
            {
                "wizard_id": self.id,
                "product_id": product.id,
                "unit_cost": product.with_company(self.company_id).standard_price,
                "outcome": decision.outcome,
                "rule_id": decision.rule_id or False,
                "rule_name": decision.rule_name,
                "asset_category_id": decision.asset_category_id or False,
                "capitalise_on": decision.capitalise_on or False,
                "reasons": "; ".join(decision.reasons),
                "rationale": decision.rationale,
            }
            for product, decision in decisions.items()
        ]

    def action_test(self):
        """Classify the products (nothing else is written) and show why."""
        self.ensure_one()
        self.line_ids.unlink()
        self.env["it.asset.classification.test.line"].create(self._prepare_lines())
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Test Classification Rules"),
        }


class ItAssetClassificationTestLine(models.TransientModel):
    _name = "it.asset.classification.test.line"
    _description = "Test IT Asset Classification Rules: Result"
    _order = "id"

    wizard_id = fields.Many2one(
        "it.asset.classification.test", required=True, ondelete="cascade"
    )
    product_id = fields.Many2one("product.product", readonly=True)
    unit_cost = fields.Float(readonly=True)
    outcome = fields.Selection(OUTCOME_SELECTION, readonly=True)
    rule_id = fields.Many2one(
        "it.asset.classification.rule", string="Deciding Rule", readonly=True
    )
    rule_name = fields.Char(string="Decided by", readonly=True)
    asset_category_id = fields.Many2one("it.asset.category", readonly=True)
    capitalise_on = fields.Selection(
        CAPITALISE_ON_SELECTION, string="Capitalised", readonly=True
    )
    reasons = fields.Char(string="Matched Conditions", readonly=True)
    rationale = fields.Text(readonly=True)
