# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.it_asset.lib import labels

from ..models.res_company_label import LABEL_FORMATS

# label format -> its report (one paper format each)
LABEL_REPORTS = {
    "a4_3x8": "it_asset.action_report_it_asset_label_a4",
    "letter_30": "it_asset.action_report_it_asset_label_letter",
    "roll_62x29": "it_asset.action_report_it_asset_label_roll",
}


class ItAssetLabelPrint(models.TransientModel):
    """Print Labels: the assets selected in the register, of a location, of
    a category, or those a receipt created (warehouse staff print those)."""

    _name = "it.asset.label.print"
    _description = "Print IT Asset Labels"

    label_format = fields.Selection(
        LABEL_FORMATS,
        string="Format",
        required=True,
        default=lambda self: self.env.company.it_asset_label_format,
    )
    start_position = fields.Integer(
        default=1,
        help="First free label of the sheet (1 = top left, then row by row): "
        "the labels before it stay blank, so a half-used sheet is reused.",
    )
    copies = fields.Integer(default=1, help="Labels printed for each asset.")
    asset_ids = fields.Many2many("it.asset", string="Assets")
    picking_ids = fields.Many2many("stock.picking", string="Receipts")
    is_roll = fields.Boolean(compute="_compute_layout")
    cells_per_page = fields.Integer(compute="_compute_layout")
    label_count = fields.Integer(string="Labels", compute="_compute_layout")
    page_count = fields.Integer(string="Pages", compute="_compute_layout")

    @api.depends("label_format", "start_position", "copies", "asset_ids", "picking_ids")
    def _compute_layout(self):
        for wizard in self:
            sheet = labels.SHEETS[wizard.label_format or "a4_3x8"]
            wizard.is_roll = sheet.is_roll
            wizard.cells_per_page = sheet.per_page
            wizard.label_count = len(wizard._assets()) * max(wizard.copies, 0)
            start = 1 if sheet.is_roll else wizard.start_position
            wizard.page_count = (
                labels.page_count(wizard.label_count, sheet, start)
                if 1 <= start <= sheet.per_page
                else 0
            )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        model = self.env.context.get("active_model")
        ids = self.env.context.get("active_ids") or []
        if not ids or model not in (
            "it.asset",
            "stock.picking",
            "stock.location",
            "it.asset.category",
        ):
            return values
        if model == "stock.picking":
            # refuses a receipt that created no asset, before the dialog opens
            self.env["stock.picking"].browse(ids)._it_asset_label_assets()
            values["picking_ids"] = [fields.Command.set(ids)]
            return values
        Asset = self.env["it.asset"]
        if model == "it.asset":
            assets = Asset.browse(ids)
        elif model == "stock.location":
            assets = Asset.search([("location_id", "child_of", ids)])
        else:
            assets = Asset.search([("category_id", "in", ids)])
        if not assets:
            records = self.env[model].browse(ids)
            raise UserError(
                self.env._(
                    "No IT asset in %(records)s: there is no asset label to print.",
                    records=", ".join(records.mapped("display_name")),
                )
            )
        values["asset_ids"] = [fields.Command.set(assets.ids)]
        return values

    def _assets(self):
        self.ensure_one()
        if self.picking_ids:
            return self.picking_ids._it_asset_label_assets()
        return self.asset_ids

    def action_print(self):
        self.ensure_one()
        sheet = labels.SHEETS[self.label_format]
        start = 1 if sheet.is_roll else self.start_position
        if not 1 <= start <= sheet.per_page:
            raise UserError(
                self.env._(
                    "A sheet of this format has %(cells)s labels: start at a "
                    "position from 1 to %(cells)s.",
                    cells=sheet.per_page,
                )
            )
        if self.copies < 1:
            raise UserError(self.env._("Print at least one copy of each label."))
        data = {"start_position": start, "copies": self.copies}
        if self.picking_ids:
            self.picking_ids._it_asset_label_assets()
            data["picking_ids"] = self.picking_ids.ids
        elif self.asset_ids:
            data["asset_ids"] = self.asset_ids.ids
        else:
            raise UserError(self.env._("Select the assets whose labels to print."))
        action = self.env.ref(LABEL_REPORTS[self.label_format]).report_action(
            None, data=data, config=False
        )
        action["close_on_report_download"] = True
        return action
