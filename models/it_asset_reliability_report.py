# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.models import parse_read_group_spec
from odoo.tools import SQL

from odoo.addons.it_asset.lib.reliability import DAYS_PER_YEAR

# ratio measures, pooled over any grouping: (numerator, denominator, factor).
# They follow lib/reliability.py: failure rate = failures / asset-years,
# MTBF = days in service / failures, average repair cost = repair cost /
# failures, MTTR = repair days / closed repairs.
RATIOS = {
    "failure_rate": ("failure_count", "asset_days", DAYS_PER_YEAR),
    "mtbf_days": ("asset_days", "failure_count", 1.0),
    "avg_repair_cost": ("repair_cost", "failure_count", 1.0),
    "mttr_days": ("repair_days", "repair_count", 1.0),
}


class ItAssetReliabilityReport(models.Model):
    _name = "it.asset.reliability.report"
    _description = "IT Asset Reliability Analysis"
    _auto = False
    _order = "failure_rate desc, asset_id"
    _rec_name = "asset_id"

    asset_id = fields.Many2one("it.asset", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    category_id = fields.Many2one("it.asset.category", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    manufacturer_id = fields.Many2one("res.partner", readonly=True)
    model_name = fields.Char(string="Model", readonly=True)
    state = fields.Selection(
        lambda self: self.env["it.asset"]._fields["state"].selection,
        string="Status",
        readonly=True,
    )
    asset_count = fields.Integer(string="Assets", readonly=True)
    asset_days = fields.Integer(string="Days in Service", readonly=True)
    failure_count = fields.Integer(string="Failures", readonly=True)
    repair_count = fields.Integer(string="Closed Repairs", readonly=True)
    repair_days = fields.Integer(readonly=True)
    repair_cost = fields.Monetary(readonly=True)
    maintenance_cost = fields.Monetary(readonly=True)
    failure_rate = fields.Float(
        string="Failures per Asset-Year", readonly=True, digits=(16, 2)
    )
    mtbf_days = fields.Float(string="MTBF (days)", readonly=True, digits=(16, 1))
    mttr_days = fields.Float(string="MTTR (days)", readonly=True, digits=(16, 1))
    avg_repair_cost = fields.Monetary(string="Average Repair Cost", readonly=True)

    def _query(self):
        return SQL(
            """
            WITH corrective AS (
                SELECT r.it_asset_id,
                       COUNT(*) AS failures,
                       COALESCE(SUM(r.total_cost), 0) AS repair_cost,
                       COUNT(*) FILTER (
                           WHERE s.done AND r.close_date IS NOT NULL
                       ) AS repairs,
                       COALESCE(SUM(GREATEST(r.close_date - r.request_date, 0))
                           FILTER (WHERE s.done AND r.close_date IS NOT NULL),
                       0) AS repair_days
                  FROM maintenance_request r
                  LEFT JOIN maintenance_stage s ON s.id = r.stage_id
                 WHERE r.it_asset_id IS NOT NULL
                   AND r.maintenance_type = 'corrective'
                   AND NOT COALESCE(r.archive, FALSE)
                 GROUP BY r.it_asset_id
            ), costs AS (
                SELECT it_asset_id, SUM(total_cost) AS cost
                  FROM maintenance_request
                 WHERE it_asset_id IS NOT NULL
                 GROUP BY it_asset_id
            ), base AS (
                SELECT a.id, a.company_id, a.currency_id, a.category_id,
                       a.product_id, a.manufacturer_id, a.model_name, a.state,
                       GREATEST(CURRENT_DATE - COALESCE(
                           a.acquisition_date, a.create_date::date), 0
                       ) AS asset_days,
                       COALESCE(c.failures, 0) AS failure_count,
                       COALESCE(c.repairs, 0) AS repair_count,
                       COALESCE(c.repair_days, 0) AS repair_days,
                       COALESCE(c.repair_cost, 0) AS repair_cost,
                       COALESCE(m.cost, 0) AS maintenance_cost
                  FROM it_asset a
                  LEFT JOIN corrective c ON c.it_asset_id = a.id
                  LEFT JOIN costs m ON m.it_asset_id = a.id
                 WHERE a.active AND a.state != 'draft'
            )
            SELECT id, id AS asset_id, company_id, currency_id, category_id,
                   product_id, manufacturer_id, model_name, state,
                   1 AS asset_count, asset_days, failure_count, repair_count,
                   repair_days, repair_cost, maintenance_cost,
                   failure_count * %(year)s / NULLIF(asset_days, 0) AS failure_rate,
                   asset_days::float / NULLIF(failure_count, 0) AS mtbf_days,
                   repair_days::float / NULLIF(repair_count, 0) AS mttr_days,
                   repair_cost / NULLIF(failure_count, 0) AS avg_repair_cost
              FROM base
            """,
            year=DAYS_PER_YEAR,
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._query(),
            )
        )

    def _read_group_select(self, aggregate_spec, query):
        """Ratios are pooled over the group (sum of numerators / sum of
        denominators), never summed or averaged row by row."""
        if aggregate_spec != "__count":
            fname, _property, func = parse_read_group_spec(aggregate_spec)
            if fname in RATIOS and func in ("sum", "avg"):
                numerator, denominator, factor = RATIOS[fname]
                return SQL(
                    "SUM(%s)::float * %s / NULLIF(SUM(%s), 0)",
                    self._field_to_sql(self._table, numerator, query),
                    factor,
                    self._field_to_sql(self._table, denominator, query),
                )
        return super()._read_group_select(aggregate_spec, query)
