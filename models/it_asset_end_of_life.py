# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""End of life and refresh planning of the register: when each asset should
be replaced, what it will cost, and a to-do for its IT responsible ahead of
time. The date and cost rules are in lib/end_of_life.py."""

from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression
from odoo.tools import format_amount, format_date, split_every

from odoo.addons.it_asset.lib import end_of_life, lifecycle

# statuses out of the refresh plan: nothing left to replace
ENDED_STATES = (lifecycle.RETIRED, lifecycle.DISPOSED)


class ItAsset(models.Model):
    _inherit = "it.asset"

    company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency"
    )
    end_of_life_date = fields.Date(
        compute="_compute_end_of_life_date",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
        tracking=True,
        help="When this asset should be replaced: the end of support of its "
        "product when known, else its in-service date (or acquisition date) "
        "plus the useful life of its category. You may change it; a new "
        "product, category or date computes it again.",
    )
    replacement_cost = fields.Monetary(
        currency_field="company_currency_id",
        compute="_compute_replacement_cost",
        store=True,
        precompute=True,
        help="What replacing it should cost, in the company's currency: the "
        "last purchase price of its product (unit cost of its latest receipt), "
        "else the product's cost, else the category's default replacement "
        "cost. Computed again when the product or category changes, and every "
        "day by the end-of-life job (receipts change the last purchase price).",
    )
    end_of_life_alerted_date = fields.Date(
        copy=False,
        readonly=True,
        help="End-of-life date already announced by an activity: the job "
        "announces each date once.",
    )
    end_of_life_soon = fields.Boolean(
        string="End of Life Soon",
        compute="_compute_end_of_life_status",
        search="_search_end_of_life_soon",
        help="Reaches its end of life within the company's notice days (and "
        "is neither retired nor disposed).",
    )
    end_of_life_passed = fields.Boolean(
        string="End of Life Passed",
        compute="_compute_end_of_life_status",
        search="_search_end_of_life_passed",
        help="Its end of life is before today, and it is neither retired nor "
        "disposed.",
    )

    # ------------------------------------------------------------------
    # constraints
    # ------------------------------------------------------------------
    @api.constrains("end_of_life_date", "acquisition_date")
    def _check_end_of_life_date(self):
        for asset in self:
            if (
                asset.end_of_life_date
                and asset.acquisition_date
                and asset.end_of_life_date < asset.acquisition_date
            ):
                raise ValidationError(
                    self.env._(
                        "Asset %(asset)s: the end-of-life date (%(end)s) is before "
                        "the acquisition date (%(start)s).",
                        asset=asset.display_name,
                        end=asset.end_of_life_date,
                        start=asset.acquisition_date,
                    )
                )

    # ------------------------------------------------------------------
    # computes
    # ------------------------------------------------------------------
    @api.depends(
        "acquisition_date",
        "in_service_date",
        "category_id.useful_life_months",
        "product_id.end_of_support_date",
    )
    def _compute_end_of_life_date(self):
        for asset in self:
            asset.end_of_life_date = end_of_life.end_of_life_date(
                asset.acquisition_date,
                asset.category_id.useful_life_months,
                in_service_date=asset.in_service_date,
                end_of_support_date=asset.product_id.end_of_support_date,
            )

    # not on the valuation layers nor the product's cost: a receipt would
    # recompute the whole fleet of that product; the daily job refreshes it
    @api.depends("product_id", "category_id.default_replacement_cost", "company_id")
    def _compute_replacement_cost(self):
        costs = self._it_asset_replacement_costs()
        for asset in self:
            asset.replacement_cost = costs[asset]

    @api.depends("end_of_life_date", "state", "company_id.it_asset_eol_notice_days")
    def _compute_end_of_life_status(self):
        today = fields.Date.context_today(self)
        for asset in self:
            status = (
                end_of_life.end_of_life_status(
                    asset.end_of_life_date,
                    today,
                    asset.company_id.it_asset_eol_notice_days,
                )
                if asset.state not in ENDED_STATES
                else None
            )
            asset.end_of_life_soon = status == end_of_life.SOON
            asset.end_of_life_passed = status == end_of_life.PASSED

    def _search_end_of_life_soon(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(operator)
        today = fields.Date.context_today(self)
        horizons = expression.OR(
            [
                [
                    ("company_id", "in", company_ids),
                    ("end_of_life_date", "<=", end_of_life.notice_horizon(today, days)),
                ]
                for days, company_ids in self._it_asset_eol_notices()
            ]
            or [expression.FALSE_DOMAIN]
        )
        domain = expression.AND(
            [
                [
                    ("end_of_life_date", ">=", today),
                    ("state", "not in", ENDED_STATES),
                ],
                horizons,
            ]
        )
        return domain if (operator == "=") == value else ["!", *domain]

    def _search_end_of_life_passed(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(operator)
        domain = [
            ("end_of_life_date", "<", fields.Date.context_today(self)),
            ("state", "not in", ENDED_STATES),
        ]
        return domain if (operator == "=") == value else ["!", "&", *domain]

    # ------------------------------------------------------------------
    # business methods
    # ------------------------------------------------------------------
    def _it_asset_eol_notices(self):
        """[(notice days, company ids)] of the companies whose assets a search
        may return: those enabled for the user, every company for the
        superuser (jobs), who ignores the multi-company rules. One query."""
        domain = [] if self.env.su else [("id", "in", self.env.companies.ids)]
        return self.env["res.company"]._read_group(
            domain, ["it_asset_eol_notice_days"], ["id:array_agg"]
        )

    def _it_asset_replacement_costs(self):
        """{asset: replacement cost} for ``self``: last purchase unit cost,
        else product cost, else category default (lib/end_of_life.py), in
        one grouped read of the valuation layers and one read of the costs
        per company."""
        last_costs = self._it_asset_last_purchase_costs()
        standard = {}
        for company in self.company_id:
            products = self.filtered(lambda a, c=company: a.company_id == c).product_id
            for product in products.with_company(company):
                standard[product.id, company.id] = product.standard_price
        return {
            asset: end_of_life.replacement_cost(
                last_costs.get((asset.product_id.id, asset.company_id.id)),
                standard.get((asset.product_id.id, asset.company_id.id)),
                asset.category_id.default_replacement_cost,
            )
            for asset in self
        }

    def _it_asset_last_purchase_costs(self):
        """{(product id, company id): unit cost of the product's latest
        incoming stock valuation layer in that company} for the products of
        ``self``. Elevated, this one read: valuation layers are for inventory
        managers only, and IT users or warehouse staff creating an asset need
        its replacement cost (only the unit costs are read)."""
        products = self.product_id
        companies = self.company_id
        if not products or not companies:
            return {}
        Layer = self.env["stock.valuation.layer"].sudo()
        rows = Layer._read_group(
            [
                ("product_id", "in", products.ids),
                ("company_id", "in", companies.ids),
                ("quantity", ">", 0),
            ],
            ["product_id", "company_id"],
            ["id:max"],
        )
        latest = Layer.browse([last_id for _product, _company, last_id in rows])
        return {
            (layer.product_id.id, layer.company_id.id): layer.unit_cost
            for layer in latest
        }

    def _it_asset_refresh_replacement_cost(self):
        """Compute the replacement cost of ``self`` again (the last purchase
        price moves with receipts) and write the changed ones, one write per
        amount."""
        costs = self._it_asset_replacement_costs()
        changed = defaultdict(list)
        for asset in self:
            if asset.company_currency_id.compare_amounts(
                asset.replacement_cost, costs[asset]
            ):
                changed[costs[asset]].append(asset.id)
        for amount, asset_ids in changed.items():
            self.browse(asset_ids).write({"replacement_cost": amount})
        return self.browse([i for ids in changed.values() for i in ids])

    def _it_asset_end_of_life_activities(self):
        """One to-do per asset reaching its end of life within its company's
        notice days, for its IT responsible (never OdooBot). Each date is
        announced once (marking the to-do done does not bring it back); when
        the date moved, the open to-do of the former date moves with it
        instead of a second one. One search of the assets, one of their open
        to-dos, one create. Returns the assets given a new to-do."""
        assets = self.search([("end_of_life_soon", "=", True)]).filtered(
            lambda a: a.end_of_life_alerted_date != a.end_of_life_date
        )
        if not assets:
            return assets
        todo = self.env.ref("mail.mail_activity_data_todo")
        open_todos = {
            (activity.res_id, activity.date_deadline): activity
            for activity in self.env["mail.activity"].search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", assets.ids),
                    ("activity_type_id", "=", todo.id),
                ]
            )
        }
        responsible = assets._it_asset_responsible()
        # nobody to tell (no responsible, no IT manager): not marked
        # announced, the next run tries again; the Overview still counts it
        assets = assets.filtered(lambda a: responsible[a])
        to_create_ids = []
        for asset in assets:
            if (asset.id, asset.end_of_life_date) in open_todos:
                continue
            moved = open_todos.get((asset.id, asset.end_of_life_alerted_date))
            if asset.end_of_life_alerted_date and moved:
                moved.write(
                    {
                        "date_deadline": asset.end_of_life_date,
                        "summary": asset._it_asset_end_of_life_summary(),
                    }
                )
            else:
                to_create_ids.append(asset.id)
        to_create = self.browse(to_create_ids)
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": asset.id,
                    "activity_type_id": todo.id,
                    "summary": asset._it_asset_end_of_life_summary(),
                    "date_deadline": asset.end_of_life_date,
                    "user_id": responsible[asset].id,
                }
                for asset in to_create
            ]
        )
        by_date = defaultdict(list)
        for asset in assets:
            by_date[asset.end_of_life_date].append(asset.id)
        for end_date, asset_ids in by_date.items():
            self.browse(asset_ids).write({"end_of_life_alerted_date": end_date})
        return to_create

    def _it_asset_end_of_life_summary(self):
        self.ensure_one()
        return self.env._(
            "End of life on %(date)s: plan its replacement (about %(cost)s)",
            date=format_date(self.env, self.end_of_life_date),
            cost=format_amount(
                self.env, self.replacement_cost, self.company_currency_id
            ),
        )

    @api.model
    def _cron_end_of_life(self, batch_size=1000):
        """Daily: refresh the replacement costs of the assets still in
        service (in batches), then schedule the end-of-life to-dos."""
        assets = self.search([("state", "not in", ENDED_STATES)])
        for batch in split_every(batch_size, assets.ids, self.browse):
            batch._it_asset_refresh_replacement_cost()
        return self._it_asset_end_of_life_activities()
