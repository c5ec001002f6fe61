# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.it_asset.lib import lifecycle, reliability

# expiry kinds: (date field, field remembering the date already alerted)
EXPIRIES = (
    ("warranty_end_date", "warranty_alerted_date"),
    ("contract_end_date", "contract_alerted_date"),
    ("licence_expiry_date", "licence_alerted_date"),
)


class ItAsset(models.Model):
    _inherit = "it.asset"

    # service history and costs
    maintenance_request_ids = fields.One2many(
        "maintenance.request", "it_asset_id", string="Maintenance History"
    )
    maintenance_count = fields.Integer(
        string="Maintenance Requests", compute="_compute_maintenance_figures"
    )
    maintenance_open_count = fields.Integer(
        string="Open Requests", compute="_compute_maintenance_figures"
    )
    has_open_repair = fields.Boolean(
        compute="_compute_has_open_repair",
        help="An open corrective request keeps the asset in repair: close it "
        "to end the repair.",
    )
    maintenance_cost = fields.Monetary(
        string="Total Maintenance Cost",
        compute="_compute_maintenance_figures",
        help="Spare parts and labour/vendor cost of all its maintenance requests.",
    )
    next_maintenance_date = fields.Date(
        compute="_compute_next_maintenance_date",
        help="Next due date of the maintenance plans covering this asset.",
    )
    # reliability
    failure_count = fields.Integer(
        string="Failures",
        compute="_compute_reliability",
        help="Corrective maintenance requests (failures reported).",
    )
    in_service_days = fields.Integer(compute="_compute_reliability")
    mtbf_days = fields.Float(
        string="MTBF (days)",
        compute="_compute_reliability",
        help="Mean time between failures: days in service / failures.",
    )
    mttr_days = fields.Float(
        string="MTTR (days)",
        compute="_compute_reliability",
        help="Mean time to repair: average days from a failure report to its "
        "closing.",
    )
    failure_rate = fields.Float(
        string="Failures per Year",
        compute="_compute_reliability",
        help="Failures per asset-year in service.",
    )
    underperforming = fields.Boolean(
        compute="_compute_underperforming",
        search="_search_underperforming",
        help="Its failure rate is at least the configured factor (default 2) "
        "times the average of its model (or of its category when it has no "
        "model), once it has failed at least twice in a model observed for at "
        "least one asset-year (both configurable).",
    )
    # repair status
    open_repair_count = fields.Integer(
        compute="_compute_maintenance_figures",
        help="Open corrective requests: while there is one the asset stays in "
        "repair and cannot be checked out.",
    )
    # contracts and licences
    contract_end_date = fields.Date(string="Support Contract End", tracking=True)
    contract_reference = fields.Char(string="Support Contract")
    licence_seats = fields.Integer(string="Seats", tracking=True)
    licence_expiry_date = fields.Date(string="Licence Expiry", tracking=True)
    licence_renewal_cost = fields.Monetary(string="Renewal Cost")
    licence_seat_ids = fields.One2many(
        "it.asset.licence.seat", "licence_id", string="Seat Assignments"
    )
    licence_seats_used = fields.Integer(
        string="Seats Used", compute="_compute_licence_seats_used"
    )
    warranty_alerted_date = fields.Date(copy=False, readonly=True)
    contract_alerted_date = fields.Date(copy=False, readonly=True)
    licence_alerted_date = fields.Date(copy=False, readonly=True)
    # idle and compliance
    state_date = fields.Datetime(
        string="Status Since",
        default=fields.Datetime.now,
        readonly=True,
        copy=False,
        help="When the status last changed.",
    )
    idle = fields.Boolean(
        compute="_compute_idle",
        search="_search_idle",
        help="In stock, unassigned, for more than the configured number of days.",
    )
    warranty_expired_in_use = fields.Boolean(
        string="In Use with Expired Warranty",
        compute="_compute_compliance",
        search="_search_warranty_expired_in_use",
    )
    last_audit_date = fields.Date(tracking=True, copy=False)
    next_audit_date = fields.Date(tracking=True, copy=False)
    audit_overdue = fields.Boolean(
        compute="_compute_compliance", search="_search_audit_overdue"
    )

    # ------------------------------------------------------------------
    # constraints
    # ------------------------------------------------------------------
    @api.constrains("licence_seats", "licence_renewal_cost")
    def _check_licence_seats(self):
        for asset in self:
            if asset.licence_seats < 0 or asset.licence_renewal_cost < 0:
                raise ValidationError(
                    self.env._(
                        "Asset %(asset)s: the seats and the renewal cost cannot be "
                        "negative.",
                        asset=asset.display_name,
                    )
                )
        self.licence_seat_ids._check_seat_limit()

    # ------------------------------------------------------------------
    # computes
    # ------------------------------------------------------------------
    @api.depends(
        "maintenance_request_ids.stage_id",
        "maintenance_request_ids.archive",
        "maintenance_request_ids.maintenance_type",
        "maintenance_request_ids.total_cost",
    )
    def _compute_maintenance_figures(self):
        Request = self.env["maintenance.request"]
        domain = [("it_asset_id", "in", self.ids)]
        totals = {
            asset: (count, cost)
            for asset, count, cost in Request._read_group(
                domain, ["it_asset_id"], ["__count", "total_cost:sum"]
            )
        }
        open_counts = {}
        for asset, kind, count in Request._read_group(
            [*domain, ("stage_id.done", "=", False), ("archive", "=", False)],
            ["it_asset_id", "maintenance_type"],
            ["__count"],
        ):
            counts = open_counts.setdefault(asset, {})
            counts[kind] = count
        for asset in self:
            count, cost = totals.get(asset, (0, 0.0))
            asset.maintenance_count = count
            asset.maintenance_cost = cost
            asset.maintenance_open_count = sum(open_counts.get(asset, {}).values())
            asset.open_repair_count = open_counts.get(asset, {}).get("corrective", 0)

    def _compute_next_maintenance_date(self):
        assets = self.filtered("id")
        # plans are configuration: whoever reads the asset sees its next date
        plans = (
            self.env["it.asset.maintenance.plan"]
            .sudo()
            .search([("company_id", "in", assets.company_id.ids)])
        )
        due = plans._it_asset_due_dates(assets=assets) if assets and plans else {}
        by_asset = {}
        for (_plan_id, asset_id), date in due.items():
            by_asset[asset_id] = min(date, by_asset.get(asset_id, date))
        for asset in self:
            asset.next_maintenance_date = by_asset.get(asset.id, False)

    @api.depends(
        "acquisition_date",
        "maintenance_request_ids.stage_id",
        "maintenance_request_ids.archive",
        "maintenance_request_ids.maintenance_type",
        "maintenance_request_ids.request_date",
        "maintenance_request_ids.close_date",
    )
    def _compute_reliability(self):
        history = self._it_asset_reliability_history()
        for asset in self:
            days, failures, durations = history.get(asset.id, (0, 0, []))
            asset.in_service_days = days
            asset.failure_count = failures
            asset.mtbf_days = reliability.mtbf_days(days, failures) or 0.0
            asset.mttr_days = reliability.mttr_days(durations) or 0.0
            asset.failure_rate = reliability.failure_rate_per_asset_year(failures, days)

    def _compute_underperforming(self):
        flagged = self._it_asset_underperformers()
        for asset in self:
            asset.underperforming = asset.id in flagged

    def _search_underperforming(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(operator)
        population = self.search([("state", "!=", lifecycle.DRAFT)])
        flagged = list(population._it_asset_underperformers())
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", flagged)]

    @api.depends("licence_seat_ids")
    def _compute_licence_seats_used(self):
        counts = dict(
            self.env["it.asset.licence.seat"]
            .sudo()
            ._read_group([("licence_id", "in", self.ids)], ["licence_id"], ["__count"])
        )
        for asset in self:
            asset.licence_seats_used = counts.get(asset, 0)

    def _idle_since(self):
        days = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("it_asset.idle_days", default=90)
            or 90
        )
        return fields.Datetime.now() - relativedelta(days=days)

    @api.depends("state", "state_date")
    def _compute_idle(self):
        since = self._idle_since()
        for asset in self:
            asset.idle = bool(
                asset.state == lifecycle.IN_STOCK
                and asset.state_date
                and asset.state_date <= since
            )

    def _search_idle(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(operator)
        domain = [
            ("state", "=", lifecycle.IN_STOCK),
            ("state_date", "<=", self._idle_since()),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", "&", *domain]

    @api.depends("state", "warranty_end_date", "next_audit_date")
    def _compute_compliance(self):
        today = fields.Date.context_today(self)
        for asset in self:
            asset.warranty_expired_in_use = bool(
                asset.state == lifecycle.IN_USE
                and asset.warranty_end_date
                and asset.warranty_end_date < today
            )
            asset.audit_overdue = bool(
                asset.next_audit_date
                and asset.next_audit_date < today
                and asset.state not in (lifecycle.DISPOSED, lifecycle.DRAFT)
            )

    def _search_warranty_expired_in_use(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(operator)
        domain = [
            ("state", "=", lifecycle.IN_USE),
            ("warranty_end_date", "<", fields.Date.context_today(self)),
        ]
        return domain if (operator == "=") == value else ["!", "&", *domain]

    def _search_audit_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(operator)
        domain = [
            ("next_audit_date", "<", fields.Date.context_today(self)),
            ("state", "not in", (lifecycle.DISPOSED, lifecycle.DRAFT)),
        ]
        return domain if (operator == "=") == value else ["!", "&", *domain]

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    def write(self, vals):
        if "licence_seats" in vals:
            self._check_seats_cover_assignments(vals["licence_seats"])
        if "state" in vals:
            changing = self.filtered(lambda a: a.state != vals["state"])
            if changing:
                now = fields.Datetime.now()
                rest = self - changing
                res = super(ItAsset, changing).write(dict(vals, state_date=now))
                if rest:
                    res = super(ItAsset, rest).write(vals) and res
                return res
        return super().write(vals)

    # ------------------------------------------------------------------
    # actions
    # ------------------------------------------------------------------
    def action_view_maintenance_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "it_asset.maintenance_request_action_it_asset"
        )
        action["domain"] = [("it_asset_id", "=", self.id)]
        action["context"] = {
            "default_it_asset_id": self.id,
            "default_company_id": self.company_id.id,
        }
        return action

    def _compute_has_open_repair(self):
        open_assets = self._it_asset_has_open_repair()
        for asset in self:
            asset.has_open_repair = asset in open_assets

    def action_view_open_repair(self):
        """The open corrective request(s) keeping the asset in repair."""
        action = self.action_view_maintenance_requests()
        action["domain"] = [
            ("it_asset_id", "=", self.id),
            ("maintenance_type", "=", "corrective"),
            ("stage_id.done", "=", False),
            ("archive", "=", False),
        ]
        requests = self.env["maintenance.request"].search(action["domain"])
        if len(requests) == 1:
            action.update(
                {"res_id": requests.id, "view_mode": "form", "views": [(False, "form")]}
            )
        return action

    def action_repair_done(self):
        """An asset stays in repair while a failure report is open: close the
        request (which ends the repair) rather than the asset's repair."""
        still_open = self._it_asset_has_open_repair()
        if still_open:
            raise UserError(
                self.env._(
                    "These assets have an open failure report (corrective "
                    "maintenance request); close it to end the repair: %s",
                    ", ".join(still_open.mapped("display_name")),
                )
            )
        return super().action_repair_done()

    def action_report_failure(self):
        """Open a new corrective request for the asset (a failure report)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Report a Failure"),
            "res_model": "maintenance.request",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_it_asset_id": self.id,
                "default_maintenance_type": "corrective",
                "default_company_id": self.company_id.id,
                "default_name": self.env._(
                    "Failure: %(asset)s", asset=self.display_name
                ),
            },
        }

    # ------------------------------------------------------------------
    # business methods
    # ------------------------------------------------------------------
    def _check_seats_cover_assignments(self, seats):
        """Refuse, before writing, a seat count below the assignments."""
        counts = dict(
            self.env["it.asset.licence.seat"]
            .sudo()
            ._read_group([("licence_id", "in", self.ids)], ["licence_id"], ["__count"])
        )
        for licence in self:
            used = counts.get(licence, 0)
            if 0 <= (seats or 0) < used:
                raise ValidationError(
                    self.env._(
                        "Licence %(licence)s has %(used)s seat assignments: it "
                        "cannot have fewer seats (%(seats)s). Remove assignments "
                        "first.",
                        licence=licence.display_name,
                        used=used,
                        seats=seats or 0,
                    )
                )

    def _it_asset_has_open_repair(self):
        """The assets of ``self`` with an open corrective maintenance request
        (they stay in repair and must not be checked out)."""
        if not self:
            return self
        groups = (
            self.env["maintenance.request"]
            .sudo()
            ._read_group(
                [
                    ("it_asset_id", "in", self.ids),
                    ("maintenance_type", "=", "corrective"),
                    ("stage_id.done", "=", False),
                    ("archive", "=", False),
                ],
                ["it_asset_id"],
            )
        )
        return self.browse([asset.id for (asset,) in groups]) & self

    def _it_asset_reliability_history(self, today=None):
        """{asset id: (days in service, failures, [repair days])} in two
        queries: failures are corrective requests that were not cancelled
        (archived); repair durations come from the closed ones."""
        today = today or fields.Date.context_today(self)
        result = {}
        for asset in self:
            start = asset.acquisition_date or (
                asset.create_date and asset.create_date.date()
            )
            days = max((today - start).days, 0) if start else 0
            result[asset.id] = [days, 0, []]
        if not self.ids:
            return result
        Request = self.env["maintenance.request"].sudo()
        requests = Request.search_fetch(
            [
                ("it_asset_id", "in", self.ids),
                ("maintenance_type", "=", "corrective"),
                ("archive", "=", False),
            ],
            ["it_asset_id", "request_date", "close_date", "stage_id"],
        )
        for request in requests:
            record = result[request.it_asset_id.id]
            record[1] += 1
            if request.stage_id.done and request.close_date and request.request_date:
                record[2].append(
                    max((request.close_date - request.request_date).days, 0)
                )
        return {key: tuple(value) for key, value in result.items()}

    def _it_asset_reliability_group(self):
        """Group key for the underperforming comparison: its product, else
        its manufacturer and model, else its category."""
        self.ensure_one()
        if self.product_id:
            return ("product", self.product_id.id)
        if self.model_name:
            return ("model", self.manufacturer_id.id, self.model_name)
        return ("category", self.category_id.id)

    def _it_asset_underperformers(self):
        """Ids of the assets of ``self`` failing at least ``factor`` times as
        often as their group (computed over all the active assets of the
        companies concerned)."""
        if not self:
            return set()
        factor = float(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("it_asset.underperforming_factor", default=2.0)
            or 2.0
        )
        # only the assets that may share a group with ``self`` matter
        population = self.search(
            [
                ("company_id", "in", self.company_id.ids),
                ("state", "not in", (lifecycle.DRAFT,)),
                "|",
                "|",
                ("product_id", "in", self.product_id.ids),
                ("model_name", "in", [m for m in self.mapped("model_name") if m]),
                ("category_id", "in", self.category_id.ids),
            ]
        )
        history = population._it_asset_reliability_history()
        groups = {asset.id: asset._it_asset_reliability_group() for asset in population}
        stats = reliability.group_stats(
            (groups[asset_id], days, failures)
            for asset_id, (days, failures, _durations) in history.items()
        )
        rates = {
            asset_id: (
                groups[asset_id],
                reliability.failure_rate_per_asset_year(failures, days),
            )
            for asset_id, (days, failures, _durations) in history.items()
        }
        averages = {group: stat.failure_rate for group, stat in stats.items()}
        params = self.env["ir.config_parameter"].sudo()
        return reliability.underperformers(
            rates,
            averages,
            factor,
            asset_failures={
                asset_id: failures
                for asset_id, (_days, failures, _durations) in history.items()
            },
            min_failures=int(
                params.get_param("it_asset.underperforming_min_failures", default=2)
            ),
            group_years={group: stat.asset_years for group, stat in stats.items()},
            min_group_years=float(
                params.get_param("it_asset.underperforming_min_years", default=1.0)
            ),
        ) & set(self.ids)

    @api.model
    def _cron_expiry_alerts(self):
        """Daily: an activity on each asset whose warranty, support contract
        or licence ends within the configured number of days, once per
        expiry date (the alerted date is remembered). Draft, retired and
        disposed assets are skipped."""
        days = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("it_asset.expiry_alert_days", default=30)
            or 30
        )
        today = fields.Date.context_today(self)
        horizon = today + relativedelta(days=days)
        labels = {
            "warranty_end_date": self.env._("Warranty"),
            "contract_end_date": self.env._("Support contract"),
            "licence_expiry_date": self.env._("Licence"),
        }
        alerted = self.browse()
        for date_field, alerted_field in EXPIRIES:
            assets = self.search(
                [
                    (date_field, ">=", today),
                    (date_field, "<=", horizon),
                    (
                        "state",
                        "not in",
                        (lifecycle.DRAFT, lifecycle.DISPOSED, lifecycle.RETIRED),
                    ),
                ]
            ).filtered(lambda a, d=date_field, f=alerted_field: a[d] != a[f])
            groups = {}
            responsible = assets._it_asset_responsible()
            for asset in assets:
                key = (asset[date_field], responsible[asset].id)
                groups.setdefault(key, []).append(asset.id)
            for (end_date, user_id), asset_ids in groups.items():
                group = self.browse(asset_ids)
                if not user_id:
                    # nobody to tell (no responsible, no IT manager): the
                    # date is not marked alerted, the next run tries again
                    continue
                group.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=end_date,
                    summary=self.env._(
                        "%(what)s ends on %(date)s",
                        what=labels[date_field],
                        date=end_date,
                    ),
                    user_id=user_id,
                )
                group.write({alerted_field: end_date})
            alerted |= assets
        return alerted
