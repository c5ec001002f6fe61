# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ItAssetAuditFound(models.TransientModel):
    """Mark assets of a campaign found without scanning them, with why."""

    _name = "it.asset.audit.found"
    _description = "Mark Audit Lines Found by Hand"

    line_ids = fields.Many2many("it.asset.audit.line", string="Assets", required=True)
    location_id = fields.Many2one(
        "stock.location", string="Seen At", domain="[('usage', '=', 'internal')]"
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.line_ids._mark_found_by_hand(self.reason, self.location_id)
        return {"type": "ir.actions.act_window_close"}


class ItAssetAuditConfirm(models.TransientModel):
    """The holder confirms an asset they hold by typing or scanning its
    serial number (from *My IT Assets*)."""

    _name = "it.asset.audit.confirm"
    _description = "Confirm a Held Asset for an Audit"

    custody_id = fields.Many2one("it.asset.custody", required=True, readonly=True)
    asset_name = fields.Char(related="custody_id.asset_name")
    asset_tag = fields.Char(related="custody_id.asset_tag")
    serial = fields.Char(string="Serial Number", required=True)

    def action_confirm(self):
        self.ensure_one()
        result = self.env["it.asset.custody"].confirm_held_asset(
            self.custody_id.id, self.serial
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": result["message"],
                "type": "success" if result["ok"] else "warning",
                "sticky": not result["ok"],
                "next": {"type": "ir.actions.act_window_close"},
            },
        }


class ItAssetSettings(models.TransientModel):
    """The audit setting of the IT Assets settings form."""

    _inherit = "it.asset.settings"

    it_asset_checkin_is_audit = fields.Boolean(
        string="Check-in Counts as Audit",
        help="An asset checked in gets its last audit date (the check-in date) "
        "and its next one from its category's audit interval.",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        company = self.env["res.company"].browse(
            values.get("company_id") or self.env.company.id
        )
        values["it_asset_checkin_is_audit"] = company.sudo().it_asset_checkin_is_audit
        return values

    def action_save(self):
        result = super().action_save()
        # super refused anyone but IT managers; the same one elevation
        self.company_id.sudo().write(
            {"it_asset_checkin_is_audit": self.it_asset_checkin_is_audit}
        )
        return result
