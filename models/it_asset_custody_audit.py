# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Custody and audits: a check-in counted as an audit (company setting), and
the holders' remote confirmation of what they hold (*My IT Assets*)."""

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.it_asset.lib import scan_codes

from .guarded_fields import by_action
from .it_asset_custody import OPEN_STATES


class ItAssetCustody(models.Model):
    _inherit = "it.asset.custody"

    audit_confirmation_pending = fields.Boolean(
        string="Audit Confirmation Requested",
        compute="_compute_audit_confirmation_pending",
        help="An audit campaign asks the holder to confirm they hold it.",
    )

    def _compute_audit_confirmation_pending(self):
        pending = self._audit_lines_to_confirm().asset_id
        for custody in self:
            custody.audit_confirmation_pending = custody.asset_id in pending

    # ------------------------------------------------------------------
    def _checkin(self, assets, location, date=None, condition=None, notes=None):
        """Where the company counts a check-in as an audit, the assets
        checked in get their audit dates (IT saw them)."""
        custodies = super()._checkin(assets, location, date, condition, notes)
        counted = assets.filtered(lambda a: a.company_id.it_asset_checkin_is_audit)
        day = date or fields.Date.context_today(self)
        for months in set(counted.category_id.mapped("audit_interval_months")):
            counted.filtered(
                lambda a, m=months: a.category_id.audit_interval_months == m
            ).with_context(mail_notrack=True).write(
                {
                    "last_audit_date": day,
                    "next_audit_date": day + relativedelta(months=months)
                    if months
                    else False,
                }
            )
        return custodies

    # ------------------------------------------------------------------
    # remote confirmation
    # ------------------------------------------------------------------
    def action_open_audit_confirm(self):
        """The holder confirms they hold this asset: the serial dialog."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Confirm You Hold It"),
            "res_model": "it.asset.audit.confirm",
            "view_mode": "form",
            "target": "new",
            "context": {"default_custody_id": self.id},
        }

    @api.model
    def confirm_held_asset(self, custody_id, serial):
        """The holder confirms, by typing or scanning its serial number,
        that they hold the asset of their custody ``custody_id`` for the
        audit campaigns that asked them. A wrong serial is a discrepancy on
        the campaign's line, for IT; the asset is not found then."""
        try:
            serial = scan_codes.clean(serial)
        except scan_codes.BadCode as bad:
            raise UserError(
                self.env._("Type or scan the serial number written on the asset.")
            ) from bad
        # the holder reads their own custodies only (record rules)
        custody = self.search([("id", "=", custody_id), ("state", "in", OPEN_STATES)])
        if not custody or custody.employee_id.user_id != self.env.user:
            raise AccessError(
                self.env._(
                    "You can only confirm the assets you hold yourself. "
                    "Nothing was recorded."
                )
            )
        lines = custody._audit_lines_to_confirm()
        if not lines:
            raise UserError(
                self.env._(
                    "No audit campaign is waiting for your confirmation of %s.",
                    custody.asset_id.display_name,
                )
            )
        return custody._record_holder_confirmation(lines, serial)

    def _audit_lines_to_confirm(self):
        """The lines of the campaigns in progress that asked the holder of
        these custodies to confirm their asset, not found yet.

        Elevated, the one place of the remote confirmation: the holder has
        no access to the campaigns; callers pass custodies the user can
        read (their own)."""
        return (
            self.env["it.asset.audit.line"]
            .sudo()
            .search(
                [
                    ("asset_id", "in", self.asset_id.ids),
                    ("expected_employee_id", "in", self.employee_id.ids),
                    ("confirmation_requested", "=", True),
                    ("result", "in", ("pending", "left")),
                    ("audit_id.state", "=", "in_progress"),
                ]
            )
        )

    def _record_holder_confirmation(self, lines, serial):
        """Write the holder's answer on ``lines`` (elevated, from
        :meth:`_audit_lines_to_confirm`)."""
        self.ensure_one()
        expected = (self.serial_number or "").strip()
        now = fields.Datetime.now()
        if expected and expected.lower() == serial.lower():
            by_action(lines).write(
                {
                    "result": "found",
                    "matched_by": "holder",
                    "scanned_by_id": self.env.uid,
                    "scanned_at": now,
                    "scan_count": 1,
                    "discrepancy": False,
                }
            )
            return {
                "ok": True,
                "message": self.env._(
                    "Thank you: %s confirmed.", self.asset_id.display_name
                ),
            }
        by_action(lines).write(
            {
                "discrepancy": self.env._(
                    "%(user)s confirmed serial number %(serial)s on %(date)s; "
                    "the register has %(expected)s.",
                    user=self.env.user.name,
                    serial=scan_codes.truncated(serial),
                    date=fields.Datetime.to_string(now),
                    expected=expected or self.env._("no serial number"),
                ),
            }
        )
        return {
            "ok": False,
            "message": self.env._(
                "This serial number is not the one IT has for %s: IT will "
                "check it with you.",
                self.asset_id.display_name,
            ),
        }
