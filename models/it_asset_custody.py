# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import itertools
from collections import defaultdict

from markupsafe import Markup
from psycopg2 import errors

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, html_escape

from odoo.addons.it_asset.lib import lifecycle

from .guarded_fields import by_action, refuse_direct

CONDITION_SELECTION = [
    ("new", "New"),
    ("good", "Good"),
    ("fair", "Fair"),
    ("poor", "Poor"),
    ("broken", "Broken"),
]
HOLDER_TYPES = [
    ("employee", "Employee"),
    ("department", "Department"),
    ("location", "Location"),
]
HOLDER_FIELD = {
    "employee": "employee_id",
    "department": "department_id",
    "location": "holder_location_id",
}
HOLDER_MODEL_TYPE = {
    "hr.employee": "employee",
    "hr.department": "department",
    "stock.location": "location",
}
OPEN_STATES = ("waiting", "active")
# the custody's evidence: set by check-out, acceptance, check-in and handover
# only (see guarded_fields); what stays editable: expected return, remote,
# delivery address, notes, IT responsible
GUARDED_FIELDS = frozenset(
    {
        "asset_id",
        "company_id",
        "holder_type",
        "employee_id",
        "department_id",
        "holder_location_id",
        "custody_location_id",
        "state",
        "date_start",
        "date_end",
        "condition_out",
        "condition_in",
        "checkout_user_id",
        "checkout_datetime",
        "accepted_user_id",
        "accepted_datetime",
        "accepted_on_behalf",
        "checkin_user_id",
        "checkin_datetime",
        "previous_custody_id",
        "overdue_notified",
        "recovery_requested",
    }
)
# statuses from which an asset can be checked out (in use only when it has no
# open custody: checking it out then gives it the custodian it lacks)
CHECKOUT_STATES = (lifecycle.IN_STOCK, lifecycle.IN_USE)


