# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date

from odoo.addons.it_asset.lib import lifecycle

# statuses whose assets are no longer maintained
NOT_MAINTAINED_STATES = (lifecycle.RETIRED, lifecycle.DISPOSED, lifecycle.MISSING)
# shortest length of one interval unit, in days (to compare with the lead time)
MIN_UNIT_DAYS = {"day": 1, "week": 7, "month": 28, "year": 365}


class ItAssetMaintenancePlan(models.Model):
    _name = "it.asset.maintenance.plan"
    _description = "IT Asset Maintenance Plan"
    _inherit = ["mail.thread"]
    _order = "sequence, name, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    target = fields.Selection(
        [
            ("category", "Asset Category"),
            ("product", "Product / Model"),
            ("assets", "Chosen Assets"),
        ],
        string="Applies To",
        required=True,
        default="category",
        tracking=True,
    )
    category_id = fields.Many2one(
        "it.asset.category",
        string="Asset Category",
        check_company=True,
        help="The plan applies to the assets of this category and its "
        "sub-categories.",
    )
    product_id = fields.Many2one("product.product", check_company=True)
    asset_ids = fields.Many2many(
        "it.asset",
        "it_asset_maintenance_plan_asset_rel",
        "plan_id",
        "asset_id",
        string="Assets",
        check_company=True,
    )
    interval_number = fields.Integer(
        string="Every", required=True, default=6, tracking=True
    )
    interval_unit = fields.Selection(
        [
            ("day", "Days"),
            ("week", "Weeks"),
            ("month", "Months"),
            ("year", "Years"),
        ],
        required=True,
        default="month",
        tracking=True,
    )
    lead_days = fields.Integer(
        string="Lead Time (days)",
        default=7,
        tracking=True,
        help="The preventive request is created this many days before it is due.",
    )
    start_date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        tracking=True,
        help="The first maintenance is due one interval after this date.",
    )
    maintenance_team_id = fields.Many2one("maintenance.team", check_company=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        domain="[('share', '=', False)]",
        default=lambda self: self._default_user(),
    )
    instructions = fields.Html()
    request_ids = fields.One2many("maintenance.request", "it_asset_plan_id")
    request_count = fields.Integer(compute="_compute_request_count")
    target_asset_count = fields.Integer(
        string="Assets Covered", compute="_compute_next_due_date"
    )
    next_due_date = fields.Date(
        compute="_compute_next_due_date",
        help="Earliest next due date over the assets of the plan.",
    )

    # ------------------------------------------------------------------
    # constraints
    # ------------------------------------------------------------------
    @api.constrains("interval_number", "interval_unit", "lead_days")
    def _check_interval(self):
        for plan in self:
            if plan.interval_number <= 0:
                raise ValidationError(
                    self.env._(
                        "Maintenance plan %(plan)s: the interval must be positive "
                        "(got %(interval)s).",
                        plan=plan.name,
                        interval=plan.interval_number,
                    )
                )
            if plan.lead_days < 0:
                raise ValidationError(
                    self.env._(
                        "Maintenance plan %(plan)s: the lead time cannot be negative "
                        "(got %(lead)s days).",
                        plan=plan.name,
                        lead=plan.lead_days,
                    )
                )
            interval_days = plan.interval_number * MIN_UNIT_DAYS[plan.interval_unit]
            if plan.lead_days > interval_days:
                raise ValidationError(
                    self.env._(
                        "Maintenance plan %(plan)s: the lead time (%(lead)s days) is "
                        "longer than the interval (%(interval)s days).",
                        plan=plan.name,
                        lead=plan.lead_days,
                        interval=interval_days,
                    )
                )

    @api.constrains("target", "category_id", "product_id", "asset_ids")
    def _check_target(self):
        for plan in self:
            missing = (
                (plan.target == "category" and not plan.category_id)
                or (plan.target == "product" and not plan.product_id)
                or (plan.target == "assets" and not plan.asset_ids)
            )
            if missing:
                raise ValidationError(
                    self.env._(
                        "Maintenance plan %(plan)s has no target: choose the "
                        "%(target)s it applies to.",
                        plan=plan.name,
                        target=dict(
                            self._fields["target"]._description_selection(self.env)
                        )[plan.target],
                    )
                )

    # ------------------------------------------------------------------
    # computes
    # ------------------------------------------------------------------
    def _compute_request_count(self):
        counts = dict(
            self.env["maintenance.request"]._read_group(
                [("it_asset_plan_id", "in", self.ids)],
                ["it_asset_plan_id"],
                ["__count"],
            )
        )
        for plan in self:
            plan.request_count = counts.get(plan, 0)

    @api.depends(
        "target",
        "category_id",
        "product_id",
        "asset_ids",
        "interval_number",
        "interval_unit",
        "start_date",
    )
    def _compute_next_due_date(self):
        plans = self.filtered("id")
        due = plans._it_asset_due_dates() if plans else {}
        for plan in self:
            dates = [d for (p, _a), d in due.items() if p == plan.id]
            plan.next_due_date = min(dates, default=False)
            plan.target_asset_count = len(dates)

    # ------------------------------------------------------------------
    # actions
    # ------------------------------------------------------------------
    def action_view_requests(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Requests of %(plan)s", plan=self.name),
            "res_model": "maintenance.request",
            "view_mode": "list,kanban,form,calendar",
            "domain": [("it_asset_plan_id", "=", self.id)],
            "context": {"default_it_asset_plan_id": self.id},
        }

    @api.model
    def _default_user(self):
        """Whoever creates the plan, unless it is the superuser (a job, data
        files): then the company's default IT responsible."""
        if self.env.user.id == SUPERUSER_ID:
            return self.env.company._it_asset_default_responsible()
        return self.env.user

    def action_generate_requests(self):
        """Create now the requests that the daily job would create, and say
        how many (then open the plan's requests)."""
        requests, _left = self._it_asset_generate_requests()
        if requests:
            message = self.env._(
                "%(count)s maintenance requests created, due from %(first)s.",
                count=len(requests),
                first=format_date(self.env, min(requests.mapped("schedule_date")))
                if any(requests.mapped("schedule_date"))
                else "-",
            )
        else:
            message = self.env._(
                "No request is due within the lead time: nothing was created."
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success" if requests else "info",
                "message": message,
                "next": self.action_view_requests()
                if len(self) == 1 and requests
                else {"type": "ir.actions.act_window_close"},
            },
        }

    # ------------------------------------------------------------------
    # business methods
    # ------------------------------------------------------------------
    def _target_domain(self):
        self.ensure_one()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("state", "not in", (lifecycle.DRAFT, *NOT_MAINTAINED_STATES)),
        ]
        if self.target == "category":
            return [*domain, ("category_id", "child_of", self.category_id.id)]
        if self.target == "product":
            return [*domain, ("product_id", "=", self.product_id.id)]
        return [*domain, ("id", "in", self.asset_ids.ids)]

    def _interval(self):
        self.ensure_one()
        return relativedelta(**{f"{self.interval_unit}s": self.interval_number})

    def _it_asset_due_dates(self, assets=None):
        """Next due date of each (plan, asset) pair of ``self``.

        next due = max(plan start, last completed request of that plan for
        that asset) + interval. Returns {(plan id, asset id): date}; one
        search per plan (plans are few) and one grouped query for the last
        completed requests. ``assets`` restricts the assets looked at.
        """
        Asset = self.env["it.asset"]
        targets = {}
        for plan in self:
            domain = plan._target_domain()
            if assets is not None:
                domain.append(("id", "in", assets.ids))
            targets[plan] = Asset.search(domain)
        asset_ids = {a for found in targets.values() for a in found.ids}
        last_done = {}
        if asset_ids:
            for plan, asset, close_date in self.env["maintenance.request"]._read_group(
                [
                    ("it_asset_plan_id", "in", self.ids),
                    ("it_asset_id", "in", list(asset_ids)),
                    ("stage_id.done", "=", True),
                    ("close_date", "!=", False),
                ],
                ["it_asset_plan_id", "it_asset_id"],
                ["close_date:max"],
            ):
                last_done[(plan.id, asset.id)] = close_date
        result = {}
        for plan, found in targets.items():
            interval = plan._interval()
            for asset_id in found.ids:
                base = max(
                    plan.start_date,
                    last_done.get((plan.id, asset_id)) or plan.start_date,
                )
                result[(plan.id, asset_id)] = base + interval
        return result

    def _it_asset_pending_requests(self, today=None):
        """Values of the preventive requests to create on ``today``: the
        (plan, asset) pairs due within the plan's lead time that have no
        request yet for that due date."""
        today = today or fields.Date.context_today(self)
        due = self._it_asset_due_dates()
        plans = {plan.id: plan for plan in self}
        wanted = {
            key: date
            for key, date in due.items()
            if date - relativedelta(days=plans[key[0]].lead_days) <= today
        }
        if not wanted:
            return []
        existing = {
            (plan.id, asset.id, due_date)
            for plan, asset, due_date in self.env["maintenance.request"]
            .with_context(active_test=False)
            ._read_group(
                [
                    ("it_asset_plan_id", "in", list({k[0] for k in wanted})),
                    ("it_asset_id", "in", list({k[1] for k in wanted})),
                    ("it_asset_plan_due_date", "in", list(set(wanted.values()))),
                ],
                ["it_asset_plan_id", "it_asset_id", "it_asset_plan_due_date:day"],
            )
        }
        assets = self.env["it.asset"].browse({k[1] for k in wanted})
        names = {asset.id: asset.display_name for asset in assets}
        vals_list = []
        for (plan_id, asset_id), due_date in sorted(wanted.items()):
            if (plan_id, asset_id, due_date) in existing:
                continue
            plan = plans[plan_id]
            vals = {
                "name": self.env._(
                    "%(plan)s: %(asset)s", plan=plan.name, asset=names[asset_id]
                ),
                "maintenance_type": "preventive",
                "it_asset_id": asset_id,
                "it_asset_plan_id": plan_id,
                "it_asset_plan_due_date": due_date,
                "request_date": today,
                "schedule_date": fields.Datetime.to_datetime(due_date)
                + relativedelta(hours=9),
                "company_id": plan.company_id.id,
                "instruction_type": "text",
                "instruction_text": plan.instructions,
                "user_id": plan.user_id.id,
            }
            if plan.maintenance_team_id:
                vals["maintenance_team_id"] = plan.maintenance_team_id.id
            vals_list.append(vals)
        return vals_list

    def _it_asset_generate_requests(self, limit=None):
        """Create the pending preventive requests of ``self`` (at most
        ``limit``, per company); return (created requests, number left)."""
        pending = []
        for company in self.company_id:
            company_plans = self.filtered(lambda p, c=company: p.company_id == c)
            pending += [
                (company, vals)
                for vals in company_plans.with_company(
                    company
                )._it_asset_pending_requests()
            ]
        batch = pending[:limit] if limit else pending
        requests = self.env["maintenance.request"]
        for company in {company for company, _vals in batch}:
            requests |= requests.with_company(company).create(
                [vals for c, vals in batch if c == company]
            )
        return requests, len(pending) - len(batch)

    @api.model
    def _cron_generate_requests(self, batch_size=500):
        """Daily: create the preventive requests due within each plan's lead
        time. Idempotent (one request per asset, plan and due date); one batch
        per call, the cron runner calls again while some remain."""
        requests, remaining = self.search(
            [("active", "=", True)]
        )._it_asset_generate_requests(limit=batch_size)
        self.env["ir.cron"]._notify_progress(done=len(requests), remaining=remaining)
