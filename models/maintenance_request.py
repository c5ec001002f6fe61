# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from odoo.addons.it_asset.lib import lifecycle


class MaintenanceRequest(models.Model):
    _inherit = "maintenance.request"

    it_asset_id = fields.Many2one(
        "it.asset",
        string="IT Asset",
        index="btree_not_null",
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    it_asset_plan_id = fields.Many2one(
        "it.asset.maintenance.plan",
        string="Maintenance Plan",
        index="btree_not_null",
        ondelete="set null",
        check_company=True,
        copy=False,
    )
    it_asset_plan_due_date = fields.Date(
        string="Due Date",
        copy=False,
        help="Due date of the plan occurrence this request was generated for.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    labour_cost = fields.Monetary(
        string="Labour / Vendor Cost",
        help="Internal labour and vendor invoices for this intervention.",
    )
    part_line_ids = fields.One2many(
        "it.asset.maintenance.part", "request_id", string="Spare Parts"
    )
    parts_cost = fields.Monetary(
        compute="_compute_costs",
        store=True,
        help="Value of the spare parts consumed from stock.",
    )
    total_cost = fields.Monetary(compute="_compute_costs", store=True)
    repair_days = fields.Float(
        compute="_compute_repair_days",
        store=True,
        help="Days from the request to its closing (for the mean time to repair).",
    )

    @api.constrains("labour_cost")
    def _check_labour_cost(self):
        for request in self:
            if request.labour_cost < 0:
                raise ValidationError(
                    self.env._(
                        "Maintenance request %(request)s: the labour/vendor cost "
                        "cannot be negative.",
                        request=request.display_name,
                    )
                )

    @api.depends("labour_cost", "part_line_ids.cost")
    def _compute_costs(self):
        for request in self:
            request.parts_cost = sum(request.part_line_ids.mapped("cost"))
            request.total_cost = request.parts_cost + request.labour_cost

    @api.depends("request_date", "close_date")
    def _compute_repair_days(self):
        for request in self:
            if request.request_date and request.close_date:
                request.repair_days = max(
                    (request.close_date - request.request_date).days, 0
                )
            else:
                request.repair_days = 0.0

    def init(self):
        res = super().init()
        # the daily job's last guard: one request per asset, plan and due date
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS "
                "maintenance_request_it_asset_plan_due_uniq ON maintenance_request "
                "(it_asset_plan_id, it_asset_id, it_asset_plan_due_date) "
                "WHERE it_asset_plan_id IS NOT NULL"
            )
        )
        return res

    # ------------------------------------------------------------------
    # CRUD: the repair round trip
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        requests = super().create(vals_list)
        requests._it_asset_open_repairs()
        return requests

    def write(self, vals):
        res = super().write(vals)
        if {"stage_id", "archive", "it_asset_id", "maintenance_type"} & set(vals):
            self._it_asset_open_repairs()
            self._it_asset_close_repairs()
        if "stage_id" in vals:
            done = self.filtered("stage_id.done")
            done.part_line_ids.filtered(lambda p: p.state == "draft")._action_consume()
        return res

    # ------------------------------------------------------------------
    # business methods
    # ------------------------------------------------------------------
    def _it_asset_is_open_repair(self):
        self.ensure_one()
        return (
            self.it_asset_id
            and self.maintenance_type == "corrective"
            and not self.stage_id.done
            and not self.archive
        )

    def _it_asset_open_repairs(self):
        """Open corrective requests put their asset in repair."""
        assets = self.filtered(lambda r: r._it_asset_is_open_repair()).it_asset_id
        assets.filtered(
            lambda a: a.state in (lifecycle.IN_STOCK, lifecycle.IN_USE)
        ).action_send_to_repair()

    def _it_asset_close_repairs(self):
        """An asset in repair whose last open corrective request is closed
        goes back to the status it had before the repair."""
        closed = self.filtered(
            lambda r: r.it_asset_id
            and r.maintenance_type == "corrective"
            and not r._it_asset_is_open_repair()
        )
        assets = closed.it_asset_id.filtered(lambda a: a.state == lifecycle.IN_REPAIR)
        if assets:
            (assets - assets._it_asset_has_open_repair()).action_repair_done()

    def action_consume_parts(self):
        """Take the spare parts of the requests out of stock now."""
        self.part_line_ids.filtered(lambda p: p.state == "draft")._action_consume()
        return True
