# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.it_asset.models.it_asset_kit import (
    COMPONENT_POLICIES,
    KIT_CONTEXT_KEY,
)


class ItAssetDispose(models.TransientModel):
    _name = "it.asset.dispose"
    _description = "Dispose of an IT Asset"
    _check_company_auto = True

    asset_id = fields.Many2one("it.asset", required=True, check_company=True)
    company_id = fields.Many2one(related="asset_id.company_id")
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(required=True, default=fields.Date.context_today)
    disposal_type = fields.Selection(
        [("sale", "Sale"), ("scrap", "Scrap")], required=True, default="scrap"
    )
    invoice_id = fields.Many2one(
        "account.move",
        string="Customer Invoice",
        check_company=True,
        domain="[('move_type', '=', 'out_invoice'), ('state', '=', 'posted')]",
        help="The sale invoice: its untaxed amount is the proceeds, moved from "
        "its income account.",
    )
    proceeds = fields.Monetary(
        compute="_compute_proceeds", store=True, readonly=False, precompute=True
    )
    proceeds_account_id = fields.Many2one(
        "account.account",
        compute="_compute_proceeds",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        help="Debited with the proceeds (e.g. the income account of the sale "
        "invoice, or a receivable).",
    )

    component_ids = fields.Many2many(
        "it.asset", string="Components", compute="_compute_component_ids"
    )
    component_policy = fields.Selection(
        COMPONENT_POLICIES,
        string="What Becomes of the Components",
        default="detach",
        help="What becomes of the components of this kit. Disposed of with "
        "it, a capitalised component gets its own disposal entry (a scrap).",
    )

    def _check_proceeds(self):
        """A sale has proceeds: an amount and its account, or an invoice; a
        scrap has none."""
        if self.disposal_type != "sale":
            return
        if self.proceeds <= 0 or not self.proceeds_account_id:
            raise UserError(
                self.env._(
                    "Sale of %(asset)s: give the proceeds (an amount above zero "
                    "and the account they are booked to), or the customer "
                    "invoice. A disposal without proceeds is a Scrap. Nothing "
                    "was disposed of.",
                    asset=self.asset_id.display_name,
                )
            )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "it.asset" and self.env.context.get(
            "active_id"
        ):
            values["asset_id"] = self.env.context["active_id"]
        return values

    @api.depends("asset_id")
    def _compute_component_ids(self):
        for wizard in self:
            wizard.component_ids = wizard.asset_id.child_ids

    @api.depends("invoice_id", "disposal_type")
    def _compute_proceeds(self):
        for wizard in self:
            if wizard.disposal_type == "scrap":
                wizard.proceeds = 0.0
                wizard.proceeds_account_id = False
            elif wizard.invoice_id:
                product_lines = wizard.invoice_id.invoice_line_ids.filtered(
                    lambda line: line.display_type == "product"
                )
                wizard.proceeds = wizard.invoice_id.amount_untaxed_signed
                wizard.proceeds_account_id = product_lines[:1].account_id

    def action_dispose(self):
        self.ensure_one()
        self._check_proceeds()
        policy = self.component_policy or "detach"
        if policy == "dispose":
            # capitalised components leave the books with their kit
            capitalised = self.asset_id._kit_with_components().filtered(
                lambda a: a != self.asset_id
                and a.depreciation_state in ("running", "done")
            )
            for component in capitalised:
                component._dispose(self.date)
        self.asset_id.with_context(**{KIT_CONTEXT_KEY: policy})._dispose(
            self.date,
            proceeds=self.proceeds if self.disposal_type == "sale" else 0.0,
            proceeds_account=self.proceeds_account_id,
            invoice=self.invoice_id,
        )
        return {"type": "ir.actions.act_window_close"}
