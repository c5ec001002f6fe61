# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models, tools
from odoo.exceptions import UserError

from odoo.addons.it_asset.lib import overview_charts

# the fleet chart's colour of each status (those of the register's badges)
STATE_COLORS = {
    "draft": "#adb5bd",
    "in_stock": "#4f8ec9",
    "in_use": "#28a745",
    "in_repair": "#f0ad4e",
    "retired": "#8e6bb8",
    "disposed": "#495057",
    "missing": "#dc3545",
}
# tile -> (domain on it.asset, given today's date); one _read_group per tile
TILES = {
    "total": lambda today: [],
    "in_use": lambda today: [("state", "=", "in_use")],
    "in_stock": lambda today: [("state", "=", "in_stock")],
    "in_repair": lambda today: [("state", "=", "in_repair")],
    "missing": lambda today: [("state", "=", "missing")],
    "idle": lambda today: [("idle", "=", True)],
    "underperforming": lambda today: [("underperforming", "=", True)],
    "warranty_ending": lambda today: [
        ("warranty_end_date", ">=", today),
        ("warranty_end_date", "<=", today + timedelta(days=30)),
    ],
    "warranty_expired_in_use": lambda today: [("warranty_expired_in_use", "=", True)],
    "no_custodian": lambda today: [("no_custodian_in_use", "=", True)],
    "waiting_acceptance": lambda today: [("custody_state", "=", "waiting")],
    "overdue_return": lambda today: [
        ("custody_id", "!=", False),
        ("custody_expected_return_date", "<", today),
    ],
    "audit_overdue": lambda today: [("audit_overdue", "=", True)],
    "end_of_life_soon": lambda today: [("end_of_life_soon", "=", True)],
    "end_of_life_passed": lambda today: [("end_of_life_passed", "=", True)],
}


