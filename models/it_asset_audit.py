# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Audit campaigns: reconcile the register with what is physically there.

A campaign's scope (locations with their children, department, holders,
categories) gives, when it starts, one line per expected asset. Auditors
scan (:meth:`ItAssetAudit.record_scan`, the RPC of the Scan screen and of
the benchmark); closing marks what was not found Missing and sets the audit
dates of what was."""

from collections import defaultdict

from dateutil.relativedelta import relativedelta
from markupsafe import Markup
from psycopg2 import errors

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.it_asset.lib import lifecycle, scan_codes

from .guarded_fields import by_action, refuse_direct

AUDIT_STATES = [
    ("draft", "Draft"),
    ("in_progress", "In Progress"),
    ("closed", "Closed"),
]
RESULTS = [
    ("pending", "Not Scanned Yet"),
    ("found", "Found"),
    ("found_elsewhere", "Found Elsewhere"),
    ("missing", "Missing"),
    ("left", "Left As Is"),
]
FOUND_RESULTS = ("found", "found_elsewhere")
# a line not found yet (an auditor may leave it as it is when closing)
OPEN_RESULTS = ("pending", "left")
MATCHED_BY = [
    ("tag", "Tag"),
    ("serial", "Serial Number"),
    ("label", "Label QR Code"),
    ("hand", "By Hand"),
    ("holder", "Holder's Confirmation"),
]
# set by the actions only (start, scans, close, corrections)
GUARDED_AUDIT_FIELDS = frozenset({"state", "date_started", "date_closed"})
GUARDED_LINE_FIELDS = frozenset(
    {
        "audit_id",
        "asset_id",
        "expected",
        "expected_location_id",
        "expected_employee_id",
        "expected_department_id",
        "result",
        "matched_by",
        "scanned_location_id",
        "scanned_by_id",
        "scanned_at",
        "scan_count",
        "corrected",
        "confirmation_requested",
        "discrepancy",
    }
)
# the two errors a scan meets when another auditor records the same asset
# (or the same unknown code) at the same moment: PostgreSQL's unique index
# (READ COMMITTED) or Odoo's REPEATABLE READ snapshot (the row changed
# since this transaction began)
CONCURRENT_SCAN_ERRORS = (errors.UniqueViolation, errors.SerializationFailure)


class ItAssetAudit(models.Model):
    _name = "it.asset.audit"
    _description = "IT Asset Audit Campaign"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_planned desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        tracking=True,
    )
    date_planned = fields.Date(
        string="Planned Date", default=fields.Date.context_today, tracking=True
    )
    state = fields.Selection(
        AUDIT_STATES,
        string="Status",
        required=True,
        default="draft",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    date_started = fields.Datetime(readonly=True, copy=False)
    date_closed = fields.Datetime(readonly=True, copy=False)
    # scope: every criterion given must hold
    location_ids = fields.Many2many(
        "stock.location",
        string="Locations",
        check_company=True,
        domain="[('usage', '=', 'internal')]",
        help="The assets at these locations or their children.",
    )
    department_id = fields.Many2one(
        "hr.department",
        check_company=True,
        help="The assets held by this department or its employees.",
    )
    employee_ids = fields.Many2many(
        "hr.employee",
        string="Holders",
        check_company=True,
        help="The assets held by these employees (remote workers included).",
    )
    category_ids = fields.Many2many(
        "it.asset.category",
        string="Categories",
        help="The assets of these categories or their children.",
    )
    notes = fields.Html()
    line_ids = fields.One2many("it.asset.audit.line", "audit_id", string="Assets")
    unknown_ids = fields.One2many(
        "it.asset.audit.unknown", "audit_id", string="Unknown Codes"
    )
    expected_count = fields.Integer(compute="_compute_counts")
    found_count = fields.Integer(compute="_compute_counts")
    found_elsewhere_count = fields.Integer(compute="_compute_counts")
    missing_count = fields.Integer(compute="_compute_counts")
    pending_count = fields.Integer(string="Not Scanned", compute="_compute_counts")
    unknown_count = fields.Integer(compute="_compute_counts")
    progress = fields.Float(
        compute="_compute_counts", help="Expected assets found, in percent."
    )

    # ------------------------------------------------------------------
    # computes
    # ------------------------------------------------------------------
    def _compute_counts(self):
        counts = defaultdict(int)
        for audit, result, expected, count in self.env[
            "it.asset.audit.line"
        ]._read_group(
            [("audit_id", "in", self.ids)],
            ["audit_id", "result", "expected"],
            ["__count"],
        ):
            counts[audit.id, result] += count
            if expected:
                counts[audit.id, "expected"] += count
                if result in FOUND_RESULTS:
                    counts[audit.id, "expected_found"] += count
        unknown = dict(
            self.env["it.asset.audit.unknown"]._read_group(
                [("audit_id", "in", self.ids)], ["audit_id"], ["count:sum"]
            )
        )
        for audit in self:
            expected = counts[audit.id, "expected"]
            audit.expected_count = expected
            audit.found_count = counts[audit.id, "found"]
            audit.found_elsewhere_count = counts[audit.id, "found_elsewhere"]
            audit.missing_count = counts[audit.id, "missing"]
            audit.pending_count = counts[audit.id, "pending"] + counts[audit.id, "left"]
            audit.unknown_count = unknown.get(audit, 0)
            audit.progress = (
                100.0 * counts[audit.id, "expected_found"] / expected if expected else 0
            )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        refuse_direct(
            self,
            vals_list,
            GUARDED_AUDIT_FIELDS,
            allowed={"state": {"draft"}},
            operation="create",
        )
        new = self.env._("New")
        for vals in vals_list:
            if not vals.get("name") or vals["name"] == new:
                vals["name"] = self.env["ir.sequence"].next_by_code(
                    "it.asset.audit"
                ) or self.env._("Audit")
        return super().create(vals_list)

    def write(self, vals):
        refuse_direct(self, [vals], GUARDED_AUDIT_FIELDS)
        scope = {"company_id", "location_ids", "department_id", "employee_ids"}
        if scope.union({"category_ids"}) & set(vals) and any(
            audit.state != "draft" for audit in self
        ):
            raise UserError(
                self.env._(
                    "The scope of a campaign is fixed once it has started "
                    "(its expected assets were listed then). Nothing was changed."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        started = self.filtered(lambda a: a.state != "draft")
        if started:
            raise UserError(
                self.env._(
                    "Only draft campaigns can be deleted: %s",
                    ", ".join(started.mapped("name")),
                )
            )

    # ------------------------------------------------------------------
    # actions
    # ------------------------------------------------------------------
    def action_start(self):
        """List the expected assets (one line each, in one create) and open
        the campaign to scans."""
        for audit in self:
            if audit.state != "draft":
                raise UserError(
                    self.env._(
                        "Campaign %(audit)s has already started: its expected "
                        "assets were listed then.",
                        audit=audit.name,
                    )
                )
        vals_list = []
        for audit in self:
            assets = self.env["it.asset"].search_fetch(
                audit._scope_domain(),
                ["location_id", "holder_employee_id", "holder_department_id"],
                order="id",
            )
            vals_list += [
                {
                    "audit_id": audit.id,
                    "asset_id": asset.id,
                    "expected": True,
                    "expected_location_id": asset.location_id.id,
                    "expected_employee_id": asset.holder_employee_id.id,
                    "expected_department_id": asset.holder_department_id.id,
                    "result": "pending",
                }
                for asset in assets
            ]
        by_action(self.env["it.asset.audit.line"]).create(vals_list)
        by_action(self).write(
            {"state": "in_progress", "date_started": fields.Datetime.now()}
        )
        return True

    def action_close(self):
        """Close the campaign once: the expected assets not found become
        Missing (with an activity for their IT responsible) unless left as
        they are; the found ones get their audit dates and a chatter line."""
        for audit in self:
            if audit.state != "in_progress":
                raise UserError(
                    self.env._(
                        "Campaign %(audit)s is %(state)s: only a campaign in "
                        "progress can be closed (once). Nothing was changed.",
                        audit=audit.name,
                        state=dict(AUDIT_STATES)[audit.state],
                    )
                )
        self._lock_for_close()
        lines = self.line_ids
        pending = lines.filtered(lambda line: line.result == "pending")
        found = lines.filtered(lambda line: line.result in FOUND_RESULTS)
        by_action(pending).write({"result": "missing"})
        pending._mark_assets_missing()
        found._set_audit_dates()
        by_action(self).write({"state": "closed", "date_closed": fields.Datetime.now()})
        return True

    def action_request_confirmation(self):
        """Ask each holder in scope to confirm what they hold: an activity
        (with its e-mail) on one of their custodies, which they can open
        from *My IT Assets*; they confirm each asset by typing or scanning
        its serial number."""
        self._check_in_progress()
        lines = self.line_ids.filtered(
            lambda line: line.result in OPEN_RESULTS and line.expected_employee_id
        )
        if not lines:
            raise UserError(
                self.env._(
                    "No asset of this campaign waiting to be found is held by "
                    "an employee: nobody to ask."
                )
            )
        by_employee = lines.grouped("expected_employee_id")
        employees = self.env["hr.employee"].union(*by_employee).sudo()
        without_user = employees.filtered(lambda e: not e.user_id)
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        custody_model = self.env["ir.model"]._get_id("it.asset.custody")
        activities = []
        asked = []
        for employee, employee_lines in by_employee.items():
            user = employee.sudo().user_id
            custodies = employee_lines.asset_id.custody_id
            if not user or not custodies:
                continue
            asked.append(employee.name)
            activities.append(
                {
                    "res_model_id": custody_model,
                    "res_id": custodies[:1].id,
                    "activity_type_id": activity_type.id,
                    "user_id": user.id,
                    "date_deadline": fields.Date.context_today(self),
                    "summary": self.env._(
                        "Confirm the IT assets you hold (%s)",
                        ", ".join(employee_lines.audit_id.mapped("name")),
                    ),
                    "note": Markup("<p>%s</p><ul>%s</ul>")
                    % (
                        self.env._(
                            "Open My IT Assets and confirm each of these by "
                            "typing or scanning its serial number:"
                        ),
                        Markup().join(
                            Markup("<li>%s</li>") % name
                            for name in employee_lines.asset_id.mapped("display_name")
                        ),
                    ),
                }
            )
        # the holders' e-mails: Odoo notifies the user an activity is
        # assigned to (by e-mail, unless they chose Odoo's inbox)
        self.env["mail.activity"].create(activities)
        by_action(lines).write({"confirmation_requested": True})
        body = self.env._(
            "Holders asked to confirm what they hold: %s",
            ", ".join(asked) or self.env._("nobody"),
        )
        if without_user:
            body += " " + self.env._(
                "(without a user, not asked: %s)",
                ", ".join(without_user.mapped("name")),
            )
        for audit in self:
            audit.message_post(body=body)
        return True

    def action_view_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "it_asset.it_asset_audit_line_action"
        )
        action["domain"] = [("audit_id", "=", self.id)]
        action["context"] = {"create": False, "default_audit_id": self.id}
        return action

    def action_open_scan(self):
        """The Scan screen, recording into this campaign."""
        self.ensure_one()
        return {
            "type": "ir.actions.client",
            "tag": "it_asset.scan",
            "name": self.env._("Scan: %s", self.name),
            "params": {"audit_id": self.id},
        }

    # ------------------------------------------------------------------
    # the scan RPC
    # ------------------------------------------------------------------
    def record_scan(self, code, location_id=False):
        """Record one scanned ``code`` (scanner, camera or typed) into this
        campaign, at ``location_id`` (where the auditor is, optional).
        Returns what the Scan screen shows: ``kind`` (found,
        found_elsewhere, duplicate, unknown, refused, invalid), ``message``,
        the asset's card, the campaign's progress.

        A constant number of queries, whatever the campaign's size (one
        lookup, one line, one write, one count)."""
        self.ensure_one()
        # the lines are written in SQL below: the rights are checked here
        self.check_access("write")
        self.env["it.asset.audit.line"].browse().check_access("write")
        self._check_in_progress()
        location = self.env["stock.location"].browse(location_id or [])
        try:
            code = scan_codes.clean(code)
        except scan_codes.BadCode as bad:
            return self._scan_reply("invalid", self._bad_code_message(bad))
        asset, matched_by, note = self.env["it.asset"]._find_by_code(code)
        if not asset:
            return self._record_unknown(code, location)
        if asset.company_id != self.company_id:
            return self._scan_reply(
                "refused",
                self.env._(
                    "%(code)s is an asset of %(company)s, not of %(ours)s "
                    "(this campaign's company): nothing was recorded.",
                    code=code,
                    company=asset.company_id.name,
                    ours=self.company_id.name,
                ),
            )
        asset = asset.with_env(self.env)
        Line = self.env["it.asset.audit.line"]
        line = Line.search([("audit_id", "=", self.id), ("asset_id", "=", asset.id)])
        return self._record_asset_scan(asset, line, matched_by, note, location)

    def _record_asset_scan(self, asset, line, matched_by, note, location):
        elsewhere = self._scan_elsewhere(asset, line, location)
        now = fields.Datetime.now()
        Line = self.env["it.asset.audit.line"]
        Line.flush_model()
        kind = "found_elsewhere" if elsewhere else "found"
        if line and line.result in FOUND_RESULTS:
            kind = "duplicate"
            query = SQL(
                "UPDATE it_asset_audit_line SET scan_count = scan_count + 1, "
                "write_uid = %(uid)s, write_date = %(now)s WHERE id = %(id)s",
                uid=self.env.uid,
                now=now,
                id=line.id,
            )
        elif line:
            query = SQL(
                "UPDATE it_asset_audit_line SET result = %(result)s, "
                "matched_by = %(matched)s, scanned_location_id = %(location)s, "
                "scanned_by_id = %(uid)s, scanned_at = %(now)s, scan_count = 1, "
                "note = %(note)s, write_uid = %(uid)s, write_date = %(now)s "
                "WHERE id = %(id)s",
                result=kind,
                matched=matched_by,
                location=location.id or None,
                uid=self.env.uid,
                now=now,
                note=note or None,
                id=line.id,
            )
        else:
            # an asset the campaign did not expect: the register says it is
            # somewhere else (or with someone else)
            kind = "found_elsewhere"
            note = note or self.env._("Not expected in this campaign.")
            query = SQL(
                "INSERT INTO it_asset_audit_line (audit_id, company_id, asset_id, "
                "expected, expected_location_id, expected_employee_id, "
                "expected_department_id, result, matched_by, scanned_location_id, "
                "scanned_by_id, scanned_at, scan_count, note, corrected, "
                "confirmation_requested, create_uid, create_date, write_uid, "
                "write_date) VALUES (%(audit)s, %(company)s, %(asset)s, false, "
                "%(exp_location)s, %(exp_employee)s, %(exp_department)s, "
                "'found_elsewhere', %(matched)s, %(location)s, %(uid)s, %(now)s, 1, "
                "%(note)s, false, false, %(uid)s, %(now)s, %(uid)s, %(now)s)",
                audit=self.id,
                company=self.company_id.id,
                asset=asset.id,
                exp_location=asset.location_id.id or None,
                exp_employee=asset.holder_employee_id.id or None,
                exp_department=asset.holder_department_id.id or None,
                matched=matched_by,
                location=location.id or None,
                uid=self.env.uid,
                now=now,
                note=note,
            )
        if not self._execute_scan_query(query):
            kind = "duplicate"
            note = self.env._(
                "Another auditor recorded this asset at the same moment: "
                "counted once."
            )
        Line.invalidate_model()
        if kind == "duplicate" and line and line.result in FOUND_RESULTS:
            message = self.env._(
                "%(asset)s was already scanned in this campaign (by %(user)s): "
                "counted once.",
                asset=asset.display_name,
                user=line.scanned_by_id.name,
            )
        elif kind == "duplicate":
            message = note
        elif kind == "found_elsewhere":
            message = self.env._(
                "%(asset)s found at %(here)s; the register has it at %(there)s.",
                asset=asset.display_name,
                here=location.display_name or self.env._("an unnamed place"),
                there=asset.holder_name
                or asset.location_id.display_name
                or self.env._("no location"),
            )
        else:
            message = self.env._("%s found.", asset.display_name)
        return self._scan_reply(kind, message, asset=asset, note=note)

    def _scan_elsewhere(self, asset, line, location):
        """True when the auditor scans the asset away from where the
        register (the line's snapshot) has it."""
        if not location:
            return False
        expected = line.expected_location_id if line else asset.location_id
        if not expected:
            return True
        return not (location.parent_path or "").startswith(expected.parent_path or "")

    def _record_unknown(self, code, location):
        """An unknown code: kept in the campaign, counted once per code."""
        stored = scan_codes.truncated(code)
        self.env["it.asset.audit.unknown"].flush_model()
        now = fields.Datetime.now()
        recorded = self._execute_scan_query(
            SQL(
                "INSERT INTO it_asset_audit_unknown (audit_id, company_id, code, "
                "count, scanned_by_id, location_id, create_uid, create_date, "
                "write_uid, write_date) VALUES (%(audit)s, %(company)s, %(code)s, 1, "
                "%(uid)s, %(location)s, %(uid)s, %(now)s, %(uid)s, %(now)s) "
                "ON CONFLICT (audit_id, code) DO UPDATE SET "
                "count = it_asset_audit_unknown.count + 1, "
                "write_uid = %(uid)s, write_date = %(now)s",
                audit=self.id,
                company=self.company_id.id,
                code=stored,
                uid=self.env.uid,
                location=location.id or None,
                now=now,
            )
        )
        self.env["it.asset.audit.unknown"].invalidate_model()
        message = self.env._(
            "No asset has the tag or serial number %s: kept in the campaign as an "
            "unknown code.",
            stored,
        )
        if not recorded:
            message += " " + self.env._(
                "(Another auditor scanned it at the same moment: counted once.)"
            )
        return self._scan_reply("unknown", message, code=stored)

    def _execute_scan_query(self, query):
        """Run the one write of a scan in a savepoint. False when another
        auditor's scan of the same asset (or code) got there first: their
        result stands, no error for either."""
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(query, log_exceptions=False)
        except CONCURRENT_SCAN_ERRORS:
            return False
        return True

    def _scan_reply(self, kind, message, asset=None, note=False, code=False):
        """The dict the Scan screen renders."""
        reply = {
            "kind": kind,
            "message": message,
            "note": note or False,
            "asset": asset._scan_card() if asset else False,
            "code": code,
        }
        if self:
            self.invalidate_recordset(
                ["expected_count", "found_count", "found_elsewhere_count"]
            )
            reply["audit"] = self._scan_progress()
        return reply

    def _scan_progress(self):
        self.ensure_one()
        return {
            "id": self.id,
            "name": self.name,
            "state": self.state,
            "expected": self.expected_count,
            "found": self.found_count + self.found_elsewhere_count,
            "found_elsewhere": self.found_elsewhere_count,
            "pending": self.pending_count,
            "unknown": self.unknown_count,
        }

    @api.model
    def _scan_result_for_code(self, code):
        """The Scan screen without a campaign: the card of the asset of
        ``code``, or why there is none. Nothing is written."""
        self.env["it.asset"].browse().check_access("read")
        try:
            code = scan_codes.clean(code)
        except scan_codes.BadCode as bad:
            return self.browse()._scan_reply("invalid", self._bad_code_message(bad))
        asset, _matched_by, note = self.env["it.asset"]._find_by_code(code)
        if not asset:
            reply = self.browse()._scan_reply(
                "unknown",
                self.env._("No asset has the tag or serial number %s.", code),
                code=scan_codes.truncated(code),
            )
            reply["can_create"] = self.env.user.has_group(
                "it_asset.group_it_asset_user"
            )
            return reply
        if asset.company_id not in self.env.user.company_ids:
            return self.browse()._scan_reply(
                "refused",
                self.env._(
                    "%(code)s is an asset of %(company)s, a company you do not "
                    "work for.",
                    code=code,
                    company=asset.company_id.name,
                ),
            )
        asset = asset.with_env(self.env)
        return self.browse()._scan_reply(
            "found", self.env._("%s", asset.display_name), asset=asset, note=note
        )

    @api.model
    def scan_campaigns(self):
        """The campaigns in progress the Scan screen offers: each with what
        the picker shows (reference and scope), the locations an auditor of
        it may stand in, and the one to start from when the scope has a
        single location."""
        campaigns = self.search([("state", "=", "in_progress")], limit=50)
        return [
            {
                **audit._scan_progress(),
                "label": audit._scan_label(),
                "locations": audit._scan_locations(),
                "location_id": len(audit.location_ids) == 1 and audit.location_ids.id,
            }
            for audit in campaigns
        ]

    def _scope_summary(self):
        """The scope in a few words: "Server Room, Shelf A · Laptops"."""
        self.ensure_one()

        def names(records, at_most=2):
            shown = records[:at_most].mapped("display_name")
            if len(records) > at_most:
                shown.append(self.env._("+%s", len(records) - at_most))
            return ", ".join(shown)

        parts = [
            names(self.location_ids),
            self.department_id.display_name or "",
            names(self.employee_ids),
            names(self.category_ids),
        ]
        return " · ".join(filter(None, parts)) or self.env._("Whole register")

    def _scan_label(self):
        self.ensure_one()
        return f"{self.name} · {self._scope_summary()}"

    def _scan_locations(self):
        """Where an auditor of this campaign may say they are: the scope's
        locations and their children, or the company's internal
        locations when the scope has none."""
        self.ensure_one()
        domain = [
            ("usage", "=", "internal"),
            ("company_id", "in", [self.company_id.id, False]),
        ]
        if self.location_ids:
            domain.append(("id", "child_of", self.location_ids.ids))
        return self.env["stock.location"].search_read(
            domain, ["display_name"], limit=200, order="complete_name"
        )

    # ------------------------------------------------------------------
    # business methods
    # ------------------------------------------------------------------
    def _scope_domain(self):
        """The register's domain of the assets this campaign expects."""
        self.ensure_one()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("state", "not in", (lifecycle.DRAFT, lifecycle.DISPOSED)),
        ]
        if self.location_ids:
            domain.append(("location_id", "child_of", self.location_ids.ids))
        if self.department_id:
            domain.append(("holder_department_id", "child_of", self.department_id.id))
        if self.employee_ids:
            domain.append(("holder_employee_id", "in", self.employee_ids.ids))
        if self.category_ids:
            domain.append(("category_id", "child_of", self.category_ids.ids))
        return domain

    def _check_in_progress(self):
        for audit in self:
            if audit.state != "in_progress":
                raise UserError(
                    self.env._(
                        "Campaign %(audit)s is %(state)s: scans and "
                        "confirmations are recorded only while it is in progress.",
                        audit=audit.name,
                        state=dict(AUDIT_STATES)[audit.state],
                    )
                )

    def _lock_for_close(self):
        """Closing twice at once: the second waits, then sees it closed."""
        self.flush_recordset(["state"])
        self.env.cr.execute(
            SQL(
                "SELECT id FROM it_asset_audit WHERE id = ANY(%s) "
                "AND state = 'in_progress' FOR UPDATE",
                self.ids,
            )
        )
        if len(self.env.cr.fetchall()) != len(self):
            raise UserError(self.env._("This campaign was closed meanwhile."))

    @api.model
    def _bad_code_message(self, bad):
        return {
            "empty": self.env._("Nothing was scanned: the code is empty."),
            "too_long": self.env._(
                "This is not an asset code: it is longer than %s characters. "
                "Nothing was recorded.",
                scan_codes.MAX_CODE_LENGTH,
            ),
            "garbage": self.env._(
                "This is not an asset code (it holds control characters). "
                "Nothing was recorded."
            ),
        }[bad.reason]


