# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models


class ItAssetCapitalise(models.TransientModel):
    _name = "it.asset.capitalise"
    _description = "Capitalise IT Assets"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    asset_ids = fields.Many2many("it.asset", string="Assets", required=True)
    in_service_date = fields.Date(required=True, default=fields.Date.context_today)
    account_id = fields.Many2one(
        "account.account",
        string="Counterpart Account",
        check_company=True,
        help="Credited with the gross value (e.g. the vendor bill or a "
        "suspense account). Leave empty for assets migrated from another "
        "system whose gross value is already booked: no entry is posted.",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "it.asset" and self.env.context.get(
            "active_ids"
        ):
            assets = self.env["it.asset"].browse(self.env.context["active_ids"])
            values["asset_ids"] = [Command.set(assets.ids)]
            if assets.company_id[:1]:
                values["company_id"] = assets.company_id[:1].id
        return values

    def action_capitalise(self):
        self.ensure_one()
        self.asset_ids._capitalise(self.in_service_date, counterpart=self.account_id)
        return {"type": "ir.actions.act_window_close"}
