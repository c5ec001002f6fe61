# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ItAssetScanToAdd(models.AbstractModel):
    """*Add by Scan* on the custody dialogs: a many2one to scan into (Odoo's
    ``many2one_barcode`` widget: the phone camera on a phone, a keyboard-wedge
    scanner or typing anywhere). A tag, a serial or a label's QR link finds
    the asset (``it.asset._search_display_name``); the asset joins the
    dialog's list and the field is emptied for the next scan."""

    _name = "it.asset.scan.to.add"
    _description = "IT Asset Dialog: Add by Scan"

    asset_ids = fields.Many2many("it.asset", string="Assets", required=True)
    scan_asset_id = fields.Many2one(
        "it.asset",
        string="Add by Scan",
        help="Scan or type a tag or serial number to add the asset.",
    )

    @api.onchange("scan_asset_id")
    def _onchange_scan_asset_id(self):
        if self.scan_asset_id:
            self.asset_ids |= self.scan_asset_id
            self.scan_asset_id = False
