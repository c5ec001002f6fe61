# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import fields, models

from .it_asset_custody import OPEN_STATES

IT_GROUP = "it_asset.group_it_asset_user"


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    it_asset_custody_ids = fields.One2many(
        "it.asset.custody",
        "employee_id",
        string="IT Asset Custodies",
        groups=IT_GROUP,
    )
    it_asset_count = fields.Integer(
        string="IT Assets Held",
        compute="_compute_it_asset_count",
        groups=IT_GROUP,
    )

    def _compute_it_asset_count(self):
        counts = dict(
            self.env["it.asset.custody"]._read_group(
                [("employee_id", "in", self.ids), ("state", "in", OPEN_STATES)],
                ["employee_id"],
                ["__count"],
            )
        )
        for employee in self:
            employee.it_asset_count = counts.get(employee, 0)

    def write(self, vals):
        leaving = self.browse()
        if vals.get("active") is False or vals.get("departure_date"):
            leaving = self.filtered(lambda e: e.active or not e.departure_date)
        result = super().write(vals)
        if leaving:
            leaving._it_asset_request_recovery()
        return result

    def action_view_it_assets(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id("it_asset.it_asset_action")
        action["domain"] = [("holder_employee_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    def _it_asset_request_recovery(self):
        """The employees of ``self`` are leaving: list what they hold on their
        record and create one recovery activity per custody. Their custodies
        stay open until the assets are checked in."""
        custodies = (
            self.env["it.asset.custody"]
            .sudo()
            .search([("employee_id", "in", self.ids), ("state", "in", OPEN_STATES)])
        )
        if not custodies:
            return custodies
        requested = self.env["it.asset.custody"].sudo()
        for employee in self:
            held = custodies.filtered(lambda c, e=employee: c.employee_id == e)
            if not held:
                continue
            reason = self.env._(
                "%(employee)s is leaving: recover the asset before their departure.",
                employee=employee.name,
            )
            # Odoo's departure wizard writes the departure date, then
            # archives: say it once, for what was not requested yet
            newly = held._request_recovery(reason)
            if not newly:
                continue
            requested |= newly
            items = Markup("").join(
                Markup("<li>%s</li>") % custody.asset_id.display_name
                for custody in newly
            )
            employee.sudo()._message_log(
                body=Markup("<p>%s</p><ul>%s</ul>")
                % (self.env._("IT assets to recover from this employee:"), items)
            )
        return requested