class ItAssetCustody(models.Model):
    _name = "it.asset.custody"
    _description = "IT Asset Custody"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["asset_tag", "asset_name", "holder_name"]

    asset_id = fields.Many2one(
        "it.asset",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        readonly=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        readonly=True,
    )
    asset_tag = fields.Char(related="asset_id.tag", string="Asset Tag")
    asset_name = fields.Char(related="asset_id.name", string="Asset Name")
    serial_number = fields.Char(related="asset_id.serial_number")
    # the holder: one of employee, department, location
    holder_type = fields.Selection(
        HOLDER_TYPES, required=True, default="employee", readonly=True
    )
    employee_id = fields.Many2one(
        "hr.employee",
        index="btree_not_null",
        check_company=True,
        readonly=True,
    )
    department_id = fields.Many2one(
        "hr.department", index="btree_not_null", check_company=True, readonly=True
    )
    holder_location_id = fields.Many2one(
        "stock.location",
        index="btree_not_null",
        check_company=True,
        readonly=True,
    )
    holder_name = fields.Char(compute="_compute_holder", store=True, string="Holder")
    holder_department_id = fields.Many2one(
        "hr.department",
        compute="_compute_holder",
        store=True,
        help="The department holding the asset, or the holder employee's.",
    )
    holder_user_id = fields.Many2one(
        "res.users",
        compute="_compute_holder",
        store=True,
        index="btree_not_null",
        help="The user of the holder employee (or of the holder department's "
        "manager): they can see and accept it.",
    )
    custody_location_id = fields.Many2one(
        "stock.location",
        readonly=True,
        help="Where the asset is while held: the holder's stock location.",
    )
    state = fields.Selection(
        [
            ("waiting", "Waiting Acceptance"),
            ("active", "Active"),
            ("returned", "Returned"),
        ],
        required=True,
        default="waiting",
        readonly=True,
        index=True,
        tracking=True,
    )
    date_start = fields.Date(
        string="Check-out Date",
        required=True,
        default=fields.Date.context_today,
        readonly=True,
    )
    expected_return_date = fields.Date(tracking=True)
    date_end = fields.Date(string="Return Date", readonly=True, tracking=True)
    condition_out = fields.Selection(
        CONDITION_SELECTION, string="Condition at Check-out", readonly=True
    )
    condition_in = fields.Selection(
        CONDITION_SELECTION, string="Condition at Check-in", readonly=True
    )
    notes = fields.Text()
    is_remote = fields.Boolean(
        string="Remote", help="The asset is used away from the office."
    )
    delivery_address = fields.Text(
        help="Where the asset is delivered for remote work (by default the "
        "employee's private address)."
    )
    user_id = fields.Many2one(
        "res.users",
        string="IT Responsible",
        domain="[('share', '=', False)]",
        help="IT user following this custody: overdue and recovery activities "
        "are assigned to them.",
    )
    checkout_user_id = fields.Many2one(
        "res.users", string="Checked Out By", readonly=True
    )
    checkout_datetime = fields.Datetime(string="Checked Out On", readonly=True)
    accepted_user_id = fields.Many2one("res.users", string="Accepted By", readonly=True)
    accepted_datetime = fields.Datetime(string="Accepted On", readonly=True)
    accepted_on_behalf = fields.Boolean(
        string="Accepted on Behalf",
        readonly=True,
        help="An IT manager accepted for the holder (recorded in the chatter).",
    )
    checkin_user_id = fields.Many2one(
        "res.users", string="Checked In By", readonly=True
    )
    checkin_datetime = fields.Datetime(string="Checked In On", readonly=True)
    previous_custody_id = fields.Many2one(
        "it.asset.custody",
        string="Handed Over From",
        readonly=True,
        index="btree_not_null",
        help="The custody this one took over from (handover).",
    )
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue",
        search="_search_is_overdue",
        string="Overdue",
    )
    overdue_notified = fields.Boolean(readonly=True, copy=False)
    recovery_requested = fields.Boolean(readonly=True, copy=False)

    # ------------------------------------------------------------------
    # constraints
    # ------------------------------------------------------------------
    def init(self):
        """At most one open (waiting or active) custody per asset, guarded by
        the database so that concurrent check-outs cannot both succeed."""
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS it_asset_custody_asset_open_uniq "
                "ON it_asset_custody (asset_id) WHERE state IN ('waiting', 'active')"
            )
        )

    @api.constrains("holder_type", "employee_id", "department_id", "holder_location_id")
    def _check_holder(self):
        for custody in self:
            set_fields = [f for f in HOLDER_FIELD.values() if custody[f]]
            if set_fields != [HOLDER_FIELD[custody.holder_type]]:
                raise ValidationError(
                    self.env._(
                        "Custody of %(asset)s: choose exactly one holder, of the "
                        "kind %(kind)s.",
                        asset=custody.asset_id.display_name,
                        kind=dict(HOLDER_TYPES)[custody.holder_type],
                    )
                )

    @api.constrains("date_start", "expected_return_date", "date_end", "asset_id")
    def _check_dates(self):
        for custody in self:
            custody._check_dates_values(
                custody.asset_id,
                custody.date_start,
                custody.expected_return_date,
                custody.date_end,
            )

    def _check_dates_values(self, asset, start, expected=None, end=None):
        acquired = asset.acquisition_date
        if acquired and start < acquired:
            raise ValidationError(
                self.env._(
                    "Asset %(asset)s: the check-out date %(date)s is before its "
                    "acquisition date %(acquired)s.",
                    asset=asset.display_name,
                    date=start,
                    acquired=acquired,
                )
            )
        if expected and expected < start:
            raise ValidationError(
                self.env._(
                    "Asset %(asset)s: the expected return date %(expected)s is "
                    "before the check-out date %(date)s.",
                    asset=asset.display_name,
                    expected=expected,
                    date=start,
                )
            )
        if end and end < start:
            raise ValidationError(
                self.env._(
                    "Asset %(asset)s: the return date %(end)s is before the "
                    "check-out date %(date)s.",
                    asset=asset.display_name,
                    end=end,
                    date=start,
                )
            )

    # ------------------------------------------------------------------
    # computes
    # ------------------------------------------------------------------
    @api.depends(
        "holder_type",
        "employee_id.name",
        "employee_id.department_id",
        "employee_id.user_id",
        "department_id.complete_name",
        "department_id.manager_id.user_id",
        "holder_location_id.complete_name",
    )
    def _compute_holder(self):
        for custody in self:
            holder = custody[HOLDER_FIELD[custody.holder_type]]
            custody.holder_name = holder.display_name or False
            custody.holder_department_id = (
                custody.employee_id.department_id or custody.department_id
            )
            custody.holder_user_id = (
                custody.employee_id.user_id or custody.department_id.manager_id.user_id
            )

    @api.depends("expected_return_date", "state")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for custody in self:
            custody.is_overdue = bool(
                custody.state in OPEN_STATES
                and custody.expected_return_date
                and custody.expected_return_date < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on Overdue."))
        today = fields.Date.context_today(self)
        if (operator == "=") == value:
            return [
                ("state", "in", OPEN_STATES),
                ("expected_return_date", "<", today),
            ]
        return [
            "|",
            "|",
            ("state", "not in", OPEN_STATES),
            ("expected_return_date", "=", False),
            ("expected_return_date", ">=", today),
        ]

    @api.depends("asset_id.display_name", "holder_name")
    def _compute_display_name(self):
        for custody in self:
            custody.display_name = self.env._(
                "%(asset)s → %(holder)s",
                asset=custody.asset_id.sudo().display_name,
                holder=custody.holder_name or "",
            )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        # custodies are opened by check-out, handover and the stock sync
        refuse_direct(self, vals_list, GUARDED_FIELDS, operation="create")
        return super().create(vals_list)

    def write(self, vals):
        refuse_direct(self, [vals], GUARDED_FIELDS)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        if self:
            raise UserError(
                self.env._(
                    "Custody history cannot be deleted: check the asset in instead."
                )
            )

    # ------------------------------------------------------------------
    # actions
    # ------------------------------------------------------------------
    def action_accept(self):
        """The holder acknowledges what they received: only the holder's own
        user may (the employee's user, or the department manager's user for a
        department). An IT manager may accept for them with
        action_accept_on_behalf, which says so."""
        not_theirs = self.filtered(lambda c: c.holder_user_id != self.env.user)
        if not_theirs:
            raise AccessError(
                self.env._(
                    "Only the holder can accept the custody of %(assets)s (an IT "
                    "manager can accept on their behalf). Nothing was accepted.",
                    assets=", ".join(not_theirs.mapped("asset_name")),
                )
            )
        self._accept(on_behalf=False)
        return True

    def action_accept_on_behalf(self):
        """An IT manager records the acceptance in the holder's place (signed
        paper receipt, holder without a user); the chatter says so."""
        if not self.env.user.has_group("it_asset.group_it_asset_manager"):
            raise AccessError(
                self.env._(
                    "Only an IT manager can accept a custody on behalf of its "
                    "holder. Nothing was accepted."
                )
            )
        self._accept(on_behalf=True)
        return True

    def _accept(self, on_behalf):
        not_waiting = self.filtered(lambda c: c.state != "waiting")
        if not_waiting:
            raise UserError(
                self.env._(
                    "These custodies are not waiting for acceptance: %s",
                    ", ".join(not_waiting.mapped("display_name")),
                )
            )
        # the holder may only read their custody: acceptance is written here,
        # elevated, once the checks above passed
        by_action(self.sudo()).write(
            {
                "state": "active",
                "accepted_user_id": self.env.uid,
                "accepted_datetime": fields.Datetime.now(),
                "accepted_on_behalf": on_behalf,
            }
        )
        if on_behalf:
            self.sudo()._message_log_batch(
                {
                    custody.id: self.env._(
                        "Accepted by %(user)s on behalf of %(holder)s.",
                        user=self.env.user.name,
                        holder=custody.holder_name,
                    )
                    for custody in self
                }
            )

    def action_report_problem(self):
        """The holder tells IT something is wrong with what they hold."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Report a Problem"),
            "res_model": "it.asset.problem.report",
            "view_mode": "form",
            "target": "new",
            "context": {"default_custody_id": self.id},
        }

    def action_print_receipt(self):
        return self.env.ref("it_asset.action_report_it_asset_custody").report_action(
            self
        )

    def action_view_holder_assets(self):
        """Every asset the holder of this custody holds now: IT's way to an
        employee's assets (Odoo 18.0's Employees app fails for users without
        HR rights, see the README)."""
        self.ensure_one()
        field = {
            "employee": "holder_employee_id",
            "department": "holder_department_id",
            "location": "holder_location_id",
        }[self.holder_type]
        holder = self[HOLDER_FIELD[self.holder_type]]
        action = self.env["ir.actions.actions"]._for_xml_id("it_asset.it_asset_action")
        title = self.env._("Assets held by %s", self.holder_name)
        action.update(
            {
                "name": title,
                "display_name": title,
                "domain": [("custody_id", "!=", False), (field, "=", holder.id)],
                "context": {"create": False},
            }
        )
        return action

    def action_open_asset(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "it.asset",
            "res_id": self.asset_id.id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------------
    # business methods: check-out, check-in, handover (batch)
    # ------------------------------------------------------------------
    @api.model
    def _holder_values(self, holder):
        holder.ensure_one()
        holder_type = HOLDER_MODEL_TYPE[holder._name]
        return {"holder_type": holder_type, HOLDER_FIELD[holder_type]: holder.id}

    @api.model
    def _check_holder_company(self, assets, holder):
        company = holder.company_id
        if not company:
            return
        foreign = assets.filtered(lambda a: a.company_id != company)
        if foreign:
            raise ValidationError(
                self.env._(
                    "%(holder)s belongs to %(company)s, not to the company of "
                    "%(assets)s: nothing was checked out.",
                    holder=holder.display_name,
                    company=company.name,
                    assets=", ".join(foreign.mapped("display_name")),
                )
            )

    @api.model
    def _open_custodies(self, assets):
        return self.search(
            [("asset_id", "in", assets.ids), ("state", "in", OPEN_STATES)]
        )

    @api.model
    def _checkout(self, assets, holder, date=None, **values):
        """Check ``assets`` out to ``holder`` (hr.employee, hr.department or
        stock.location) on ``date``. ``values``: expected_return_date,
        condition, is_remote, delivery_address, notes, user_id.

        Everything is checked first: any refusal writes nothing."""
        return self._checkout_many([(assets, holder, date, values)])

    @api.model
    def _checkout_many(self, assignments):
        """Check out, in one batch, each ``(assets, holder, date, values)`` of
        ``assignments`` (as :meth:`_checkout`): one search, one create and a
        few writes whatever the number of holders (a register imported with
        its holders). Everything is checked first: any refusal writes
        nothing."""
        self.check_access("create")
        today = fields.Date.context_today(self)
        assignments = [
            (assets, holder, date or today, values)
            for assets, holder, date, values in assignments
        ]
        self._checkout_validate(assignments)
        locations = self._custody_locations(
            [(holder, assets.company_id) for assets, holder, _d, _v in assignments]
        )
        custodies = self._create_custodies_many(
            [
                (assets, holder, date, locations[holder], values)
                for assets, holder, date, values in assignments
            ]
        )
        self.env["it.asset"]._custody_move_many(
            [
                (
                    assets,
                    locations[holder],
                    lifecycle.IN_USE,
                    values.get("condition"),
                    self.env._(
                        "%(action)s %(holder)s",
                        action=values.get("action_label")
                        or self.env._("Checked out to"),
                        holder=holder.display_name,
                    ),
                )
                for assets, holder, _date, values in assignments
            ]
        )
        return custodies

    @api.model
    def _checkout_validate(self, assignments):
        """Refuse, before anything is written, a check-out of ``assignments``
        that cannot be done, naming every asset concerned."""
        all_assets = self.env["it.asset"]
        for assets, holder, _date, _values in assignments:
            if not assets:
                raise UserError(self.env._("Choose at least one asset to check out."))
            if not holder:
                raise UserError(self.env._("Choose who receives the assets."))
            twice = assets & all_assets
            if twice:
                raise UserError(
                    self.env._(
                        "%s would be checked out twice: nothing was done.",
                        ", ".join(twice.mapped("display_name")),
                    )
                )
            all_assets |= assets
        labels = dict(all_assets._fields["state"]._description_selection(self.env))
        bad_state = all_assets.filtered(lambda a: a.state not in CHECKOUT_STATES)
        already = self._open_custodies(all_assets)
        problems = [
            self.env._(
                "%(asset)s is %(state)s.",
                asset=asset.display_name,
                state=labels[asset.state],
            )
            for asset in bad_state
        ] + [
            self.env._(
                "%(asset)s is already checked out to %(holder)s.",
                asset=custody.asset_id.display_name,
                holder=custody.holder_name,
            )
            for custody in already
        ]
        if problems:
            raise UserError(
                self.env._(
                    "These assets cannot be checked out, nothing was done:\n%s",
                    "\n".join(problems),
                )
            )
        for assets, holder, date, values in assignments:
            self._check_holder_company(assets, holder)
            for asset in assets:
                self._check_dates_values(
                    asset, date, values.get("expected_return_date")
                )

    @api.model
    def _create_custodies(self, assets, holder, date, holder_location, values):
        return self._create_custodies_many(
            [(assets, holder, date, holder_location, values)]
        )

    @api.model
    def _create_custodies_many(self, groups):
        """Open the custodies of ``groups``: (assets, holder, date, holder
        location, values) tuples, in one create."""
        now = fields.Datetime.now()
        vals_list = []
        for assets, holder, date, holder_location, values in groups:
            common = dict(
                self._holder_values(holder),
                date_start=date,
                expected_return_date=values.get("expected_return_date"),
                is_remote=values.get("is_remote", False),
                delivery_address=values.get("delivery_address"),
                notes=values.get("notes"),
                checkout_user_id=self.env.uid,
                checkout_datetime=now,
                custody_location_id=holder_location.id,
            )
            if holder._name == "stock.location":
                # a place cannot acknowledge: the custody is active from
                # check-out
                common["state"] = "active"
            previous = values.get("previous_by_asset") or {}
            vals_list += [
                dict(
                    common,
                    asset_id=asset.id,
                    company_id=asset.company_id.id,
                    condition_out=values.get("condition") or asset.condition,
                    user_id=values.get("user_id") or asset.user_id.id or self.env.uid,
                    previous_custody_id=previous.get(asset.id, False),
                )
                for asset in assets
            ]
        try:
            with self.env.cr.savepoint():
                # the custody records who and when: no "created" message
                # nor creator follower per record
                custodies = by_action(
                    self.with_context(
                        mail_create_nolog=True, mail_create_nosubscribe=True
                    )
                ).create(vals_list)
                custodies.flush_recordset()
        except errors.UniqueViolation as exc:
            raise ValidationError(
                self.env._(
                    "Another user has just checked out one of these assets: "
                    "%s. Nothing was done; reload and try again.",
                    ", ".join(
                        self.env["it.asset"]
                        .union(*(group[0] for group in groups))
                        .mapped("display_name")
                    ),
                )
            ) from exc
        return custodies.with_env(self.env)

    @api.model
    def _checkin(self, assets, location, date=None, condition=None, notes=None):
        """Check ``assets`` back in to the stock ``location``."""
        self.check_access("write")
        if not assets:
            raise UserError(self.env._("Choose at least one asset to check in."))
        if not location:
            raise UserError(self.env._("Choose the stock location to return to."))
        date = date or fields.Date.context_today(self)
        custodies = self._open_custodies(assets)
        not_out = assets - custodies.asset_id
        if not_out:
            raise UserError(
                self.env._(
                    "These assets are not checked out, nothing was done: %s",
                    ", ".join(not_out.mapped("display_name")),
                )
            )
        wrong_company = assets.filtered(
            lambda a: location.company_id and a.company_id != location.company_id
        )
        if wrong_company:
            raise ValidationError(
                self.env._(
                    "Location %(location)s belongs to another company than "
                    "%(assets)s: nothing was checked in.",
                    location=location.display_name,
                    assets=", ".join(wrong_company.mapped("display_name")),
                )
            )
        custodies._close(date, condition, notes)
        assets._custody_move(
            location,
            lifecycle.IN_STOCK,
            condition,
            message=self.env._(
                "Checked in from %s", ", ".join(set(custodies.mapped("holder_name")))
            ),
        )
        return custodies

    def _close(self, date, condition=None, notes=None):
        for custody in self:
            self._check_dates_values(custody.asset_id, custody.date_start, end=date)
        vals = {
            "state": "returned",
            "date_end": date,
            "checkin_user_id": self.env.uid,
            "checkin_datetime": fields.Datetime.now(),
        }
        if notes:
            vals["notes"] = notes
        # the custody itself records who returned it and when
        quiet = by_action(self.with_context(mail_notrack=True))
        if condition:
            quiet.write(dict(vals, condition_in=condition))
        else:
            for asset_condition in set(self.asset_id.mapped("condition")):
                quiet.filtered(
                    lambda c, ac=asset_condition: c.asset_id.condition == ac
                ).write(dict(vals, condition_in=asset_condition))
        # activities about the return are done once the asset is back
        self.activity_ids.action_feedback(self.env._("Asset returned."))

    @api.model
    def _handover(self, assets, holder, date=None, **values):
        """Hand ``assets`` over from their current holder to ``holder``: the
        current custody ends on ``date`` and the next one starts on it."""
        self.check_access("create")
        if not assets:
            raise UserError(self.env._("Choose at least one asset to hand over."))
        if not holder:
            raise UserError(self.env._("Choose who receives the assets."))
        date = date or fields.Date.context_today(self)
        current = self._open_custodies(assets)
        not_out = assets - current.asset_id
        if not_out:
            raise UserError(
                self.env._(
                    "These assets are not checked out, so they cannot be handed "
                    "over (check them out instead): %s",
                    ", ".join(not_out.mapped("display_name")),
                )
            )
        holder_field = HOLDER_FIELD[HOLDER_MODEL_TYPE[holder._name]]
        same = current.filtered(lambda c: c[holder_field] == holder)
        if same:
            raise UserError(
                self.env._(
                    "%(holder)s already holds %(assets)s: nothing was handed over.",
                    holder=holder.display_name,
                    assets=", ".join(same.asset_id.mapped("display_name")),
                )
            )
        self._check_holder_company(assets, holder)
        for custody in current:
            self._check_dates_values(custody.asset_id, custody.date_start, end=date)
            self._check_dates_values(
                custody.asset_id, date, values.get("expected_return_date")
            )
        current._close(date, values.get("condition"))
        holder_location = self._custody_location(holder, assets.company_id)
        values["previous_by_asset"] = {c.asset_id.id: c.id for c in current}
        values["action_label"] = self.env._("Handed over to")
        custodies = self._create_custodies(
            assets, holder, date, holder_location, values
        )
        assets._custody_move(
            holder_location,
            lifecycle.IN_USE,
            values.get("condition"),
            message=self.env._(
                "%(action)s %(holder)s",
                action=values.get("action_label") or self.env._("Checked out to"),
                holder=holder.display_name,
            ),
        )
        return custodies

    @api.model
    def _custody_location(self, holder, companies):
        """The stock location of ``holder`` (a location holds in itself)."""
        return self._custody_locations([(holder, companies)])[holder]

    @api.model
    def _custody_locations(self, holders):
        """{holder: its stock location} for ``holders``, (holder, companies
        of its assets) pairs: one lookup (and one create of the missing
        ones) per company and kind of holder."""
        result = {}
        wanted = defaultdict(lambda: defaultdict(list))
        for holder, companies in holders:
            if holder._name == "stock.location":
                result[holder] = holder
                continue
            company = holder.company_id or companies[:1] or self.env.company
            wanted[company][holder._name].append(holder.id)
        for company, by_model in wanted.items():
            for model, ids in by_model.items():
                result.update(
                    company.sudo()._it_asset_holder_locations(
                        self.env[model].browse(ids)
                    )
                )
        return result

    # ------------------------------------------------------------------
    # demo data
    # ------------------------------------------------------------------
    @api.model
    def _demo_settle_custody(self):
        """Demo data tell one story: the custodies declared in the demo files
        get their holder's location and their assets go there; every other
        demo asset in use is checked out (through the check-out) to a demo
        employee, or to its rack's location for servers and network gear,
        and accepted on their behalf, so that holders, locations and
        statuses agree."""
        admin = self.env.ref("base.user_admin")
        declared = self.search(
            [("state", "in", OPEN_STATES), ("custody_location_id", "=", False)]
        )
        for custody in declared:
            holder = custody[HOLDER_FIELD[custody.holder_type]]
            location = self._custody_location(holder, custody.asset_id.company_id)
            by_action(custody).write({"custody_location_id": location.id})
            custody.asset_id.with_context(mail_notrack=True).write(
                {"location_id": location.id}
            )
        orphans = self.env["it.asset"].search(
            [
                ("state", "=", lifecycle.IN_USE),
                ("custody_id", "=", False),
                ("kind", "!=", "software"),
            ]
        )
        employees = self.env["hr.employee"].search(
            [("company_id", "in", orphans.company_id.ids)], order="id"
        )
        if not (orphans and employees):
            return
        # servers and network gear in use are racked where they stand: they
        # are checked out to that location, not to a person
        racked = self.env["it.asset.category"].browse(
            [
                category.id
                for xmlid in ("it_asset.category_server", "it_asset.category_network")
                if (category := self.env.ref(xmlid, raise_if_not_found=False))
            ]
        )
        people = itertools.cycle(employees)
        today = fields.Date.context_today(self)
        custodies = self.with_user(admin)._checkout_many(
            [
                (
                    asset,
                    asset.location_id
                    if asset.category_id in racked and asset.location_id
                    else next(people),
                    asset.acquisition_date or today,
                    {},
                )
                for asset in orphans
            ]
        )
        by_action(custodies).write(
            {
                "state": "active",
                "accepted_user_id": admin.id,
                "accepted_datetime": fields.Datetime.now(),
                "accepted_on_behalf": True,
            }
        )

    # ------------------------------------------------------------------
    # follow-up
    # ------------------------------------------------------------------
    @api.model
    def _cron_custody_overdue(self, batch_size=500):
        """Put one activity on each custody past its expected return date,
        assigned to its IT responsible; each custody is reminded once."""
        domain = [("is_overdue", "=", True), ("overdue_notified", "=", False)]
        custodies = self.search(domain, limit=batch_size, order="id")
        if not custodies:
            return
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        responsible = custodies._responsible()
        # a company with no IT manager at all has nobody to tell: those
        # custodies still show under the Overdue filter
        to_remind = custodies.filtered(lambda c: responsible[c])
        self.env["mail.activity"].create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": custody.id,
                    "activity_type_id": activity_type.id,
                    "summary": self.env._(
                        "Overdue return: %(asset)s",
                        asset=custody.asset_id.display_name,
                    ),
                    "note": Markup("<p>%s</p>")
                    % self.env._(
                        "%(holder)s should have returned %(asset)s on %(date)s.",
                        holder=custody.holder_name,
                        asset=custody.asset_id.display_name,
                        date=custody.expected_return_date,
                    ),
                    "date_deadline": today,
                    "user_id": responsible[custody].id,
                }
                for custody in to_remind
            ]
        )
        by_action(custodies).write({"overdue_notified": True})
        remaining = self.search_count(domain)
        self.env["ir.cron"]._notify_progress(done=len(custodies), remaining=remaining)

    def _responsible(self):
        """{custody: who follows it up}: its IT responsible, else its asset's
        (see it.asset._it_asset_responsible), never OdooBot."""
        by_asset = self.sudo().asset_id._it_asset_responsible()
        return {
            custody: custody.user_id
            if custody.user_id.active and custody.user_id.id != SUPERUSER_ID
            else by_asset[custody.sudo().asset_id].with_env(self.env)
            for custody in self
        }

    def _request_recovery(self, reason):
        """Create one 'recover the asset' activity per open custody of
        ``self`` not yet requested, and return the custodies concerned."""
        custodies = self.filtered(
            lambda c: c.state in OPEN_STATES and not c.recovery_requested
        )
        if not custodies:
            return custodies
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        responsible = custodies._responsible()
        custodies = custodies.filtered(lambda c: responsible[c])
        self.env["mail.activity"].sudo().create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": custody.id,
                    "activity_type_id": activity_type.id,
                    "summary": self.env._(
                        "Recover %(asset)s", asset=custody.asset_id.display_name
                    ),
                    "note": Markup("<p>%s</p>") % html_escape(reason),
                    "date_deadline": today,
                    "user_id": responsible[custody].id,
                }
                for custody in custodies
            ]
        )
        by_action(custodies.sudo()).write({"recovery_requested": True})
        return custodies
