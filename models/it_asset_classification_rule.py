# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.safe_eval import safe_eval

from odoo.addons.it_asset.lib import classification

OUTCOME_SELECTION = [
    ("inventory", "Inventory"),
    ("expense", "Expense"),
    ("asset", "Asset"),
]
CAPITALISE_ON_SELECTION = [
    ("receipt", "On Receipt"),
    ("deployment", "On Deployment"),
]


class ItAssetClassificationRule(models.Model):
    _name = "it.asset.classification.rule"
    _description = "IT Asset Classification Rule"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    rationale = fields.Text(
        translate=True,
        help="Why this rule exists, shown to users with its decisions (e.g. "
        "'Laptops over 500 are capitalised over 36 months').",
    )
    # conditions (all optional, combined with AND)
    product_category_ids = fields.Many2many(
        "product.category",
        string="Product Categories",
        help="The product's category or one of its parents is one of these.",
    )
    product_tag_ids = fields.Many2many(
        "product.tag",
        string="Product Tags",
        help="The product has at least one of these tags.",
    )
    product_domain = fields.Char(
        string="Product Filter",
        default="[]",
        help="Only products matching this filter.",
    )
    min_unit_cost = fields.Monetary(
        string="Unit Cost at Least",
        currency_field="currency_id",
        help="Capitalisation threshold: the unit cost (in company currency) is "
        "at least this amount. 0 means no condition.",
    )
    serial_tracked_only = fields.Boolean(
        string="Tracked by Serial Only",
        help="Only products tracked by serial number.",
    )
    min_useful_life_months = fields.Integer(
        string="Useful Life at Least (months)",
        help="The product's expected useful life is at least this long. "
        "0 means no condition.",
    )
    # outcome
    outcome = fields.Selection(
        OUTCOME_SELECTION,
        required=True,
        default="asset",
        help="Inventory: stays stock (cables, toner, spare parts). Expense: "
        "low-value items, no asset. Asset: one IT asset per unit received.",
    )
    asset_category_id = fields.Many2one(
        "it.asset.category",
        check_company=True,
    )
    capitalise_on = fields.Selection(
        CAPITALISE_ON_SELECTION,
        string="Capitalised",
        default=classification.DEFAULT_CAPITALISE_ON,
        help="On Receipt: the value goes to the fixed-asset account when the "
        "goods are received. On Deployment: it stays inventory until the asset "
        "first leaves the IT stock room for a user.",
    )

    @api.constrains("min_unit_cost", "min_useful_life_months")
    def _check_thresholds(self):
        for rule in self:
            if rule.min_unit_cost < 0:
                raise ValidationError(
                    self.env._(
                        "Classification rule %(rule)s: the unit cost threshold "
                        "cannot be negative (%(amount)s).",
                        rule=rule.name,
                        amount=rule.min_unit_cost,
                    )
                )
            if rule.min_useful_life_months < 0:
                raise ValidationError(
                    self.env._(
                        "Classification rule %(rule)s: the minimum useful life "
                        "cannot be negative (%(months)s months).",
                        rule=rule.name,
                        months=rule.min_useful_life_months,
                    )
                )

    @api.constrains("outcome", "asset_category_id")
    def _check_asset_category(self):
        for rule in self:
            if rule.outcome == "asset" and not rule.asset_category_id:
                raise ValidationError(
                    self.env._(
                        "Classification rule %(rule)s: an 'Asset' outcome needs "
                        "an asset category.",
                        rule=rule.name,
                    )
                )

    @api.constrains("product_domain")
    def _check_product_domain(self):
        for rule in self:
            try:
                self.env["product.product"].search_count(rule._product_domain())
            except Exception as error:
                raise ValidationError(
                    self.env._(
                        "Classification rule %(rule)s: invalid product filter "
                        "%(domain)s (%(error)s).",
                        rule=rule.name,
                        domain=rule.product_domain,
                        error=error,
                    )
                ) from error

    def _product_domain(self):
        self.ensure_one()
        domain = safe_eval(self.product_domain or "[]")
        return domain if isinstance(domain, list) else []

    def _to_lib(self, products):
        """Plain copies (lib.classification.Rule) of the rules of ``self``; a
        product filter is evaluated once per rule on ``products``."""
        result = []
        for rule in self:
            product_ids = None
            domain = rule._product_domain()
            if domain:
                product_ids = frozenset(
                    self.env["product.product"]
                    .with_context(active_test=False)
                    .search([("id", "in", products.ids), *domain])
                    .ids
                )
            result.append(
                classification.Rule(
                    id=rule.id,
                    name=rule.name,
                    sequence=rule.sequence,
                    rationale=rule.rationale or "",
                    outcome=rule.outcome,
                    asset_category_id=rule.asset_category_id.id or None,
                    capitalise_on=rule.capitalise_on or None,
                    product_category_ids=frozenset(rule.product_category_ids.ids),
                    product_tag_ids=frozenset(rule.product_tag_ids.ids),
                    product_ids=product_ids,
                    min_unit_cost=rule.min_unit_cost or None,
                    serial_tracked_only=rule.serial_tracked_only,
                    min_useful_life_months=rule.min_useful_life_months or None,
                )
            )
        return result

    @api.model
    def _classify_products(self, products, company=None, unit_costs=None):
        """Classify ``products`` (product.product) for ``company``.

        ``unit_costs`` maps product id -> unit cost in company currency (default:
        the product cost). Returns {product: lib.classification.Decision}.
        """
        company = company or self.env.company
        products = products.with_company(company)
        rules = self.sudo().search([("company_id", "=", company.id)])
        default = (
            classification.default_decision(
                company.it_asset_default_outcome,
                rationale=self.env._(
                    "No classification rule matched: company default."
                ),
                asset_category_id=company.it_asset_default_category_id.id or None,
                capitalise_on=company.it_asset_default_capitalise_on,
                name=self.env._("Company default"),
            )
            if (
                company.it_asset_default_outcome != "asset"
                or company.it_asset_default_category_id
            )
            else classification.default_decision(
                "inventory",
                rationale=self.env._(
                    "No classification rule matched and the company default asset "
                    "category is not set: inventory."
                ),
                name=self.env._("Company default"),
            )
        )
        unit_costs = unit_costs or {}
        facts = [
            classification.ProductFacts(
                product_id=product.id,
                category_path_ids=frozenset(
                    int(i) for i in (product.categ_id.parent_path or "").split("/") if i
                ),
                tag_ids=frozenset(product.all_product_tag_ids.ids),
                unit_cost=company.currency_id.round(
                    unit_costs.get(product.id, product.standard_price)
                ),
                serial_tracked=product.tracking == "serial",
                useful_life_months=product.it_asset_useful_life_months or None,
            )
            for product in products
        ]
        decisions = classification.classify_many(
            rules._to_lib(products),
            facts,
            default,
            category_names={c.id: c.display_name for c in rules.product_category_ids},
            tag_names={t.id: t.name for t in rules.product_tag_ids},
        )
        return {product: decisions[product.id] for product in products.sudo(False)}

    @api.model
    def _demo_set_fixed_asset_accounts(self):
        """Demo data: give the asset categories without one the company's
        first fixed-asset account, so that capitalisation posts."""
        company = self.env.company
        account = self.env["account.account"].search(
            [
                ("account_type", "=", "asset_fixed"),
                ("company_ids", "in", company.ids),
            ],
            limit=1,
        )
        if not account:
            return
        categories = (
            self.env["it.asset.category"]
            .with_company(company)
            .search([("company_id", "in", [company.id, False])])
        )
        categories.filtered(lambda c: not c.account_asset_id).write(
            {"account_asset_id": account.id}
        )
