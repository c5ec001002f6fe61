# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ItAssetCategory(models.Model):
    _name = "it.asset.category"
    _description = "IT Asset Category"
    _parent_name = "parent_id"
    _parent_store = True
    _order = "complete_name, id"
    _rec_name = "complete_name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    complete_name = fields.Char(
        compute="_compute_complete_name", store=True, recursive=True
    )
    active = fields.Boolean(default=True)
    sequence = fields.Integer(default=10)
    color = fields.Integer()
    company_id = fields.Many2one(
        "res.company",
        help="Leave empty to share the category between companies.",
        index=True,
    )
    parent_id = fields.Many2one(
        "it.asset.category",
        string="Parent Category",
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("it.asset.category", "parent_id")
    kind = fields.Selection(
        [
            ("hardware", "Hardware"),
            ("software", "Software licence"),
            ("other", "Other"),
        ],
        required=True,
        default="hardware",
    )
    useful_life_months = fields.Integer(
        string="Default Useful Life (months)",
        default=36,
        help="Default useful life of the assets of this category, in months.",
    )
    default_replacement_cost = fields.Float(
        help="Replacement cost of its assets whose product has no purchase "
        "price nor cost (in the currency of the asset's company).",
    )
    product_category_ids = fields.Many2many(
        "product.category",
        string="Product Categories",
        help="Products of these categories (and their children) belong to this "
        "asset category.",
    )
    description = fields.Text()
    # the fields this category's assets have, defined without code (as
    # fleet's vehicle models do): CPU and RAM for laptops, size for monitors
    asset_properties_definition = fields.PropertiesDefinition(
        string="Asset Properties",
        help="Fields of the assets of this category (CPU, RAM, screen size...): "
        "added from an asset's form by IT managers.",
    )
    asset_ids = fields.One2many("it.asset", "category_id")
    asset_count = fields.Integer(compute="_compute_asset_count")

    _sql_constraints = [
        (
            "useful_life_positive",
            "CHECK(useful_life_months >= 0)",
            "The default useful life of a category cannot be negative.",
        ),
        (
            "default_replacement_cost_positive",
            "CHECK(default_replacement_cost >= 0)",
            "The default replacement cost of a category cannot be negative.",
        ),
    ]

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(self.env._("You cannot create recursive categories."))

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for category in self:
            if category.parent_id:
                category.complete_name = (
                    f"{category.parent_id.complete_name} / {category.name}"
                )
            else:
                category.complete_name = category.name

    def _compute_asset_count(self):
        counts = dict(
            self.env["it.asset"]._read_group(
                [("category_id", "in", self.ids)], ["category_id"], ["__count"]
            )
        )
        for category in self:
            category.asset_count = counts.get(category, 0)

    def action_view_assets(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id("it_asset.it_asset_action")
        action["domain"] = [("category_id", "child_of", self.id)]
        action["context"] = {"default_category_id": self.id}
        return action