class ItAssetAuditLine(models.Model):
    _name = "it.asset.audit.line"
    _description = "IT Asset Audit Line"
    _order = "audit_id desc, result, id"
    _check_company_auto = True
    _rec_name = "asset_id"

    audit_id = fields.Many2one(
        "it.asset.audit",
        string="Campaign",
        required=True,
        ondelete="cascade",
        readonly=True,
        index=True,
    )
    company_id = fields.Many2one(
        related="audit_id.company_id", store=True, index=True, precompute=True
    )
    audit_state = fields.Selection(related="audit_id.state", string="Campaign Status")
    asset_id = fields.Many2one(
        "it.asset",
        required=True,
        ondelete="cascade",
        readonly=True,
        index=True,
        check_company=True,
    )
    asset_tag = fields.Char(related="asset_id.tag", string="Tag")
    serial_number = fields.Char(related="asset_id.serial_number")
    expected = fields.Boolean(
        readonly=True,
        help="Listed when the campaign started (else: scanned but not expected).",
    )
    expected_location_id = fields.Many2one("stock.location", readonly=True)
    expected_employee_id = fields.Many2one(
        "hr.employee", string="Expected Holder", readonly=True, index="btree_not_null"
    )
    expected_department_id = fields.Many2one("hr.department", readonly=True)
    result = fields.Selection(
        RESULTS, required=True, default="pending", readonly=True, index=True
    )
    matched_by = fields.Selection(MATCHED_BY, readonly=True)
    scanned_location_id = fields.Many2one(
        "stock.location", string="Found At", readonly=True
    )
    scanned_by_id = fields.Many2one("res.users", readonly=True)
    scanned_at = fields.Datetime(readonly=True)
    scan_count = fields.Integer(
        readonly=True, help="How many times it was scanned (counted once)."
    )
    note = fields.Text()
    corrected = fields.Boolean(
        readonly=True, help="The register was corrected to where it was found."
    )
    confirmation_requested = fields.Boolean(
        readonly=True, help="The holder was asked to confirm it."
    )
    discrepancy = fields.Text(
        readonly=True,
        help="What the holder's confirmation said that does not match the register.",
    )

    _sql_constraints = [
        (
            "audit_asset_uniq",
            "UNIQUE(audit_id, asset_id)",
            "An asset appears once in a campaign.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        refuse_direct(self, vals_list, GUARDED_LINE_FIELDS, operation="create")
        return super().create(vals_list)

    def write(self, vals):
        refuse_direct(self, [vals], GUARDED_LINE_FIELDS)
        return super().write(vals)

    # ------------------------------------------------------------------
    # actions
    # ------------------------------------------------------------------
    def action_correct(self):
        """Make the register say where the asset was found: a stock move to
        that location (serial-tracked assets), or a check-in there when it
        was held; the asset's chatter names the campaign."""
        self.audit_id._check_in_progress()
        bad = self.filtered(
            lambda line: line.result != "found_elsewhere"
            or line.corrected
            or not line.scanned_location_id
        )
        if bad:
            raise UserError(
                self.env._(
                    "Only assets found elsewhere, at a known location and not "
                    "corrected yet, can be corrected: %s",
                    ", ".join(bad.asset_id.mapped("display_name")),
                )
            )
        custody_places = self.filtered(
            lambda line: line.scanned_location_id.it_asset_employee_id
            or line.scanned_location_id.it_asset_department_id
        )
        if custody_places:
            raise UserError(
                self.env._(
                    "Found at the custody location of a holder: hand it over to "
                    "them (Hand Over) instead, so that their custody is opened: %s",
                    ", ".join(custody_places.asset_id.mapped("display_name")),
                )
            )
        held = self.filtered(lambda line: line.asset_id.custody_id)
        Custody = self.env["it.asset.custody"]
        for location in held.scanned_location_id:
            group = held.filtered(
                lambda line, loc=location: line.scanned_location_id == loc
            )
            Custody._checkin(
                group.asset_id,
                location,
                notes=self.env._("Found there by audit %s", group.audit_id[:1].name),
            )
        moves = []
        for line in self - held:
            moves.append(
                (
                    line.asset_id,
                    line.scanned_location_id,
                    line.asset_id.state,
                    None,
                    self.env._(
                        "Moved by audit %(audit)s: found at %(location)s",
                        audit=line.audit_id.name,
                        location=line.scanned_location_id.display_name,
                    ),
                )
            )
        if moves:
            self.env["it.asset"]._custody_move_many(moves)
        by_action(self).write({"corrected": True})
        return True

    def action_leave(self):
        """Close the campaign without marking this asset Missing."""
        self.audit_id._check_in_progress()
        by_action(self.filtered(lambda line: line.result == "pending")).write(
            {"result": "left"}
        )
        return True

    def action_reset_leave(self):
        self.audit_id._check_in_progress()
        by_action(self.filtered(lambda line: line.result == "left")).write(
            {"result": "pending"}
        )
        return True

    def action_open_found_by_hand(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Mark Found by Hand"),
            "res_model": "it.asset.audit.found",
            "view_mode": "form",
            "target": "new",
            "context": {"default_line_ids": self.ids},
        }

    def action_open_asset(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "it.asset",
            "res_id": self.asset_id.id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------------
    # business methods
    # ------------------------------------------------------------------
    def _mark_found_by_hand(self, reason, location=None):
        """An auditor saw the asset without scanning it (label torn off...):
        found, with the reason."""
        if not (reason or "").strip():
            raise UserError(self.env._("Say why these assets are marked found."))
        self.audit_id._check_in_progress()
        done = self.filtered(lambda line: line.result in FOUND_RESULTS)
        if done:
            raise UserError(
                self.env._(
                    "Already found: %s", ", ".join(done.asset_id.mapped("display_name"))
                )
            )
        by_action(self).write(
            {
                "result": "found",
                "matched_by": "hand",
                "scanned_by_id": self.env.uid,
                "scanned_at": fields.Datetime.now(),
                "scanned_location_id": location.id if location else False,
                "scan_count": 1,
                "note": reason.strip(),
            }
        )

    def _mark_assets_missing(self):
        """Closing: the assets of these lines (not found) become Missing
        through the lifecycle, each with an activity for its IT
        responsible and a chatter line naming the campaign."""
        assets = self.asset_id.filtered(
            lambda a: a.state != lifecycle.MISSING
            and lifecycle.is_allowed(a.state, lifecycle.MISSING)
        )
        if not assets:
            return
        assets.with_context(mail_notrack=True)._change_state(lifecycle.MISSING)
        audit_by_asset = {line.asset_id.id: line.audit_id for line in self}
        responsible = assets._it_asset_responsible()
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        asset_model = self.env["ir.model"]._get_id("it.asset")
        today = fields.Date.context_today(self)
        self.env["mail.activity"].create(
            [
                {
                    "res_model_id": asset_model,
                    "res_id": asset.id,
                    "activity_type_id": activity_type.id,
                    "user_id": responsible[asset].id,
                    "date_deadline": today,
                    "summary": self.env._(
                        "Missing after audit %s", audit_by_asset[asset.id].name
                    ),
                }
                for asset in assets
                if responsible[asset]
            ]
        )
        assets._message_log_batch(
            {
                asset.id: self.env._(
                    "Not found by audit %(audit)s: marked Missing.",
                    audit=audit_by_asset[asset.id].name,
                )
                for asset in assets
            }
        )

    def _set_audit_dates(self):
        """Closing: the found assets get their last audit date (the scan
        date) and the next one (their category's audit interval), and a
        chatter line saying which campaign found them where."""
        if not self:
            return
        groups = defaultdict(list)
        for line in self:
            scanned = fields.Date.context_today(self, line.scanned_at)
            months = line.asset_id.category_id.audit_interval_months
            groups[scanned, months].append(line.asset_id.id)
        Asset = self.env["it.asset"].with_context(mail_notrack=True)
        for (scanned, months), asset_ids in groups.items():
            Asset.browse(asset_ids).write(
                {
                    "last_audit_date": scanned,
                    "next_audit_date": scanned + relativedelta(months=months)
                    if months
                    else False,
                }
            )
        self.asset_id._message_log_batch(
            {
                line.asset_id.id: self.env._(
                    "Found by audit %(audit)s at %(location)s.",
                    audit=line.audit_id.name,
                    location=(
                        line.scanned_location_id or line.expected_location_id
                    ).display_name
                    or line.asset_id.holder_name
                    or "-",
                )
                for line in self
            }
        )


class ItAssetAuditUnknown(models.Model):
    _name = "it.asset.audit.unknown"
    _description = "IT Asset Audit Unknown Code"
    _order = "audit_id desc, id"
    _check_company_auto = True
    _rec_name = "code"

    audit_id = fields.Many2one(
        "it.asset.audit",
        string="Campaign",
        required=True,
        ondelete="cascade",
        readonly=True,
        index=True,
    )
    company_id = fields.Many2one(
        related="audit_id.company_id", store=True, precompute=True
    )
    code = fields.Char(required=True, readonly=True)
    count = fields.Integer(default=1, readonly=True, help="Times it was scanned.")
    scanned_by_id = fields.Many2one(
        "res.users", string="First Scanned By", readonly=True
    )
    location_id = fields.Many2one(
        "stock.location", string="Scanned Where", readonly=True
    )
    note = fields.Text()

    _sql_constraints = [
        (
            "audit_code_uniq",
            "UNIQUE(audit_id, code)",
            "An unknown code appears once in a campaign.",
        ),
    ]

    def action_create_asset(self):
        """An IT user registers the unknown item: a new asset form with the
        code as its serial number."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "it.asset",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_serial_number": self.code,
                "default_location_id": self.location_id.id,
                "default_company_id": self.company_id.id,
            },
        }
