# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.it_asset.models.it_asset_custody import (
    CONDITION_SELECTION,
    HOLDER_FIELD,
    HOLDER_TYPES,
)


class ItAssetCheckout(models.TransientModel):
    """Check out many assets to one holder, or hand them over to another."""

    _name = "it.asset.checkout"
    _inherit = ["it.asset.scan.to.add"]
    _description = "IT Asset Check-out / Handover"

    mode = fields.Selection(
        [("checkout", "Check Out"), ("handover", "Hand Over")],
        required=True,
        default="checkout",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    holder_type = fields.Selection(
        HOLDER_TYPES, string="Check Out To", required=True, default="employee"
    )
    employee_id = fields.Many2one(
        "hr.employee", domain="[('company_id', 'in', [company_id, False])]"
    )
    department_id = fields.Many2one(
        "hr.department", domain="[('company_id', 'in', [company_id, False])]"
    )
    holder_location_id = fields.Many2one(
        "stock.location",
        string="Location",
        domain="[('usage', '=', 'internal'), "
        "('company_id', 'in', [company_id, False])]",
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    expected_return_date = fields.Date()
    condition = fields.Selection(
        CONDITION_SELECTION, help="Leave empty to keep each asset's condition."
    )
    is_remote = fields.Boolean(string="Remote")
    delivery_address = fields.Text(
        compute="_compute_delivery_address", store=True, readonly=False
    )
    user_id = fields.Many2one(
        "res.users",
        string="IT Responsible",
        domain="[('share', '=', False)]",
        help="Leave empty: each asset's IT responsible follows its custody.",
    )
    notes = fields.Text()

    @api.depends("is_remote", "employee_id")
    def _compute_delivery_address(self):
        for wizard in self:
            employee = wizard.employee_id.sudo()
            if not (wizard.is_remote and employee):
                wizard.delivery_address = False
                continue
            lines = [
                employee.private_street,
                employee.private_street2,
                " ".join(filter(None, [employee.private_zip, employee.private_city])),
                employee.private_state_id.name,
                employee.private_country_id.name,
            ]
            wizard.delivery_address = "\n".join(filter(None, lines)) or False

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        asset_ids = values.get("asset_ids")
        if not asset_ids and self.env.context.get("active_model") == "it.asset":
            values["asset_ids"] = [(6, 0, self.env.context.get("active_ids", []))]
        return values

    def _holder(self):
        return self[HOLDER_FIELD[self.holder_type]]

    def action_confirm(self):
        self.ensure_one()
        values = {
            "expected_return_date": self.expected_return_date,
            "condition": self.condition,
            "is_remote": self.is_remote,
            "delivery_address": self.delivery_address,
            "notes": self.notes,
            "user_id": self.user_id.id,
        }
        Custody = self.env["it.asset.custody"]
        method = Custody._checkout if self.mode == "checkout" else Custody._handover
        method(self.asset_ids, self._holder(), self.date, **values)
        return {"type": "ir.actions.act_window_close"}
