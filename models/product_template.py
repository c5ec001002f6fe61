# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .it_asset_classification_rule import CAPITALISE_ON_SELECTION, OUTCOME_SELECTION


class ProductTemplate(models.Model):
    _inherit = "product.template"

    it_asset_useful_life_months = fields.Integer(
        string="Expected Useful Life (months)",
        help="How long this product is expected to be used; classification "
        "rules may require a minimum (0: unknown).",
    )
    end_of_support_date = fields.Date(
        string="End of Support",
        help="When the manufacturer stops supporting this model: the end of "
        "life of its IT assets (else their category's useful life applies).",
    )
    it_asset_outcome = fields.Selection(
        OUTCOME_SELECTION,
        string="IT Classification",
        compute="_compute_it_asset_classification",
        help="How a receipt of this product is classified by the IT asset "
        "classification rules (at its current cost).",
    )
    it_asset_rule_id = fields.Many2one(
        "it.asset.classification.rule",
        string="Deciding Rule",
        compute="_compute_it_asset_classification",
    )
    it_asset_asset_category_id = fields.Many2one(
        "it.asset.category",
        string="Asset Category",
        compute="_compute_it_asset_classification",
    )
    it_asset_capitalise_on = fields.Selection(
        CAPITALISE_ON_SELECTION,
        string="Capitalised",
        compute="_compute_it_asset_classification",
    )
    it_asset_classification_reason = fields.Text(
        string="Why",
        compute="_compute_it_asset_classification",
    )

    def _compute_it_asset_classification(self):
        variants = self.product_variant_id
        decisions = (
            self.env["it.asset.classification.rule"]._classify_products(variants)
            if variants
            else {}
        )
        for template in self:
            decision = decisions.get(template.product_variant_id)
            if not decision:
                template.update(
                    {
                        "it_asset_outcome": False,
                        "it_asset_rule_id": False,
                        "it_asset_asset_category_id": False,
                        "it_asset_capitalise_on": False,
                        "it_asset_classification_reason": False,
                    }
                )
                continue
            template.update(
                {
                    "it_asset_outcome": decision.outcome,
                    "it_asset_rule_id": decision.rule_id,
                    "it_asset_asset_category_id": decision.asset_category_id,
                    "it_asset_capitalise_on": decision.capitalise_on,
                    "it_asset_classification_reason": _explain(decision),
                }
            )


def _explain(decision):
    """Rule, rationale and matched conditions of a decision, in plain words."""
    lines = [decision.summary]
    if decision.rationale:
        lines.append(decision.rationale)
    return "\n".join(lines)