class ItAssetOverview(models.Model):
    """One card per company on the IT Assets overview: what needs attention
    (idle, underperforming, expiring, unassigned, overdue), each count opening
    the matching assets."""

    _name = "it.asset.overview"
    _description = "IT Asset Overview"
    _auto = False
    _order = "company_id"

    company_id = fields.Many2one("res.company", readonly=True)
    total_count = fields.Integer(compute="_compute_counts")
    in_use_count = fields.Integer(compute="_compute_counts")
    in_stock_count = fields.Integer(compute="_compute_counts")
    in_repair_count = fields.Integer(compute="_compute_counts")
    missing_count = fields.Integer(compute="_compute_counts")
    idle_count = fields.Integer(compute="_compute_counts")
    underperforming_count = fields.Integer(compute="_compute_counts")
    warranty_ending_count = fields.Integer(compute="_compute_counts")
    warranty_expired_in_use_count = fields.Integer(compute="_compute_counts")
    no_custodian_count = fields.Integer(compute="_compute_counts")
    waiting_acceptance_count = fields.Integer(compute="_compute_counts")
    overdue_return_count = fields.Integer(compute="_compute_counts")
    audit_overdue_count = fields.Integer(compute="_compute_counts")
    end_of_life_soon_count = fields.Integer(compute="_compute_counts")
    end_of_life_passed_count = fields.Integer(compute="_compute_counts")
    eol_notice_days = fields.Integer(related="company_id.it_asset_eol_notice_days")
    # pictures (JSON drawn by the it_asset_chart widget, see lib/overview_charts)
    currency_id = fields.Many2one(related="company_id.currency_id")
    book_value_total = fields.Monetary(
        string="Book Value", compute="_compute_charts", currency_field="currency_id"
    )
    depreciation_next_12 = fields.Monetary(
        string="Depreciation, Next 12 Months",
        compute="_compute_charts",
        currency_field="currency_id",
    )
    chart_fleet = fields.Text(compute="_compute_charts")
    chart_depreciation = fields.Text(compute="_compute_charts")
    chart_failures = fields.Text(compute="_compute_charts")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            tools.SQL(
                "CREATE VIEW %s AS SELECT id, id AS company_id FROM res_company",
                tools.SQL.identifier(self._table),
            )
        )

    @api.depends_context("company", "allowed_company_ids")
    def _compute_counts(self):
        today = fields.Date.context_today(self)
        Asset = self.env["it.asset"]
        for tile, domain in TILES.items():
            counts = dict(
                Asset._read_group(
                    [("company_id", "in", self.company_id.ids), *domain(today)],
                    ["company_id"],
                    ["__count"],
                )
            )
            for card in self:
                card[f"{tile}_count"] = counts.get(card.company_id, 0)

    @api.depends_context("company", "allowed_company_ids")
    def _compute_charts(self):
        today = fields.Date.context_today(self)
        for card in self:
            company = card.company_id
            card.chart_fleet = json.dumps(card._chart_fleet(company))
            depreciation, total = card._chart_depreciation(company, today)
            card.chart_depreciation = json.dumps(depreciation)
            card.depreciation_next_12 = total
            card.chart_failures = json.dumps(card._chart_failures(company))
            capitalised = self.env["it.asset"].search(
                [
                    ("company_id", "=", company.id),
                    ("depreciation_state", "in", ("running", "done")),
                ]
            )
            card.book_value_total = sum(capitalised.mapped("book_value"))

    def _chart_fleet(self, company):
        """The fleet by category (bars) and status (stacked)."""
        Asset = self.env["it.asset"]
        rows = Asset._read_group(
            [("company_id", "=", company.id)], ["category_id", "state"], ["__count"]
        )
        states = dict(Asset._fields["state"]._description_selection(self.env))
        categories = sorted({c for c, _s, _n in rows}, key=lambda c: c.display_name)
        cells = {
            (category.id, state): (
                count,
                [
                    ("company_id", "=", company.id),
                    ("category_id", "=", category.id),
                    ("state", "=", state),
                ],
            )
            for category, state, count in rows
        }
        present = {state for _c, state, _n in rows}
        return overview_charts.bar_chart(
            [(c.id, c.display_name) for c in categories],
            [(key, label) for key, label in states.items() if key in present],
            cells,
            res_model="it.asset",
            title=self.env._("Fleet by Category and Status"),
            stacked=True,
            axes={"y": self.env._("Assets")},
            series_colors=STATE_COLORS,
        )

    def _chart_depreciation(self, company, today):
        """Depreciation still to post in each of the next 12 months."""
        months = overview_charts.next_months(today)
        base = [
            ("asset_id.company_id", "=", company.id),
            ("move_id", "=", False),
        ]
        rows = self.env["it.asset.depreciation.line"]._read_group(
            [*base, ("date", ">=", months[0][0]), ("date", "<", months[-1][1])],
            ["date:month"],
            ["amount:sum"],
        )
        amounts = {month.replace(day=1): amount for month, amount in rows}
        cells = {
            (start, "amount"): (
                amounts.get(start, 0.0),
                [
                    *base,
                    ("date", ">=", fields.Date.to_string(start)),
                    ("date", "<", fields.Date.to_string(end)),
                ],
            )
            for start, end in months
        }
        chart = overview_charts.bar_chart(
            [
                (start, tools.format_date(self.env, start, date_format="MMM yyyy"))
                for start, _end in months
            ],
            [("amount", self.env._("Depreciation"))],
            cells,
            res_model="it.asset.depreciation.line",
            title=self.env._("Depreciation of the Next 12 Months"),
            series_colors={"amount": "#4f8ec9"},
            axes={"y": company.currency_id.symbol or company.currency_id.name},
        )
        return chart, sum(amounts.values())

    def _chart_failures(self, company, limit=10):
        """Failures (corrective requests) and their repair cost by
        manufacturer and model, the models failing most first."""
        Request = self.env["maintenance.request"]
        base = [
            ("it_asset_id.company_id", "=", company.id),
            ("maintenance_type", "=", "corrective"),
        ]
        rows = Request._read_group(base, ["it_asset_id"], ["__count", "total_cost:sum"])
        totals = defaultdict(lambda: [0, 0.0])
        for asset, count, cost in rows:
            key = (asset.manufacturer_id, asset.model_name or "")
            totals[key][0] += count
            totals[key][1] += cost
        keys = overview_charts.top(
            ((key, failures) for key, (failures, _cost) in totals.items()), limit
        )
        cells = {}
        for key in keys:
            manufacturer, model = key
            domain = [
                *base,
                ("it_asset_id.manufacturer_id", "=", manufacturer.id or False),
                ("it_asset_id.model_name", "=", model or False),
            ]
            cells[key, "failures"] = (totals[key][0], domain)
            cells[key, "cost"] = (totals[key][1], domain)
        return overview_charts.bar_chart(
            [
                (
                    key,
                    " · ".join(filter(None, [key[0].display_name, key[1]]))
                    or self.env._("Unknown"),
                )
                for key in keys
            ],
            [
                ("failures", self.env._("Failures")),
                ("cost", self.env._("Repair cost")),
            ],
            cells,
            res_model="maintenance.request",
            title=self.env._("Failures and Repair Cost by Manufacturer and Model"),
            axes={
                "y": self.env._("Failures"),
                "y1": company.currency_id.symbol or company.currency_id.name,
            },
            series_axis={"cost": "y1"},
            series_colors={"failures": "#dc3545", "cost": "#f0ad4e"},
        )

    def action_open_tile(self):
        """Open the assets counted by the tile named in the context."""
        self.ensure_one()
        tile = self.env.context.get("tile")
        if tile not in TILES:
            raise UserError(self.env._("Unknown overview tile: %s", tile))
        action = self.env["ir.actions.actions"]._for_xml_id("it_asset.it_asset_action")
        today = fields.Date.context_today(self)
        action["domain"] = [
            ("company_id", "=", self.company_id.id),
            *TILES[tile](today),
        ]
        action["context"] = {"create": False}
        action["view_mode"] = "list,kanban,form"
        action["views"] = [(False, "list"), (False, "kanban"), (False, "form")]
        return action
