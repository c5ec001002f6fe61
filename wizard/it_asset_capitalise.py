# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.it_asset.models.guarded_fields import by_action


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

    def _check_capitalisable(self, assets):
        """A capitalisation books a cost, and the board it starts is posted to
        the category's accounts: refuse it, writing nothing, when either is
        missing."""
        free = assets.filtered(lambda a: a.acquisition_cost <= 0)
        if free:
            raise UserError(
                self.env._(
                    "%(assets)s: no acquisition cost, so there is nothing to "
                    "capitalise. Enter the cost first. Nothing was capitalised.",
                    assets=", ".join(free.mapped("display_name")),
                )
            )
        if self.account_id:
            assets._check_accounting_setup(["account_asset_id", "journal_id"])
        assets.filtered(
            lambda a: a.depreciation_method not in (False, "none")
        )._check_accounting_setup(
            ["account_depreciation_id", "account_expense_id", "journal_id"]
        )

    def action_capitalise(self):
        self.ensure_one()
        assets = self.asset_ids
        done = assets.filtered(lambda a: a.depreciation_state != "draft")
        if done:
            raise UserError(
                self.env._(
                    "Asset %(asset)s is already capitalised.",
                    asset=done[0].display_name,
                )
            )
        if len(assets.company_id) > 1:
            raise UserError(
                self.env._("Capitalise the assets of one company at a time.")
            )
        self._check_capitalisable(assets)
        if self.account_id:
            assets._check_accounting_setup(["account_asset_id", "journal_id"])
            vals_list = []
            for asset in assets:
                category = asset.category_id.with_company(asset.company_id)
                name = self.env._("%(asset)s: capitalisation", asset=asset.display_name)
                vals_list.append(
                    {
                        "move_type": "entry",
                        "journal_id": category.journal_id.id,
                        "company_id": asset.company_id.id,
                        "date": self.in_service_date,
                        "ref": name,
                        "it_asset_id": asset.id,
                        "line_ids": [
                            Command.create(
                                {
                                    "name": name,
                                    "account_id": category.account_asset_id.id,
                                    "debit": asset.acquisition_cost,
                                    "credit": 0.0,
                                }
                            ),
                            Command.create(
                                {
                                    "name": name,
                                    "account_id": self.account_id.id,
                                    "debit": 0.0,
                                    "credit": asset.acquisition_cost,
                                }
                            ),
                        ],
                    }
                )
            moves = self.env["account.move"].create(vals_list)
            moves._post(soft=False)
            for asset, move in zip(assets, moves, strict=True):
                by_action(asset).write({"capitalisation_move_id": move.id})
        assets._it_asset_on_capitalised(self.in_service_date)
        return {"type": "ir.actions.act_window_close"}
